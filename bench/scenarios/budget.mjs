/**
 * Budget (issue 12), in Debian's Chromium through the functions the app calls (bench/ui/budget.ts,
 * built into out/bench-ui by the runner): exporting 10,000 budget lines to CSV (target 500 ms)
 * and to XLSX (3000 ms) with `exportBytes`, the Export dialog's function, and budget totals
 * across 5,000 cases (100 ms) with the items cache and `budgetAcross`, as the Budget page's
 * across-cases view. The page is a blank one at a routed origin with the app's
 * Content-Security-Policy (write-excel-file/browser compresses in a blob: Web Worker, which the
 * policy allows). `node bench/budget.mjs` measures the same work in Node (write-excel-file/node).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const ORIGIN = 'http://budget-bench.localhost';

async function appCsp(root) {
  const html = await readFile(join(root, 'src/index.html'), 'utf8');
  return /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? null;
}

export default {
  name: 'budget',
  needs: 'build',
  sizes: 'once',
  async run({ root, quick, log }) {
    const csp = await appCsp(root);
    if (!csp) throw new Error('no Content-Security-Policy in src/index.html');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext();
      // Every request stays in this process: the blank page, and the bench modules from out/.
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/')
          return route.fulfill({
            body: '<!doctype html><title>budget bench</title>',
            contentType: 'text/html',
            headers: { 'Content-Security-Policy': csp },
          });
        const path = url.pathname.replace(/^\/__bench\//, '');
        return route.fulfill({
          body: await readFile(join(root, 'out/bench-ui', path)),
          contentType: 'text/javascript',
        });
      });
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/`);
      const rounds = quick ? { exports: 3, totals: 5 } : { exports: 5, totals: 15 };
      const r = await page.evaluate(async (n) => {
        const m = await import('/__bench/budget.js');
        return m.measureBudget(n);
      }, rounds);
      log(
        `budget: ${r.lines} lines (CSV ${r.bytes.csv} B, XLSX ${r.bytes.xlsx} B); ` +
          `${r.cases} cases, ${r.items} lines; cold totals ${Math.round(r.coldTotalsMs)} ms`,
      );
      const note = `Chromium, exportBytes; longest main-thread block during an XLSX export ${Math.round(r.xlsxBlock)} ms`;
      return [
        {
          scenario: `budget: export ${r.lines} lines to CSV`,
          samples: r.csv,
          target: { of: 'median', max: r.targets.csvMs },
          note,
        },
        {
          scenario: `budget: export ${r.lines} lines to XLSX`,
          samples: r.xlsx,
          target: { of: 'median', max: r.targets.xlsxMs },
          note,
        },
        {
          scenario: `budget: totals across ${r.cases} cases`,
          samples: r.totals,
          target: { of: 'median', max: r.targets.totalsMs },
          note: `${r.items} lines, items cached per case; cold (derived from the plans first) ${Math.round(r.coldTotalsMs)} ms`,
        },
      ];
    } finally {
      await browser.close();
    }
  },
};
