/**
 * Budget benchmark (issue 12). Three targets, medians of several runs after a warm-up:
 *   - finance export of 10,000 budget lines to XLSX (sheet layout + write-excel-file)  < 3 s
 *   - the same 10,000 lines to CSV (sheet layout + the CSV writer)                     < 0.5 s
 *   - budget totals across 5,000 cases (each with a stay, per diem for 3 people, 2 legs in
 *     USD, a visa fee and 2 manual lines; converted to EUR with dated rates)           < 100 ms
 *     measured warm (items cached per case, as the app keeps them) and, for reference, cold
 *     (every case derived from its plan first).
 * Results go to bench/results/budget.json.
 * Run: `node bench/budget.mjs` (loads this file through Vite's module runner).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import {
  CaseItemsCache,
  budgetAcross,
  budgetCsv,
  budgetSheet,
  xlsxSheet,
} from '../src/domain/budget';
import { EUR, TARGETS, book, exportEntries, planBundles } from './budget-data';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}
async function time(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

export async function main() {
  const entries = exportEntries();
  const lineCount = entries.reduce((n, e) => n + e.items.length, 0);
  const csvMs = await time(5, () => budgetCsv(budgetSheet(entries, EUR, book, 'nights', 'Bench')));
  let bytes = 0;
  const xlsxMs = await time(3, async () => {
    const sheet = xlsxSheet(budgetSheet(entries, EUR, book, 'nights', 'Bench'), 'Budget');
    const buf = (await writeXlsxFile([
      { data: sheet.data, sheet: sheet.name, columns: sheet.columns },
    ]).toBuffer()) as Buffer;
    bytes = buf.length;
  });

  const { bundles, sources } = planBundles();
  const coldMs = await time(3, () => {
    const cache = new CaseItemsCache();
    const all = cache.entriesOf(bundles, sources);
    return budgetAcross(all, EUR, book, 'month');
  });
  const cache = new CaseItemsCache();
  const all = cache.entriesOf(bundles, sources);
  const items = all.reduce((n, e) => n + e.items.length, 0);
  const warmMs = await time(10, () =>
    budgetAcross(cache.entriesOf(bundles, sources), EUR, book, 'funder'),
  );
  const result = {
    export: { lines: lineCount, csvMs, xlsxMs, xlsxBytes: bytes },
    totals: { cases: bundles.size, items, warmMs, coldMs },
    targets: TARGETS,
    pass: csvMs < TARGETS.csvMs && xlsxMs < TARGETS.xlsxMs && warmMs < TARGETS.totalsMs,
  };
  const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results', 'budget.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
