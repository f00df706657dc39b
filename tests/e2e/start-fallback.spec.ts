/**
 * `npm start` where the Electron download fails (issue 10), end to end: the real start script
 * (electron/tools/start.mjs, on the build in out/) tries to download Electron from a mirror
 * that refuses connections (so the test never goes out, even on a machine with internet), says
 * why the desktop window cannot open and how to get it, finds its preferred port taken and picks
 * the next one, and serves the app there; Chromium opens it with no 404 (favicon included).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PORT } from '../../playwright.config';
// Not the app fixture: its egress check knows only the suite's own server; this test checks
// the same (nothing leaves the served origin) for the port the script picked.
import { expect, test } from '@playwright/test';

const root = join(__dirname, '..', '..');

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

test('npm start without an Electron binary and no way to download it: says why, picks a free port, serves the app', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const preferred = E2E_PORT + 300;
  const blocker = await listen(preferred);
  const cache = mkdtempSync(join(tmpdir(), 'haven-electron-cache-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HAVEN_START_SKIP_BUILD: '1',
    HAVEN_PORT: String(preferred),
    HAVEN_ELECTRON_DOWNLOAD_TIMEOUT_MS: '20000',
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: cache,
    NO_COLOR: '1',
  };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.FORCE_COLOR;
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['electron/tools/start.mjs'], {
    cwd: root,
    env,
    detached: true,
  });
  // eslint-disable-next-line no-control-regex
  const plain = (chunk: Buffer): string => chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
  child.stdout?.on('data', (chunk: Buffer) => (output += plain(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => (output += plain(chunk)));
  try {
    await expect.poll(() => output, { timeout: 60_000 }).toContain('Local:');
    console.log(output);
    expect(output).toContain('Downloading the Electron 45.4.1 binary');
    expect(output).toContain('The Electron binary could not be downloaded');
    expect(output).toContain('So the desktop window cannot open on this machine');
    expect(output).toContain('run `npm start` again');
    const served = preferred + 1;
    expect(output).toContain(
      `Port ${preferred} is in use, so Haven is served on port ${served} instead: open http://127.0.0.1:${served}`,
    );
    expect(output).not.toContain('configLoader');

    const missing: string[] = [];
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(`http://127.0.0.1:${served}/`) && !/^(data|blob):/.test(url))
        foreign.push(url);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    const response = await page.goto(`http://127.0.0.1:${served}/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect(page.getByRole('button', { name: 'Create vault' })).toBeVisible();
    const icon = await page.request.get(`http://127.0.0.1:${served}/favicon.png`);
    expect(icon.status()).toBe(200);
    expect(missing).toEqual([]);
    expect(foreign).toEqual([]);
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    blocker.close();
    rmSync(cache, { recursive: true, force: true });
  }
});
