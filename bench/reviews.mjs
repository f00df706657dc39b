#!/usr/bin/env node
/**
 * Runs bench/reviews.bench.ts (the dashboard's computation for 5,000 cases) through Vite's module
 * runner and prints the summary; the bench file writes bench/results/reviews.json. The painted
 * dashboard and the timeline's scrolling are measured in Chromium: node bench/ui/reviews.mjs.
 * Usage: node bench/reviews.mjs   (exit code 1 when the 150 ms target is missed)
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const file = fileURLToPath(new URL('./reviews.bench.ts', import.meta.url));
const { module } = await runnerImport(file, { configFile: false, logLevel: 'error' });
const r = module.main();
console.log(
  `dashboard compute, ${r.scenario.cases} cases (${r.scenario.overdue} overdue reviews): first ${r.firstRunMs} ms, ` +
    `median ${r.medianMs} ms, max ${r.maxMs} ms; timeline rows ${r.timelineMedianMs} ms; target ${r.targetMs} ms: ${r.pass ? 'PASS' : 'FAIL'}`,
);
process.exitCode = r.pass ? 0 : 1;
