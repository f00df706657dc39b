#!/usr/bin/env node
/**
 * Runs bench/budget.bench.ts through Vite's module runner and prints the summary; the bench file
 * writes bench/results/budget.json. Usage: node bench/budget.mjs (exit code 1 when a target is missed)
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const file = fileURLToPath(new URL('./budget.bench.ts', import.meta.url));
const { module } = await runnerImport(file, { configFile: false, logLevel: 'error' });
const r = await module.main();
console.log(
  `budget: export ${r.export.lines} lines: CSV ${r.export.csvMs} ms (target ${r.targets.csvMs}), ` +
    `XLSX ${r.export.xlsxMs} ms (target ${r.targets.xlsxMs}); totals across ${r.totals.cases} cases ` +
    `(${r.totals.items} lines): ${r.totals.warmMs} ms warm (target ${r.targets.totalsMs}), ` +
    `${r.totals.coldMs} ms cold incl. derivation: ${r.pass ? 'PASS' : 'FAIL'}`,
);
process.exitCode = r.pass ? 0 : 1;
