/**
 * The packaged shape of Haven in a real Electron: the window's effective web preferences, the
 * preload's narrow `window.api` with no Node in the page, the CSP header of app://, and blocked
 * navigation, window.open and network. Each test is skipped, with the reason, where no Electron
 * binary exists (see electron-binary.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp';
import { announceSkip, findElectronBinary, projectRoot } from './electron-binary';

const binary = findElectronBinary();
announceSkip(binary);

test.describe('Haven in Electron', () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    if (!binary.found) return;
    profile = mkdtempSync(join(tmpdir(), 'haven-electron-e2e-'));
    const { HAVEN_DEV: _ignored, ...env } = process.env;
    app = await _electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start as root with its OS sandbox; the renderer sandbox of webPreferences stays on.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
      env: { ...env, XDG_CONFIG_HOME: profile, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('the window is served from app://haven/ with hardened web preferences', async () => {
    expect(page.url()).toMatch(/^app:\/\/haven\//);
    const window = await app.evaluate(({ BrowserWindow }) => {
      const main = BrowserWindow.getAllWindows()[0];
      // getLastWebPreferences is internal (not in electron.d.ts) but present: the preferences in effect.
      const contents = main?.webContents as unknown as
        { getLastWebPreferences?: () => unknown } | undefined;
      return {
        preferences: contents?.getLastWebPreferences?.() ?? null,
        // Content protection exists on macOS and Windows only.
        contentProtected:
          process.platform === 'linux' ? null : (main?.isContentProtected() ?? false),
      };
    });
    expect(window.contentProtected).toBe(process.platform === 'linux' ? null : true);
    const preferences = window.preferences;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(false);
  });

  test('the page has window.api and no Node: no require, no process, no ipcRenderer', async () => {
    const surface = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      const api = scope.api as Record<string, unknown> | undefined;
      return {
        apiKeys: api ? Object.keys(api).sort() : null,
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        ipcRenderer: typeof scope.ipcRenderer,
      };
    });
    expect(surface).toStrictEqual({
      apiKeys: ['getAppInfo', 'onLock', 'openFile', 'printToPdf', 'saveFile'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });
    const info = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          api: { getAppInfo(): Promise<{ name: string; electron: string }> };
        }
      ).api;
      return api.getAppInfo();
    });
    expect(info.electron).toMatch(/^45\./);
  });

  test('app:// responses carry the CSP header', async () => {
    const csp = await page.evaluate(async () => {
      const response = await fetch('app://haven/index.html');
      return response.headers.get('content-security-policy');
    });
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });

  test('navigation to https://example.com and window.open are blocked', async () => {
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href =
        'https://example.com/';
    });
    await page.waitForTimeout(1500);
    expect(page.url()).toBe(before);

    const opened = await page.evaluate(() => {
      const open = (globalThis as unknown as { open: (url: string) => unknown }).open;
      return open('https://example.com/') === null;
    });
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('the renderer cannot reach the network', async () => {
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
  });
});
