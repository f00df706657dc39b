#!/usr/bin/env node
/**
 * `npm run bench`: every performance scenario in one run, in real Chromium, at three sizes.
 *
 *   node bench/run.mjs [--sizes 100,1000,5000] [--only name,name] [--quick] [--skip-build]
 *
 * Each scenario is one file in bench/scenarios/ (the plug-in shape is in bench/README.md); this
 * runner builds the app once, serves it, and for each size makes a fresh vault seeded with that
 * many cases (people, legs, stays, budget lines, checkpoints in proportion, bench/ui/seed.ts),
 * then runs every scenario that wants that size. It writes bench/results.json (one row per
 * scenario and size: median, p95, baseline, ratio, target, met) and bench/results.md, and exits
 * 1 when a target is missed (or a scenario failed). Speed targets live here, never in tests.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startApp } from './lib/app.mjs';
import { markdown, row } from './lib/stats.mjs';
import { build, root } from './ui/harness.mjs';

const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : null);
const sizes = (opt('sizes') ?? '100,1000,5000').split(',').map(Number);
const only = opt('only')?.split(',');
const quick = argv.includes('--quick');
const port = Number(opt('port') ?? 4195);
const log = (s) => console.log(`[bench] ${s}`);

const dir = join(root, 'bench/scenarios');
const scenarios = [];
for (const f of readdirSync(dir)
  .filter((x) => x.endsWith('.mjs'))
  .sort()) {
  const s = (await import(pathToFileURL(join(dir, f)).href)).default;
  if (!only || only.some((o) => f.startsWith(o) || s.name.startsWith(o)))
    scenarios.push({ ...s, file: f });
}
log(`scenarios: ${scenarios.map((s) => s.name).join(', ')}; sizes: ${sizes.join(', ')}`);

const started = Date.now();
const rows = [];
const failures = [];

async function attempt(s, size, ctx) {
  const t0 = Date.now();
  try {
    const ms = await s.run({ ...ctx, size, root, quick, log });
    for (const m of ms) rows.push(row(m, s.sizes === 'once' ? null : size));
    log(`${s.name}${size ? ` @ ${size}` : ''}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    failures.push(`${s.name}${size ? ` @ ${size}` : ''}: ${e.message}`);
    log(`${s.name} FAILED: ${e.stack}`);
  }
}

if (!argv.includes('--skip-build')) build();
for (const s of scenarios.filter((x) => x.sizes === 'once')) await attempt(s, null, {});
for (const s of scenarios.filter((x) => x.sizes !== 'once' && x.needs !== 'app')) {
  for (const size of sizes) if (wants(s, size)) await attempt(s, size, {});
}
const appScenarios = scenarios.filter((x) => x.sizes !== 'once' && x.needs === 'app');
if (appScenarios.length) {
  const app = await startApp(port);
  try {
    for (const size of sizes) {
      const vault = await app.vaultOf(size, log);
      for (const s of appScenarios) if (wants(s, size)) await attempt(s, size, { ...vault, app });
      await vault.context.close();
    }
  } finally {
    await app.stop();
  }
}

function wants(s, size) {
  return s.sizes === 'each' || (Array.isArray(s.sizes) && s.sizes.includes(size));
}

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverage: loadavg() },
  sizes,
  seconds: Math.round((Date.now() - started) / 1000),
  failures,
  results: rows,
};
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(result, null, 2)}\n`);
const missed = rows.filter((r) => r.met === false);
const md =
  `# Benchmark results (${result.date}, ${result.seconds} s)\n\n${markdown(rows)}\n` +
  (failures.length ? `Failed scenarios:\n${failures.map((f) => `- ${f}`).join('\n')}\n` : '');
writeFileSync(join(root, 'bench/results.md'), md);
console.log(`\n${md}`);
log(
  `${missed.length} target(s) missed, ${failures.length} scenario(s) failed; bench/results.json, bench/results.md`,
);
process.exit(missed.length || failures.length ? 1 : 0);
