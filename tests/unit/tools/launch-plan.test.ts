/**
 * The decisions behind `npm start`, `npm run dist` and the Electron e2e suite
 * (electron/tools/launch-plan.mjs): find the binary, download it when missing, open Electron
 * when it is there, and fall back to Chromium only when the download fails, saying why.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decideLaunch,
  distArgs,
  explainDistFailure,
  explainDownloadError,
  findElectron,
  pickPort,
  portMessage,
  shouldDownload,
} from '../../../electron/tools/launch-plan.mjs';

const ELECTRON_DIR = '/app/node_modules/electron';
const exe = join(ELECTRON_DIR, 'dist', 'electron');

describe('finding the Electron binary', () => {
  it('finds it in node_modules/electron/dist once downloaded, and says where it looked when not', () => {
    const present = findElectron({
      env: {},
      platform: 'linux',
      electronDir: ELECTRON_DIR,
      exists: (p) => p === exe,
    });
    expect(present).toEqual({ found: true, path: exe });

    // A fresh `npm install` of Electron 45: the package is there, the binary is not.
    const fresh = findElectron({
      env: {},
      platform: 'linux',
      electronDir: ELECTRON_DIR,
      exists: () => false,
    });
    expect(fresh.found).toBe(false);
    expect(fresh.found ? '' : fresh.reason).toContain(exe);
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, with the platform’s executable inside it', () => {
    const override = '/opt/electron-45';
    const mac = join(override, 'Electron.app', 'Contents', 'MacOS', 'Electron');
    expect(
      findElectron({
        env: { ELECTRON_OVERRIDE_DIST_PATH: override },
        platform: 'darwin',
        electronDir: ELECTRON_DIR,
        exists: (p) => p === mac || p === exe,
      }),
    ).toEqual({ found: true, path: mac });
  });

  it('says the package is missing when npm install was not run', () => {
    const none = findElectron({
      env: {},
      platform: 'win32',
      electronDir: null,
      exists: () => true,
    });
    expect(none.found ? '' : none.reason).toMatch(/not installed \(run npm install\)/);
  });
});

describe('what npm start does', () => {
  it('downloads the binary when it is missing (the first start after npm install)', () => {
    expect(shouldDownload({ found: false }, {}, true)).toEqual({ download: true });
    expect(shouldDownload({ found: true }, {}, true)).toEqual({ download: false, reason: null });
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', () => {
    const plan = shouldDownload({ found: false }, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, true);
    expect(plan).toEqual({
      download: false,
      reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD'),
    });
  });

  it('opens Electron when the binary is there (after a successful download)', () => {
    expect(decideLaunch({ found: true }, null)).toEqual({ mode: 'electron' });
  });

  it('falls back to Chromium only when the download failed, saying why and how to get the window', () => {
    const why = explainDownloadError(
      Object.assign(new Error('getaddrinfo ENOTFOUND github.com'), { code: 'ENOTFOUND' }),
    );
    expect(why).toMatch(/could not be reached \(no internet or DNS/);
    const launch = decideLaunch({ found: false, reason: 'No Electron binary' }, why);
    expect(launch.mode).toBe('chromium');
    const message = launch.mode === 'chromium' ? launch.message : '';
    expect(message).toContain(
      'The Electron binary could not be downloaded: the download server could not be reached',
    );
    expect(message).toContain('run `npm start` again');
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('explains a fetch that failed under the timeout', () => {
    expect(explainDownloadError(new Error('the download timed out after 5 s'))).toBe(
      'the download timed out after 5 s',
    );
    expect(
      explainDownloadError(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
    ).toMatch(/connection to the download server failed \(ECONNREFUSED\)/);
  });
});

describe('the port npm start serves on', () => {
  it('uses 4173 when free, the next free port when taken, and says so', async () => {
    expect(await pickPort(4173, async () => true)).toBe(4173);
    const taken = new Set([4173, 4174]);
    const port = await pickPort(4173, async (p) => !taken.has(p));
    expect(port).toBe(4175);
    expect(portMessage(4173, 4173)).toBe(
      'Serving Haven for Chromium: open http://127.0.0.1:4173 (Ctrl+C to stop).',
    );
    expect(portMessage(4173, 4175)).toMatch(
      /^Port 4173 is in use, so Haven is served on port 4175/,
    );
  });

  it('says what to do when every port it tries is taken', async () => {
    expect(await pickPort(4173, async () => false)).toBeNull();
    expect(portMessage(4173, null)).toMatch(
      /are all in use: stop what uses port 4173 \(or set HAVEN_PORT\)/,
    );
  });
});

describe('npm run dist', () => {
  it('packages a local Electron folder given in HAVEN_ELECTRON_DIST', () => {
    expect(distArgs(['electron-builder', '--dir'], { HAVEN_ELECTRON_DIST: '/opt/e45' })).toEqual([
      'electron-builder',
      '--dir',
      '-c.electronDist=/opt/e45',
    ]);
    expect(distArgs(['electron-builder'], {})).toEqual(['electron-builder']);
  });

  it('turns the offline DNS error into "packaging needs the Electron binary" and how to give it', () => {
    const output =
      '⨯ Get "https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip": dial tcp: lookup github.com: getaddrinfo ENOTFOUND';
    const why = explainDistFailure(output, {}) ?? '';
    expect(why).toContain('Packaging needs the Electron binary');
    expect(why).toContain('HAVEN_ELECTRON_DIST=/path/to/electron-dist npm run dist');
    expect(explainDistFailure('⨯ cannot find icon', {})).toBeNull();
  });
});
