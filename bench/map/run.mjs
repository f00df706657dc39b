#!/usr/bin/env node
/**
 * Map page benchmark (issue 11: "with 5,000 hosts and 20,000 stays: first render of the map page
 * under 1 s, an availability filter change under 150 ms, peak JS heap reported"), measured in
 * Chromium, never asserted in a test.
 *
 *   node bench/map/run.mjs [--hosts 5000] [--stays 20000] [--skip-build]  -> bench/results/map.json
 *
 * Steps (the bench/ui harness): build the app and the seeding module; create a vault through the
 * real screens; seed the hosts and stays through the real repositories (`seedMap`); reload and
 * unlock; then inside the page with performance.now():
 *   - first render: from the dashboard set the hash to #/map and wait until host markers (or
 *     clusters), the host list and the basemap's country labels are in the DOM and a frame has
 *     been painted (the first visit loads the map's chunks and data; later visits are "warm");
 *   - availability filter change: untick / tick "Free", and with Free hidden change the number of people (each a
 *     React state change that recomputes availability across every stay, re-filters, updates the
 *     markers and the list), until the count line changes and a frame is painted;
 *   - peak JS heap: performance.memory.usedJSHeapSize sampled every 20 ms during the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { measureMap } from './measure.mjs';
import {
  build,
  createVault,
  openBrowser,
  root,
  seed,
  startServer,
  unlock,
} from '../ui/harness.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
};
const hosts = arg('--hosts', 5000);
const stays = arg('--stays', 20000);
const TARGETS = { firstRenderMs: 1000, filterChangeMs: 150 };

build({ app: !args.includes('--skip-build') });
const server = await startServer(4194);
const { browser, page } = await openBrowser(server.origin);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
};
const round = (x) => Math.round(x * 10) / 10;

try {
  await createVault(page);
  const seeded = await seed(page, 'seedMap', hosts, stays);
  console.log(
    `seeded ${hosts} hosts, ${stays} stays (${seeded.records} records) in ${seeded.ms} ms`,
  );
  await page.goto('/#/dashboard');
  await page.reload();
  await unlock(page);
  await page.evaluate(() => {
    window.__peak = 0;
    window.__sampler = setInterval(() => {
      const used = performance.memory?.usedJSHeapSize ?? 0;
      if (used > window.__peak) window.__peak = used;
    }, 20);
  });

  const { cold, warm, filter } = await measureMap(page);

  const peak = await page.evaluate(() => {
    clearInterval(window.__sampler);
    return window.__peak;
  });
  const results = {
    date: new Date().toISOString(),
    hosts,
    stays,
    loadavg: loadavg().map(round),
    targets: TARGETS,
    firstRenderMs: { cold: round(cold), warm: warm.map(round), medianWarm: round(median(warm)) },
    filterChangeMs: {
      steps: filter.map((f) => ({ ...f, ms: round(f.ms) })),
      median: round(median(filter.map((f) => f.ms))),
      max: round(Math.max(...filter.map((f) => f.ms))),
    },
    peakJsHeapMB: round(peak / (1024 * 1024)),
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/map.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  server.stop();
}
