/**
 * The renderer lock-down of electron/main/security.ts: navigation, window.open, <webview>,
 * permissions, network egress, and the app:// protocol (path traversal, CSP header).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  denyAllPermissions,
  denyDownloads,
  hardenWebContents,
  installNetworkGuard,
  isRequestAllowed,
  resolveAppAssetPath,
  type NetworkPolicy,
} from '../../../electron/main/security';
import { CONTENT_SECURITY_POLICY, htmlWithTileHost } from '../../../electron/shared/csp';
import { FakeSession, FakeWebContents, NO_TILES } from './fakes';

describe('navigation guard', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents);

  it.each(['app://haven/index.html', 'app://haven/index.html#/cases/1', 'app://haven/'])(
    'Given a hardened webContents, When it navigates to its own page %s, Then the navigation goes ahead',
    (url) => {
      expect(contents.fire('will-navigate', url)).toBe(false);
      expect(contents.fire('will-redirect', url)).toBe(false);
    },
  );

  it.each([
    'https://evil.example/phish',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'not a url',
  ])(
    'Given a hardened webContents, When it navigates or redirects to %s, Then it is prevented',
    (url) => {
      expect(contents.fire('will-navigate', url)).toBe(true);
      expect(contents.fire('will-redirect', url)).toBe(true);
    },
  );

  it('Given a hardened webContents, When a page calls window.open (even to its own origin), Then it is denied', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('Given a hardened webContents, When a <webview> would attach, Then it is prevented', () => {
    expect(contents.fire('will-attach-webview')).toBe(true);
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
  ])(
    'Given the session is locked down, When the page requests %s, Then it is denied',
    (permission) => {
      const session = new FakeSession();
      denyAllPermissions(session);
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('Given the session is locked down, When a permission or device is checked, Then the answer is no', () => {
    const session = new FakeSession();
    denyAllPermissions(session);
    expect(session.checkHandler?.()).toBe(false);
    expect(session.deviceHandler?.()).toBe(false);
  });
});

describe('download guard', () => {
  it('Given the session is locked down, When the renderer starts a download, Then it is prevented and cancelled', () => {
    const listeners = new Map<
      string,
      (event: { preventDefault(): void }, item: { cancel(): void }) => void
    >();
    denyDownloads({
      on: (name, listener) => listeners.set(name, listener),
    });
    const listener = listeners.get('will-download');
    expect(listener).toBeDefined();
    const event = { preventDefault: vi.fn() };
    const item = { cancel: vi.fn() };
    listener?.(event, item);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(item.cancel).toHaveBeenCalledOnce();
  });
});

describe('network guard', () => {
  const TILES: NetworkPolicy = { tileOrigin: 'https://tiles.example.org', devTools: false };

  it.each([
    'https://example.com/',
    'http://example.com/',
    'ws://127.0.0.1:5173/',
    'wss://example.com/socket',
    'ftp://example.com/',
    'file:///etc/passwd',
    'chrome-extension://abcdef/script.js',
    'devtools://devtools/bundled/inspector.html',
    'app://other-host/index.html',
    '::not a url::',
  ])('Given no tile host, When the renderer requests %s, Then it is blocked', (url) => {
    expect(isRequestAllowed(url, NO_TILES)).toBe(false);
  });

  it.each([
    'app://haven/index.html',
    'app://haven/assets/argon2.wasm',
    'data:image/png;base64,AAAA',
    'blob:app://haven/1234',
  ])(
    'Given no tile host, When the renderer loads its own resource %s, Then it is allowed',
    (url) => {
      expect(isRequestAllowed(url, NO_TILES)).toBe(true);
    },
  );

  it('Given a configured tile host, When tiles are requested from exactly that origin, Then only those are allowed', () => {
    expect(isRequestAllowed('https://tiles.example.org/3/4/2.png', TILES)).toBe(true);
    expect(isRequestAllowed('https://tiles.example.org:8443/3/4/2.png', TILES)).toBe(false);
    expect(isRequestAllowed('http://tiles.example.org/3/4/2.png', TILES)).toBe(false);
    expect(isRequestAllowed('wss://tiles.example.org/', TILES)).toBe(false);
    expect(isRequestAllowed('https://a.tiles.example.org/3/4/2.png', TILES)).toBe(false);
    expect(isRequestAllowed('https://tiles.example.org.evil.com/3/4/2.png', TILES)).toBe(false);
    expect(isRequestAllowed('https://evil.example/', TILES)).toBe(false);
  });

  it('Given DevTools are allowed (development), When devtools:// loads, Then it is allowed, and chrome-extension:// still is not', () => {
    const dev: NetworkPolicy = { tileOrigin: null, devTools: true };
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isRequestAllowed('chrome-extension://abcdef/script.js', dev)).toBe(false);
    expect(isRequestAllowed('https://example.com/', dev)).toBe(false);
  });

  it('Given the guard is installed, When the tile setting changes at run time, Then the next request follows it', () => {
    const session = new FakeSession();
    let policy: NetworkPolicy = NO_TILES;
    installNetworkGuard(session, () => policy);
    expect(session.isCancelled('https://tiles.example.org/1/1/1.png')).toBe(true);
    expect(session.isCancelled('app://haven/index.html')).toBe(false);
    policy = TILES;
    expect(session.isCancelled('https://tiles.example.org/1/1/1.png')).toBe(false);
    expect(session.isCancelled('https://example.com/')).toBe(true);
  });
});

describe('app:// protocol', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'haven-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Haven</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'argon2.wasm'), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  });

  function handler(tileOrigin: string | null = null) {
    const read = vi.fn((path: string) => readFile(path));
    return {
      read,
      handle: createAppProtocolHandler({
        rootDir: root,
        readFile: read,
        getTileOrigin: () => tileOrigin,
      }),
    };
  }

  it('Given the scheme privileges, Then app:// is standard and secure and does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('Given the built renderer, When index.html is requested, Then it is served with the CSP, nosniff and an html type', async () => {
    const { handle } = handler();
    const response = await handle(new Request('app://haven/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Haven</title>');
  });

  it('Given the root URL, When requested, Then index.html is served', async () => {
    const response = await handler().handle(new Request('app://haven/'));
    expect(await response.text()).toContain('<title>Haven</title>');
  });

  it('Given a wasm module, When requested, Then it is served as application/wasm (needed for streaming compilation)', async () => {
    const response = await handler().handle(new Request('app://haven/assets/argon2.wasm'));
    expect(response.headers.get('content-type')).toBe('application/wasm');
  });

  it('Given a tile host is configured, When a page is served, Then its CSP allows images from that origin only', async () => {
    const response = await handler('https://tiles.example.org').handle(new Request(APP_ENTRY_URL));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org");
    expect(csp).toContain("connect-src 'self'");
  });

  it("Given a tile host is configured, When the real index.html is served, Then its CSP meta tag allows that origin's images as the header does (and nothing else changes)", async () => {
    const html = readFileSync(join(__dirname, '../../../src/index.html'), 'utf8');
    writeFileSync(join(root, 'meta.html'), html);
    const on = await (
      await handler('https://tiles.example.org').handle(new Request('app://haven/meta.html'))
    ).text();
    expect(on).toContain("img-src 'self' data: blob: https://tiles.example.org;");
    expect(on.replace(' https://tiles.example.org', '')).toBe(html);
    const off = await (await handler(null).handle(new Request('app://haven/meta.html'))).text();
    expect(off).toBe(html);
    expect(htmlWithTileHost(html, null)).toBe(html);
  });

  it.each([
    'app://haven/..%2fsecret.txt',
    'app://haven/%2e%2e%2fsecret.txt',
    'app://haven/assets/..%2f..%2fsecret.txt',
    'app://haven/..%5csecret.txt',
    'app://haven/assets%5c..%5c..%5csecret.txt',
    'app://haven/%00index.html',
    'app://haven/%E0%A4%A',
    'app://evil/index.html',
  ])(
    'Given a traversal or foreign URL %s, When requested, Then it is refused and nothing outside the root is read',
    async (url) => {
      const { handle, read } = handler();
      const response = await handle(new Request(url));
      expect(response.status).toBe(403);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(read).not.toHaveBeenCalled();
    },
  );

  it('Given dot segments that the URL parser resolves, When requested, Then the file is looked up inside the root only', async () => {
    const { handle, read } = handler();
    const response = await handle(new Request('app://haven/assets/../../secret.txt'));
    expect(response.status).toBe(404);
    expect(read).toHaveBeenCalledExactlyOnceWith(join(root, 'secret.txt'));
  });

  it('Given a missing file, When requested, Then 404', async () => {
    expect((await handler().handle(new Request('app://haven/nope.js'))).status).toBe(404);
  });

  it('Given a POST, When sent to app://, Then 405 and nothing is read', async () => {
    const { handle, read } = handler();
    expect((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('Given resolveAppAssetPath, When given a path inside the root, Then it maps into the root', () => {
    expect(resolveAppAssetPath(root, 'app://haven/assets/app.js')).toBe(
      join(root, 'assets', 'app.js'),
    );
    expect(resolveAppAssetPath(root, 'app://haven/a%20b.txt')).toBe(join(root, 'a b.txt'));
  });
});
