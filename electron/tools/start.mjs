#!/usr/bin/env node
/**
 * `npm start`: builds Haven and opens it.
 *  - Finds the Electron binary; Electron 45 downloads it on first use, not at install, so when it
 *    is missing this downloads it now (with progress) and installs it where Electron looks.
 *  - With the binary, it runs the desktop app (`electron-vite preview`).
 *  - Only when the download fails does it say why and how to get the desktop window, and serve the
 *    same built renderer for Chromium (same Content-Security-Policy) on 127.0.0.1:4173, or the
 *    next free port.
 * The decisions are plain functions in ./launch-plan.mjs.
 * Environment: HAVEN_PORT (default 4173), HAVEN_ELECTRON_DOWNLOAD_TIMEOUT_MS (default 15 min),
 * HAVEN_START_SKIP_BUILD=1 (serve the existing out/, for tests), ELECTRON_OVERRIDE_DIST_PATH,
 * ELECTRON_SKIP_BINARY_DOWNLOAD.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_PORT,
  decideLaunch,
  explainDownloadError,
  findElectron,
  pickPort,
  portMessage,
  shouldDownload,
} from './launch-plan.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = process.env;

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
}

const find = () =>
  findElectron({ env, platform: process.platform, electronDir: electronDir(), exists: existsSync });

const exec = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

/** Downloads the Electron binary into Electron's cache with a progress line, then installs it. */
async function downloadElectron(dir) {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const electronRequire = createRequire(join(dir, 'package.json'));
  const { downloadArtifact } = electronRequire('@electron/get');
  console.log(
    `Downloading the Electron ${version} binary for ${process.platform}-${process.arch} (once, about 100 MB)...`,
  );
  let shown = -10;
  const download = downloadArtifact({
    version,
    artifactName: 'electron',
    platform: process.platform,
    arch: process.arch,
    cacheRoot: env.electron_config_cache,
    checksums: JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')),
    downloadOptions: {
      quiet: true,
      getProgressCallback: ({ percent, transferred }) => {
        const pct = Math.floor(percent * 100);
        if (pct >= shown + 10 || pct === 100) {
          shown = pct;
          console.log(`  ${pct}% (${(transferred / 1e6).toFixed(0)} MB)`);
        }
      },
    },
  });
  const ms = Number(env.HAVEN_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 15 * 60_000);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the download timed out after ${ms / 1000} s`)), ms);
  });
  try {
    await Promise.race([download, timeout]);
  } finally {
    clearTimeout(timer);
  }
  // Electron's own installer finds the archive in the cache, unpacks it and writes path.txt.
  if (exec(process.execPath, [join(dir, 'install.js')]) !== 0)
    throw new Error('unpacking the downloaded Electron archive failed (see above)');
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function main() {
  if (env.HAVEN_START_SKIP_BUILD !== '1' && exec('npx', ['electron-vite', 'build']) !== 0) return 1;

  let binary = find();
  let downloadFailure = null;
  const dir = electronDir();
  const plan = shouldDownload(binary, env, dir !== null);
  if (plan.download && dir !== null) {
    try {
      await downloadElectron(dir);
    } catch (e) {
      downloadFailure = explainDownloadError(e);
    }
    binary = find();
  } else if (!plan.download && plan.reason) {
    downloadFailure = plan.reason.replace(/\.$/, '');
  }

  const launch = decideLaunch(binary, downloadFailure);
  if (launch.mode === 'electron') return exec('npx', ['electron-vite', 'preview']);

  console.log(`\n${launch.message}\n`);
  const preferred = Number(env.HAVEN_PORT ?? DEFAULT_PORT);
  const port = await pickPort(preferred, portIsFree);
  console.log(portMessage(preferred, port));
  if (port === null) return 1;
  const args = ['vite', 'preview', '--config', 'vite.web.config.mts', '--configLoader', 'runner'];
  args.push('--host', '127.0.0.1', '--port', String(port), '--strictPort');
  const child = spawn('npx', args, { cwd: root, stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

process.exit(await main());
