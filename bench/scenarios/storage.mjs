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
    // Single rounds swing widely here (write ratios of 1.2 to 1.8 in one run at 5,000): more
    // rounds where they are cheap, five at 5,000 (about 18 s each).
    args.push('--rounds', quick ? '1' : size >= 5000 ? '5' : '9');
    spawnSync('node', args, { cwd: root, stdio: 'inherit' });
    const r = JSON.parse(readFileSync(join(root, 'bench/results/storage.json'), 'utf8'));
    const rounds = r.perRun[0].perRound;
    const pick = (k) => rounds.map((x) => x[k]);
    const bound = r.cpu.sealedWriteRatioBound;
    const spread = (k) => {
      const xs = pick(k);
      return `rounds ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×`;
    };
    return [
      {
        scenario: 'storage: write (sealed vs plain Dexie)',
        samples: pick('sealedWriteMs'),
        baseline: { samples: pick('plainWriteMs') },
        ratio: r.median.writeRatio,
        target: { of: 'ratio', max: 1.4 },
        note: `${spread('writeRatio')}; CPU bound of sealing ${bound?.toFixed(2)}×; plain keeps ${r.cpu.plainWriteCoresBusy?.toFixed(1)} of ${r.cpu.cores} cores busy`,
      },
      {
        scenario: 'storage: read + decrypt (vs plain Dexie)',
        samples: pick('sealedReadMs'),
        baseline: { samples: pick('plainReadMs') },
        ratio: r.median.readRatio,
        target: { of: 'ratio', max: 1.6 },
        note: `${spread('readRatio')}; ${r.records.cases + r.records.related} records`,
      },
    ];
  },
};
