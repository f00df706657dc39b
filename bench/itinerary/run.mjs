#!/usr/bin/env node
/**
 * Itinerary pack benchmark (issue 14): a case with 20 legs and 6 people, from "Show print
 * preview" to the PDF's bytes (the preview rendered with its route map, then Chromium's page.pdf,
 * the engine of Electron's printToPDF). Target: under 3 s. Median and worst of RUNS runs, written
 * to bench/results/itinerary.json. Not part of the test suite; timings are never asserted there.
 *
 *   node bench/itinerary/run.mjs            builds the app and the e2e harness, then measures
 *   SKIP_BUILD=1 node bench/itinerary/run.mjs   uses out/renderer and out/e2e-harness as built
 *   BENCH_PORT=4290 RUNS=5 LEGS=20 PEOPLE=6  (defaults)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PASSPHRASE, openBrowser, root, startServer, unlock } from '../ui/harness.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4290);
const RUNS = Number(process.env.RUNS ?? 5);
const LEGS = Number(process.env.LEGS ?? 20);
const PEOPLE = Number(process.env.PEOPLE ?? 6);
const TARGET_MS = 3000;
const harnessDir = join(root, 'out', 'e2e-harness');

function run(args) {
  const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
}
if (!process.env.SKIP_BUILD) {
  run(['electron-vite', 'build']);
  run(['vite', 'build', '--config', 'tests/e2e/harness/vite.config.mts']);
}

const server = await startServer(PORT);
const { browser, context, page } = await openBrowser(server.origin);
try {
  await context.route('**/__harness/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/__harness\//, '');
    const file = normalize(join(harnessDir, path || 'index.html'));
    if (!file.startsWith(harnessDir) || !existsSync(file))
      return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path: file });
  });
  await page.goto('/__harness/index.html');
  await page.waitForFunction(() => window.havenHarness?.ready === true);
  const caseId = await page.evaluate(
    ([p, legs, people]) => window.havenHarness.seedLargePack(p, { legs, people }),
    [PASSPHRASE, LEGS, PEOPLE],
  );
  await page.goto('/');
  await unlock(page);
  await page.goto(`/#/cases/${caseId}`);

  const times = [];
  let pages = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.getByRole('button', { name: 'Print itinerary pack' }).click();
    const started = Date.now();
    await page.getByRole('button', { name: 'Show print preview' }).click();
    const preview = page.getByRole('dialog', { name: 'Print preview' });
    await preview.getByRole('button', { name: 'Save as PDF' }).waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.haven-pack-toolbar button[disabled]'),
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    times.push(Date.now() - started);
    pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    await page.getByRole('button', { name: 'Close preview' }).click();
    await page
      .getByRole('dialog', { name: 'Print an itinerary pack' })
      .getByRole('button', { name: 'Cancel' })
      .click();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const result = {
    scenario: `itinerary pack: ${LEGS} legs, ${PEOPLE} people, preview + page.pdf`,
    runs: times,
    medianMs: sorted[Math.floor(sorted.length / 2)],
    worstMs: sorted.at(-1),
    pages,
    targetMs: TARGET_MS,
    withinTarget: (sorted.at(-1) ?? Infinity) < TARGET_MS,
    at: new Date().toISOString(),
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(root, 'bench', 'results', 'itinerary.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.stop();
}
