/**
 * Optional online tiles, end to end (issue 11), against a local fake tile server (https, a
 * self-signed certificate, `tiles.haven.test` resolved to 127.0.0.1) on its own port.
 *
 * The renderer runs in plain Chromium, so the test plays the desktop shell around it:
 *   - a `window.api` (the preload's shape) whose `setTileTemplate` answers as the main process's
 *     confirmation dialog would: "keep offline" or "allow" (the dialog itself and the handler are
 *     unit-tested in tests/unit/electron/tiles.test.ts);
 *   - the network lock: every request outside the app's origin is blocked and counted, except
 *     requests to the one origin that "main" has let through;
 *   - the page's CSP widened to that origin the way the app:// handler serves it when main has
 *     stored the origin (the same `contentSecurityPolicyWithTileHost` / `htmlWithTileHost`), so
 *     that what keeps tiles out below is the app itself, not the CSP.
 * Then: (i) enabling without the confirmation draws no tile and lets no request through;
 * (ii) after the confirmation tiles appear on the Map page and the case map as img elements with
 * the template's URLs, every request goes to that host only, with the note naming the server;
 * the setting survives a reload and unlock, but nothing loads until confirmed again;
 * (iii) after turning tiles off the layer is gone and no further request is made.
 * A screenshot of the map with tiles is written under test-results/map/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Page, Request } from '@playwright/test';
import { contentSecurityPolicyWithTileHost, htmlWithTileHost } from '../../electron/shared/csp';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_ORIGIN } from '../../playwright.config';
import { test as base, expect, isOwnOrigin, type Egress } from './fixtures/app';
import { VaultPage } from './pages/Vault';

const SHOTS = 'test-results/map';
const HOST = 'tiles.haven.test';

/** A 256 px PNG of one colour (a fake tile). */
function png(r: number, g: number, b: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(256).fill([r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array(256).fill(row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The fake tile server: https on a free port, answering every /z/x/y.png with a tile. */
async function startTileServer(): Promise<{ server: Server; port: number; served: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'haven-tiles-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${HOST}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const tile = png(120, 170, 210);
  const served: string[] = [];
  const server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      served.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
      res.end(tile);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, served };
}

// Every request outside the origin must be to the tile host (the spec counts when it may be).
const test = base.extend<{ egress: Egress }>({
  egress: async ({ context }, use) => {
    const seen: string[] = [];
    const onRequest = (request: Request): void => {
      seen.push(request.url());
    };
    context.on('request', onRequest);
    await use({ all: () => [...seen], foreign: () => seen.filter((u) => !isOwnOrigin(u)) });
    context.off('request', onRequest);
    expect(
      seen.filter((u) => !isOwnOrigin(u) && new URL(u).hostname !== HOST),
      'requests that left the app origin for anything but the tile host',
    ).toEqual([]);
  },
});

test.use({
  ignoreHTTPSErrors: true,
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      // The page is served through a route (its CSP widened), which Chromium treats as public; the
      // fake tile server resolves to loopback: without this, Local Network Access refuses it.
      '--disable-features=LocalNetworkAccessChecks',
    ],
  },
});

type Answer = 'keep' | 'allow';

/** The desktop shell's preload, played by the test: `setTileTemplate` answers like main's dialog. */
function fakeShell(): void {
  const w = window as unknown as {
    api: unknown;
    __mainAnswer: Answer;
    __mainDialogs: number;
    __mainSetOrigin: (origin: string | null) => Promise<void>;
  };
  w.__mainAnswer = 'keep';
  w.__mainDialogs = 0;
  w.api = {
    saveFile: async () => ({ saved: false }),
    openFile: async () => ({ opened: false }),
    printToPdf: async () => ({ saved: false }),
    getAppInfo: async () => ({
      name: 'Haven',
      version: '0',
      electron: '0',
      chrome: '0',
      platform: 'linux',
    }),
    setTileTemplate: async (template: string | null) => {
      if (template === null) {
        await w.__mainSetOrigin(null);
        return { tileOrigin: null, confirmed: false };
      }
      w.__mainDialogs += 1;
      const origin = /^https:\/\/[^/]+/.exec(template)?.[0] ?? '';
      if (w.__mainAnswer !== 'allow') return { tileOrigin: null, confirmed: false };
      await w.__mainSetOrigin(origin);
      return { tileOrigin: origin, confirmed: true };
    },
    onLock: () => () => undefined,
  };
}

async function answer(page: Page, a: Answer): Promise<void> {
  await page.evaluate((x) => {
    (window as unknown as { __mainAnswer: Answer }).__mainAnswer = x;
  }, a);
}

async function go(page: Page, link: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: link, exact: typeof link === 'string' })
    .click();
}

test('online tiles: nothing without main confirming; then that host only, tiles drawn; the setting kept; off stops every request', async ({
  page,
  context,
  egress,
}) => {
  test.setTimeout(240_000);
  const { server, port, served } = await startTileServer();
  const tileOrigin = `https://${HOST}:${port}`;
  const template = `${tileOrigin}/{z}/{x}/{y}.png`;
  const tileUrl = new RegExp(
    `^https://${HOST.replace(/\./g, '\\.')}:${port}/\\d+/\\d+/\\d+\\.png$`,
  );
  try {
    // The network lock: only what "main" let through gets out; everything else blocked, counted.
    let mainOrigin: string | null = null;
    const passed: string[] = [];
    const blocked: string[] = [];
    await context.exposeBinding('__mainSetOrigin', (_source, origin: string | null) => {
      mainOrigin = origin;
    });
    await context.addInitScript(fakeShell);
    await context.route(
      (url) => !isOwnOrigin(url.toString()),
      async (route) => {
        const url = route.request().url();
        if (mainOrigin !== null && new URL(url).origin === mainOrigin) {
          passed.push(url);
          await route.continue();
        } else {
          blocked.push(url);
          await route.abort('blockedbyclient');
        }
      },
    );
    // The page's CSP as the app:// handler serves it once main has stored this origin.
    await context.route(
      (url) =>
        url.origin === E2E_ORIGIN && (url.pathname === '/' || url.pathname === '/index.html'),
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: {
            ...response.headers(),
            'content-security-policy': contentSecurityPolicyWithTileHost(tileOrigin),
          },
          body: htmlWithTileHost(await response.text(), tileOrigin),
        });
      },
    );

    const vault = new VaultPage(page);
    await vault.create(undefined, { demo: true });
    const hostMap = page.getByTestId('host-map');

    // (i) Turning on, but main's dialog is answered "keep the map offline".
    await go(page, 'Settings');
    await page.getByLabel('Tile URL template').fill(template);
    await page.getByRole('button', { name: 'Turn on online tiles…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'you did not confirm' })).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __mainDialogs: number }).__mainDialogs),
    ).toBe(1);
    await go(page, 'Map');
    await expect(hostMap.locator('.haven-country-label span', { hasText: /^Brazil$/ })).toBeVisible(
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1000);
    await expect(hostMap.locator('img.leaflet-tile')).toHaveCount(0);
    await expect(page.getByTestId('online-tiles-note')).toHaveCount(0);
    expect(served).toEqual([]);
    expect(passed).toEqual([]);
    expect(blocked).toEqual([]);

    // (ii) Main's dialog answered "allow": tiles from that host only, the note says who sees what.
    await go(page, 'Settings');
    await expect(page.getByLabel('Tile URL template')).toHaveValue(template);
    await answer(page, 'allow');
    await page.getByRole('button', { name: 'Turn on online tiles…' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `${tileOrigin} is let through` }),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/settings-online-tiles.png`, fullPage: true });
    await go(page, 'Map');
    const note = page.getByTestId('online-tiles-note');
    await expect(note).toContainText(
      `Online tiles from ${HOST}:${port}: that server sees every place you look at`,
    );
    await expect(hostMap.locator('img.leaflet-tile-loaded').first()).toBeVisible();
    const srcs = await hostMap
      .locator('img.leaflet-tile')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) expect(src).toMatch(tileUrl);
    await expect(hostMap.locator('.leaflet-control-attribution')).toContainText(
      `Tiles: ${HOST}:${port}`,
    );
    await expect(hostMap.locator('.leaflet-control-attribution')).not.toContainText(
      'No tiles are fetched',
    );
    expect(served.length).toBeGreaterThan(0);
    for (const url of passed) expect(url).toMatch(tileUrl);
    expect(blocked).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/map-online-tiles.png` });

    // The case map draws them too.
    await go(page, /^Cases/);
    await page.getByRole('link', { name: 'Heron', exact: true }).first().click();
    await page.getByRole('tab', { name: 'Map' }).click();
    const caseMap = page.getByTestId('case-map');
    await expect(caseMap.locator('img.leaflet-tile-loaded').first()).toBeVisible();
    await expect(page.getByTestId('online-tiles-note')).toContainText(`Online tiles from ${HOST}`);

    // The setting is kept in the vault, but after a reload and unlock nothing loads until main
    // confirms again.
    await page.reload();
    await vault.unlock();
    const servedBefore = served.length;
    await go(page, 'Map');
    await expect(hostMap.locator('.haven-country-label span', { hasText: /^Brazil$/ })).toBeVisible(
      { timeout: 30_000 },
    );
    await expect(page.getByTestId('online-tiles-note')).toContainText(
      'not confirmed in this session',
    );
    await page.waitForTimeout(1000);
    await expect(hostMap.locator('img.leaflet-tile')).toHaveCount(0);
    expect(served.length).toBe(servedBefore);
    await page.screenshot({ path: `${SHOTS}/map-tiles-unconfirmed.png` });
    await answer(page, 'allow');
    await page.getByRole('button', { name: 'Confirm online tiles…' }).click();
    await expect(hostMap.locator('img.leaflet-tile-loaded').first()).toBeVisible();

    // (iii) Off: the layer goes, main closes the host, and moving the map asks for nothing.
    await go(page, 'Settings');
    await page.getByRole('button', { name: 'Turn off (offline map only)' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'nothing is let through' }),
    ).toBeVisible();
    expect(mainOrigin).toBeNull();
    await go(page, 'Map');
    await expect(hostMap.locator('.haven-country-label span', { hasText: /^Brazil$/ })).toBeVisible(
      { timeout: 30_000 },
    );
    const servedAtOff = served.length;
    const passedAtOff = passed.length;
    await hostMap.locator('.leaflet-container').focus();
    for (const key of ['ArrowRight', 'ArrowDown', '+']) await page.keyboard.press(key);
    await page.waitForTimeout(1500);
    await expect(hostMap.locator('img.leaflet-tile')).toHaveCount(0);
    await expect(page.getByTestId('online-tiles-note')).toHaveCount(0);
    expect(served.length).toBe(servedAtOff);
    expect(passed.length).toBe(passedAtOff);
    expect(blocked).toEqual([]);
    for (const url of egress.foreign()) expect(url).toMatch(tileUrl);
  } finally {
    server.close();
  }
});
