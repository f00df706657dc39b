/**
 * Shared by the UI benchmark and the screenshot tool: serves the built renderer (out/renderer)
 * with `vite preview`, launches Debian's Chromium, creates a vault through the real screens, and
 * routes /__bench/* to the separately built seeding module (out/bench-ui), which the page can
 * then import. Nothing here is part of the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PASSPHRASE = 'lantern orbit cactus meadow violin harbor';

/** Builds the app (unless skipped) and the seeding module. */
export function build({ app = true } = {}) {
  const run = (args) => {
    const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
  };
  if (app) run(['electron-vite', 'build']);
  run(['vite', 'build', '--config', 'bench/ui/vite.seed.config.mts']);
}

export async function startServer(port) {
  const proc = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--config',
      'vite.web.config.mts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(origin)).ok) return { origin, stop: () => proc.kill() };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error('preview server did not start');
}

export async function openBrowser(origin, viewport = { width: 1366, height: 860 }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ baseURL: origin, viewport });
  await context.route('**/__bench/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/__bench\//, '');
    const body = await readFile(join(root, 'out/bench-ui', path));
    await route.fulfill({ body, contentType: 'text/javascript' });
  });
  const page = await context.newPage();
  return { browser, context, page };
}

/** First run → Create vault → keep the recovery code → the app (as the e2e page object does). */
export async function createVault(page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  const codeBox = page.getByTestId('recovery-code');
  await codeBox.waitFor({ timeout: 180_000 });
  const code = ((await codeBox.textContent()) ?? '').trim();
  await page
    .getByLabel('Type the last group of the code to show you kept it')
    .fill(code.split('-').at(-1) ?? '');
  await page.getByRole('button', { name: 'I have kept it: open the vault' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

export async function unlock(page) {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 120_000 });
}

/** Runs an export of the seeding module inside the page. */
export async function seed(page, fn, ...args) {
  return page.evaluate(
    async ([name, passphrase, rest]) => {
      const m = await import('/__bench/seed.js');
      return m[name](passphrase, ...rest);
    },
    [fn, PASSPHRASE, args],
  );
}
