#!/usr/bin/env node
/**
 * Runs bench/plan-checks.bench.ts through Vite's module runner (TypeScript without a build step)
 * and prints the summary; the bench file writes bench/results/plan-checks.json.
 * Usage: node bench/plan-checks.mjs   (exit code 1 when the 5 ms target is missed)
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const file = fileURLToPath(new URL('./plan-checks.bench.ts', import.meta.url));
const { module } = await runnerImport(file, { configFile: false, logLevel: 'error' });
const r = module.main();
console.log(
  `plan-checks: ${r.scenario.legs} legs, ${r.scenario.people} people, ${r.scenario.findings} findings; ` +
    `median warm ${r.warm.medianMs} ms (p95 ${r.warm.p95Ms}), cold ${r.cold.medianMs} ms (p95 ${r.cold.p95Ms}), ` +
    `first run ${r.firstRunMs} ms; target ${r.targetMs} ms: ${r.pass ? 'PASS' : 'FAIL'}`,
);
process.exitCode = r.pass ? 0 : 1;
