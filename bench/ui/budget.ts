/**
 * Bench-only, built with the seeding module (bench/ui/vite.seed.config.mts) and loaded into a
 * Chromium page by bench/scenarios/budget.mjs: the budget's three speed targets measured in the
 * browser, through the functions the app calls. The exports go through `exportBytes`
 * (src/features/budget/export-file.ts, what the Export dialog runs: sheet layout, then CSV text
 * or write-excel-file/browser, whose zip compression runs in a Web Worker); the totals through
 * the items cache and `budgetAcross`, as the Budget page's across-cases view computes them.
 */
import { CaseItemsCache, budgetAcross, type GroupBy } from '../../src/domain/budget';
import { exportBytes, type ExportFormat } from '../../src/features/budget/export-file';
import { EUR, TARGETS, book, exportEntries, planBundles } from '../budget-data';

async function samples(rounds: number, fn: () => unknown): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Longest main-thread block (ms) while `fn` runs, from the Long Tasks API. */
async function longestBlock(fn: () => Promise<unknown>): Promise<number> {
  const blocks: number[] = [];
  const obs = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) blocks.push(e.duration);
  });
  obs.observe({ type: 'longtask' });
  await fn();
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  return Math.max(0, ...blocks);
}

export async function measureBudget(rounds: { exports: number; totals: number }) {
  const entries = exportEntries();
  const cases = entries.map((e) => ({ ...e, currency: EUR }));
  let bytes = { csv: 0, xlsx: 0 };
  const run = (format: ExportFormat) => async () => {
    const out = await exportBytes({
      format,
      layout: 'combined',
      cases,
      currency: EUR,
      book,
      convention: 'nights',
      title: 'Bench',
      fileBase: 'bench',
    });
    bytes = { ...bytes, [format]: out.length };
  };
  const csv = await samples(rounds.exports, run('csv'));
  const xlsx = await samples(rounds.exports, run('xlsx'));
  const xlsxBlock = await longestBlock(run('xlsx'));

  const { bundles, sources } = planBundles();
  const cache = new CaseItemsCache();
  const cold = await samples(1, () =>
    budgetAcross(new CaseItemsCache().entriesOf(bundles, sources), EUR, book, 'month'),
  );
  cache.entriesOf(bundles, sources);
  const groupings: GroupBy[] = ['month', 'funder', 'grantCode', 'category', 'case'];
  let g = 0;
  const totals = await samples(rounds.totals, () =>
    budgetAcross(cache.entriesOf(bundles, sources), EUR, book, groupings[g++ % groupings.length]!),
  );
  const lines = entries.reduce((n, e) => n + e.items.length, 0);
  const items = cache.entriesOf(bundles, sources).reduce((n, e) => n + e.items.length, 0);
  return {
    csv,
    xlsx,
    xlsxBlock,
    totals,
    coldTotalsMs: cold[0] ?? null,
    lines,
    cases: bundles.size,
    items,
    bytes,
    targets: TARGETS,
  };
}
