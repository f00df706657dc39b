#!/usr/bin/env node
/**
 * Storage benchmark runner: builds bench/storage with vite into out/bench-storage, serves it on
 * 127.0.0.1, runs it in Debian's Chromium (/usr/bin/chromium) through playwright-core, and writes
 * bench/results/storage.json. Targets (issue 15): write ratio <= 1.4, read+decrypt+parse ratio <= 1.6,
 * unlock -> all data decrypted (KDF excluded) < 1.5 s.
 *   node bench/storage/run.mjs [--rounds 5] [--runs 1] [--cases 5000] [--related 50000]
 */
import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outDir = join(root, 'out/bench-storage');
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), Number(all[i + 1])]] : acc),
      [],
    ),
);

execFileSync('npx', ['vite', 'build', '--config', join(here, 'vite.config.mts')], {
  cwd: root,
  stdio: 'inherit',
});

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};
const server = createServer((req, res) => {
  const path = join(outDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = path.endsWith('/') ? join(path, 'index.html') : path;
  if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * CPU time (ms) used so far by every Chromium process on the machine (utime + stime from Linux
 * /proc, which covers all of a process's threads); null without /proc. Run nothing else that uses
 * Chromium meanwhile. A process that exits drops out of the sum, so spans with exits read low.
 */
function chromiumCpuMs() {
  if (!existsSync('/proc/self/stat')) return null;
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Chromium rewrites its child processes' titles into one space-separated string.
      const exe = (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '').split(' ')[0];
      if (!/^(chromium|chrome)$/.test(basename(exe ?? ''))) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process exited while it was being read.
    }
  }
  return (ticks / ticksPerSecond) * 1000;
}

const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  await page.exposeFunction('__benchCpuMs', chromiumCpuMs);
  page.on('console', (m) => console.log(`[page] ${m.text()}`));
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
    timeout: 30_000,
  });
  const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
  const opts = {
    rounds: args.rounds || 5,
    cases: args.cases || 5000,
    related: args.related || 50_000,
  };
  const runCount = args.runs || 1;
  console.log(`running storage benchmark: ${JSON.stringify({ ...opts, runs: runCount })}`);
  // Each run is `rounds` paired rounds with its own medians; with several runs the headline
  // figures are the medians of the run medians (this machine's other work skews single runs).
  const runs = [];
  for (let r = 0; r < runCount; r++) {
    const loadAverageBefore = load();
    const result = await page.evaluate((o) => window.runBench(o), opts);
    runs.push({ ...result, loadAverageBefore, loadAverageAfter: load() });
    console.log(`run ${r + 1}/${runCount}: ${JSON.stringify(result.median)}`);
  }
  const mid = (xs) => {
    const s = [...xs].sort((x, y) => x - y);
    const i = Math.floor(s.length / 2);
    return s.length % 2 ? s[i] : (s[i - 1] + s[i]) / 2;
  };
  const medianOf = (key) =>
    Object.fromEntries(Object.keys(runs[0][key]).map((k) => [k, mid(runs.map((x) => x[key][k]))]));
  const m = medianOf('median');
  const targets = { writeRatio: 1.4, readRatio: 1.6, unlockToDataMsKdfExcluded: 1500 };
  const report = {
    benchmark: 'storage: sealed (WebCrypto AES-256-GCM) vs plain Dexie',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memGiB: Math.round(totalmem() / 2 ** 30),
      browser: browser.version(),
    },
    records: runs[0].records,
    avgJsonBytes: runs[0].avgJsonBytes,
    roundsPerRun: opts.rounds,
    runs: runCount,
    median: m,
    cpu: medianOf('cpu'),
    sealOnlyMedian: medianOf('sealOnlyMedian'),
    targets,
    met: {
      writeRatio: m.writeRatio <= targets.writeRatio,
      readRatio: m.readRatio <= targets.readRatio,
      unlockToDataMsKdfExcluded: m.unlockToDataMsKdfExcluded < targets.unlockToDataMsKdfExcluded,
    },
    // Per run: its medians, every paired round, and the 1/5/15-minute load averages around it.
    perRun: runs,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/storage.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify({ median: m, met: report.met }, null, 2));
} finally {
  await browser.close();
  server.close();
}
