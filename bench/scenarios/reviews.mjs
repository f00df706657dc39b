/**
 * Issue 13's figures: the dashboard's computation for 5,000 cases in Node (bench/reviews.mjs,
 * target 150 ms), and in Chromium (bench/ui/reviews.mjs, its own vault of 5,000 cases) the
 * dashboard painted after unlock (target 300 ms) and the timeline scrolled through 5,000 cases
 * (target: no frame over 50 ms). Both scripts run as they do alone and write bench/results/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (root, name) => JSON.parse(readFileSync(join(root, 'bench/results', name), 'utf8'));

export default {
  name: 'reviews',
  needs: 'build',
  sizes: 'once',
  run({ root }) {
    spawnSync('node', ['bench/reviews.mjs'], { cwd: root, stdio: 'inherit' });
    const node = read(root, 'reviews.json');
    spawnSync('node', ['bench/ui/reviews.mjs', '--skip-build'], { cwd: root, stdio: 'inherit' });
    const ui = read(root, 'reviews-ui.json');
    const n = `${node.scenario.cases} cases, ${node.scenario.checkpoints} reviews`;
    return [
      {
        scenario: 'dashboard: compute (Node)',
        median: node.medianMs,
        p95: node.maxMs,
        target: { of: 'median', max: node.targetMs },
        note: `${n}; first run ${node.firstRunMs} ms; p95 column is the slowest run`,
      },
      {
        scenario: 'timeline: rows compute (Node)',
        median: node.timelineMedianMs,
        p95: node.timelineMedianMs,
        note: n,
      },
      {
        scenario: 'dashboard: painted after unlock (Chromium)',
        median: ui.dashboard.afterUnlockPaintedMs,
        p95: ui.dashboard.afterUnlockPaintedMs,
        target: { of: 'median', max: ui.dashboard.targetMs },
        note: `${ui.cases} cases; visits: cold ${ui.dashboard.visitColdPaintedMs} ms, warm ${ui.dashboard.visitWarmMedianMs} ms`,
      },
      {
        scenario: 'timeline: scroll frame (Chromium)',
        median: ui.timelineScroll.medianMs,
        p95: ui.timelineScroll.p95Ms,
        target: { of: 'max', max: ui.timelineScroll.targetMs },
        max: ui.timelineScroll.maxMs,
        note: `${ui.timelineScroll.frames} frames, slowest ${ui.timelineScroll.maxMs} ms, ${ui.timelineScroll.over50} over 50 ms`,
      },
    ];
  },
};
