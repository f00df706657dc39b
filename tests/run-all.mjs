#!/usr/bin/env node
/**
 * `npm test`: every suite, in the order CI runs them, then one closing line
 * `N passed, N failed, N skipped` that counts all of them together.
 *
 *   1. typecheck (node and web projects)         one check  } run together, each a single-
 *   2. lint, zero warnings; Prettier formatting  one check each } threaded process
 *   3. unit tests (vitest)                        each test
 *   4. build (electron-vite build)                one check
 *   5. Electron security audit (Electronegativity) one check
 *   6. end-to-end in Chromium (Playwright)        each test
 *   7. end-to-end in Electron (Playwright)        each test; skipped with the reason where no binary exists
 *
 * A step that fails to produce its report counts as one failure. Exit code 1 on any failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summaryLines } from './reporters/unit-failures.mjs';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const outcome = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0', ...extraEnv },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: outcome.status === 0, status: outcome.status, seconds };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  lines.push(`${label}: ${ok ? 'passed' : 'FAILED'} (${seconds} s)`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function vitestSuite() {
  const report = join(results, 'unit-report.json');
  const outside = join(results, 'unit-failures.json');
  rmSync(report, { force: true });
  rmSync(outside, { force: true });
  const { ok, seconds } = run(
    'unit tests',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--reporter=./tests/reporters/unit-failures.mjs',
      `--outputFile.json=${report}`,
    ],
    { HAVEN_UNIT_FAILURES: outside },
  );
  const json = readJson(report);
  if (!json) {
    totals.failed += 1;
    lines.push(`unit tests: FAILED, no report (${seconds} s)`);
    return;
  }
  const passed = json.numPassedTests ?? 0;
  const failed = (json.numFailedTests ?? 0) + (ok || json.numFailedTests ? 0 : 1);
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`unit tests: ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s)`);
  if (!ok) lines.push(...summaryLines(readJson(outside)));
}

function playwrightSuite(label, config, reportName) {
  const report = join(results, reportName);
  rmSync(report, { force: true });
  const { ok, seconds } = run(label, 'npx', ['playwright', 'test', '-c', config]);
  const json = readJson(report);
  if (!json?.stats) {
    totals.failed += 1;
    lines.push(`${label}: FAILED, no report (${seconds} s)`);
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  const failed = unexpected + flaky + (ok || unexpected || flaky ? 0 : 1);
  totals.passed += expected;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${label}: ${expected} passed, ${failed} failed, ${skipped} skipped (${seconds} s)`);
}

/**
 * The static checks at once: each is one single-threaded process, so on a machine with two or
 * more cores they finish in the time of the longest. Their output is printed whole, one after
 * the other, as each finishes.
 */
async function checksTogether(list) {
  await Promise.all(
    list.map(
      ([label, command, args]) =>
        new Promise((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, {
            cwd: root,
            env: { ...process.env, FORCE_COLOR: '0' },
          });
          let out = '';
          let finished = false;
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          const done = (ok) => {
            if (finished) return;
            finished = true;
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            console.log(`\n=== ${label}: ${command} ${args.join(' ')}\n${out}`);
            if (ok) totals.passed += 1;
            else totals.failed += 1;
            lines.push(`${label}: ${ok ? 'passed' : 'FAILED'} (${seconds} s)`);
            resolve();
          };
          child.on('error', (e) => {
            out += String(e);
            done(false);
          });
          child.on('close', (code) => done(code === 0));
        }),
    ),
  );
}

await checksTogether([
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
  ['typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
]);
vitestSuite();
const built = check('build', 'npx', ['electron-vite', 'build']);
if (built) {
  check('electron security audit', 'node', ['electron/tools/audit-electron.mjs']);
  playwrightSuite('e2e (Chromium)', 'playwright.config.ts', 'e2e-report.json');
  playwrightSuite('e2e (Electron)', 'playwright.electron.config.ts', 'electron-report.json');
} else {
  totals.failed += 1;
  lines.push('end-to-end suites: not run, the build failed');
}

if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
  lines.push(
    'note: no Chromium at /usr/bin/chromium; install it with `apt-get install -y chromium`.',
  );
}

console.log('\n=== Summary');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
