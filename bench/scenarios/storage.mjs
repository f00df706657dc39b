/**
 * Storage: sealed writes and reads against plain Dexie, same records, same browser
 * (bench/storage/run.mjs). Targets: write ≤ 1.4×, read ≤ 1.6×; the CPU bound of per-record
 * sealing (sealed CPU time over plain CPU time) is reported beside the write ratio.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default {
  name: 'storage',
  needs: 'none',
  sizes: 'each',
  run({ root, size, quick }) {
    const args = ['bench/storage/run.mjs', '--cases', String(size), '--related', String(size * 10)];
    args.push('--rounds', quick ? '1' : '3');
    spawnSync('node', args, { cwd: root, stdio: 'inherit' });
    const r = JSON.parse(readFileSync(join(root, 'bench/results/storage.json'), 'utf8'));
    const rounds = r.perRun[0].perRound;
    const pick = (k) => rounds.map((x) => x[k]);
    const bound = r.cpu.sealedWriteRatioBound;
    return [
      {
        scenario: 'storage: write (sealed vs plain Dexie)',
        samples: pick('sealedWriteMs'),
        baseline: { samples: pick('plainWriteMs') },
        ratio: r.median.writeRatio,
        target: { of: 'ratio', max: 1.4 },
        note: `CPU bound of sealing ${bound?.toFixed(2)}×; plain keeps ${r.cpu.plainWriteCoresBusy?.toFixed(1)} of ${r.cpu.cores} cores busy`,
      },
      {
        scenario: 'storage: read + decrypt (vs plain Dexie)',
        samples: pick('sealedReadMs'),
        baseline: { samples: pick('plainReadMs') },
        ratio: r.median.readRatio,
        target: { of: 'ratio', max: 1.6 },
        note: `${r.records.cases + r.records.related} records`,
      },
    ];
  },
};
