#!/usr/bin/env node
/**
 * `npm start`: builds Haven and opens it.
 *  - Where an Electron binary is installed, it runs the desktop app (`electron-vite preview`).
 *  - Where none can be had (machines that cannot download it), it says so and serves the same
 *    built renderer on http://127.0.0.1:4173 for Chromium, with the same Content-Security-Policy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  try {
    const pathFile = join(dirname(require.resolve('electron/package.json')), 'path.txt');
    return existsSync(pathFile) ? pathFile : null;
  } catch {
    return null;
  }
}

const exec = (args) => spawnSync('npx', args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (exec(['electron-vite', 'build']) !== 0) process.exit(1);

if (electronBinary()) {
  process.exit(exec(['electron-vite', 'preview']));
}

console.log(
  '\nNo Electron binary is installed on this machine, so the desktop window cannot open here.\n' +
    'Serving the same app for Chromium instead: open http://127.0.0.1:4173 (Ctrl+C to stop).\n',
);
process.exit(exec(['vite', 'preview', '--config', 'vite.web.config.mts']));
