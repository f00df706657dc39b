/**
 * The app under benchmark, shared by the scenarios that need it: the built renderer served by
 * `vite preview`, Debian's Chromium, and per size a fresh browser context (its own IndexedDB)
 * with a vault created through the real screens and seeded through the real repositories
 * (bench/ui/seed.ts). Long tasks and the JS heap are recorded in every page from its first script.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { PASSPHRASE, createVault, root, seed, startServer } from '../ui/harness.mjs';

export { PASSPHRASE };

/** Installed before any app script: long tasks (main-thread blocks over 50 ms) and heap samples. */
function instrument() {
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported */
  }
  window.__heapPeak = 0;
  setInterval(() => {
    const used = performance.memory?.usedJSHeapSize ?? 0;
    if (used > window.__heapPeak) window.__heapPeak = used;
  }, 50);
}

export async function startApp(port) {
  const server = await startServer(port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--enable-precise-memory-info',
    ],
  });
  return {
    origin: server.origin,
    browser,
    /**
     * A fresh context with a vault of `size` seeded cases, left on the unlock screen. `seeding`
     * names another export of bench/ui/seed.ts and its arguments (the map scenario's `seedMap`).
     */
    async vaultOf(size, log, seeding = ['seedCases', size]) {
      const ctx = await browser.newContext({
        baseURL: server.origin,
        viewport: { width: 1366, height: 860 },
      });
      await ctx.addInitScript(instrument);
      await ctx.route('**/__bench/**', async (route) => {
        const path = new URL(route.request().url()).pathname.replace(/^\/__bench\//, '');
        await route.fulfill({
          body: await readFile(join(root, 'out/bench-ui', path)),
          contentType: 'text/javascript',
        });
      });
      const p = await ctx.newPage();
      await createVault(p);
      const [fn, ...args] = seeding;
      const seeded = size > 0 ? await seed(p, fn, ...args) : { records: 0, ms: 0 };
      log(`${fn}(${args.join(', ')}): ${seeded.records} records in ${seeded.ms} ms`);
      await p.reload();
      await p.getByRole('button', { name: 'Unlock' }).waitFor();
      return { context: ctx, page: p, records: seeded.records };
    },
    async stop() {
      await browser.close();
      server.stop();
    },
  };
}

/** Types the passphrase and presses Unlock; resolves once the main navigation is there. */
export async function unlock(page) {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 120_000 });
}

export async function lock(page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock' }).waitFor();
}
