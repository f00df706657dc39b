/** Plan checks of one large case (bench/plan-checks.bench.ts, in Node): target 5 ms. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default {
  name: 'plan checks',
  needs: 'none',
  sizes: 'once',
  run({ root }) {
    spawnSync('node', ['bench/plan-checks.mjs'], { cwd: root, stdio: 'inherit' });
    const r = JSON.parse(readFileSync(join(root, 'bench/results/plan-checks.json'), 'utf8'));
    const note = `${r.scenario.legs} legs, ${r.scenario.people} people, ${r.scenario.findings} findings`;
    return [
      {
        scenario: 'plan checks (warm)',
        median: r.warm.medianMs,
        p95: r.warm.p95Ms,
        target: { of: 'p95', max: r.targetMs },
        note,
      },
      {
        scenario: 'plan checks (cold)',
        median: r.cold.medianMs,
        p95: r.cold.p95Ms,
        target: { of: 'p95', max: r.targetMs },
        note,
      },
    ];
  },
};
