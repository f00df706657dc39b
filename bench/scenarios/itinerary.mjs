/** Issue 14: an itinerary pack (20 legs, 6 people) previewed and printed to PDF, in Chromium (bench/itinerary/run.mjs): target 3 s. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default {
  name: 'itinerary pack',
  needs: 'build',
  sizes: 'once',
  run({ root }) {
    // The app is built by the runner; the pack is seeded through the e2e harness page.
    spawnSync('npx', ['vite', 'build', '--config', 'tests/e2e/harness/vite.config.mts'], {
      cwd: root,
      stdio: 'inherit',
    });
    spawnSync('node', ['bench/itinerary/run.mjs'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, SKIP_BUILD: '1' },
    });
    const r = JSON.parse(readFileSync(join(root, 'bench/results/itinerary.json'), 'utf8'));
    return [
      {
        scenario: 'itinerary pack: preview + PDF',
        samples: r.runs,
        target: { of: 'max', max: r.targetMs },
        note: `${r.scenario.replace(/^itinerary pack: /, '')}, ${r.pages} pages`,
      },
    ];
  },
};
