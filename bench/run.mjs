#!/usr/bin/env node
/**
 * `npm run bench`: runs every performance scenario in bench/ one after another and prints where
 * each wrote its JSON results. Speed targets are measured here, never asserted as timings in tests.
 *
 *   plan checks      node bench/plan-checks.mjs   -> bench/results/plan-checks.json
 *   storage          node bench/storage/run.mjs   -> bench/results/storage.json
 *   cases list (UI)  node bench/ui/run.mjs        -> bench/results/ui.json
 *   map page (UI)    node bench/map/run.mjs       -> bench/results/map.json
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scenarios = [
  ['plan checks', 'bench/plan-checks.mjs', 'bench/results/plan-checks.json'],
  ['storage', 'bench/storage/run.mjs', 'bench/results/storage.json'],
  ['cases list (UI)', 'bench/ui/run.mjs', 'bench/results/ui.json'],
  ['map page (UI)', 'bench/map/run.mjs', 'bench/results/map.json'],
];

let failed = 0;
for (const [label, script, result] of scenarios) {
  if (!existsSync(join(root, script))) {
    console.log(`\n=== ${label}: ${script} is missing`);
    failed += 1;
    continue;
  }
  console.log(`\n=== ${label}: node ${script}`);
  const { status } = spawnSync('node', [script], { cwd: root, stdio: 'inherit' });
  if (status !== 0) failed += 1;
  console.log(`=== ${label}: ${status === 0 ? 'done' : `exit ${status}`}, results in ${result}`);
}
process.exit(failed > 0 ? 1 : 0);
