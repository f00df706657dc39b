/**
 * The lock-down of Haven's renderer: where it is served from, where it may go, what it may ask for
 * and which hosts it may reach. Plain functions over small structural types, so that every rule is
 * unit tested with fakes of the Electron objects; index.ts wires them to the real session and
 * webContents.
 *
 *  - The renderer is served from the privileged `app://haven/` scheme (out/renderer), never from
 *    file://; paths that escape that folder are refused; every response carries the CSP header.
 *  - Navigation and redirects leave only for app://haven/ itself; window.open and <webview> are denied.
 *  - Every permission request and permission check is denied.
 *  - The renderer session may not reach http, https, ws or wss hosts, except the one https tile
 *    origin the coordinator configured (zero egress by default).
 */
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { contentSecurityPolicyWithTileHost, htmlWithTileHost } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'haven';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the app:// scheme (registered before the app is ready): `standard` gives it real
 * origins (IndexedDB, relative URLs), `secure` makes it a secure context (WebCrypto), fetch is
 * allowed for same-origin assets. It does not bypass the CSP. No `corsEnabled`: the page's own
 * module scripts and workers are same-origin and load without it, and leaving it off keeps app://
 * unreadable from any other origin.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** True when `url` is on Haven's own origin (app://haven/...). */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app://haven/ URL to a file inside `rootDir`, or null when the URL is foreign, malformed
 * or would leave `rootDir` (`..`, encoded `%2e%2e`, backslashes, NUL bytes).
 */
export function resolveAppAssetPath(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const root = resolve(rootDir);
  const target = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return target;
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). */
  readonly rootDir: string;
  readonly readFile: (path: string) => Promise<Uint8Array<ArrayBuffer>>;
  /** The configured tile origin, read on every response so that the CSP follows the setting. */
  readonly getTileOrigin: () => string | null;
}

function isMissingFileError(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  return error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR';
}

/** The handler of the app:// protocol: serves files of `rootDir` with the CSP and nosniff headers. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const origin = options.getTileOrigin();
    const headers = {
      'Content-Security-Policy': contentSecurityPolicyWithTileHost(origin),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers });
    }
    const path = resolveAppAssetPath(options.rootDir, request.url);
    if (path === null) return new Response(null, { status: 403, headers });
    try {
      const read = await options.readFile(path);
      const body =
        extname(path).toLowerCase() === '.html' && origin
          ? new TextEncoder().encode(htmlWithTileHost(new TextDecoder().decode(read), origin))
          : read;
      const contentType = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...headers, 'Content-Type': contentType },
      });
    } catch (error) {
      return new Response(null, { status: isMissingFileError(error) ? 404 : 500, headers });
    }
  };
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The parts of a WebContents that the guards below use. */
export interface GuardableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Navigation may only stay on Haven's own origin. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

function preventForeignNavigation(event: NavigationEvent): void {
  if (!isNavigationAllowed(event.url)) event.preventDefault();
}

/** Denies navigation and redirects off app://haven/, every window.open, and every <webview>. */
export function hardenWebContents(contents: GuardableWebContents): void {
  contents.on('will-navigate', preventForeignNavigation);
  contents.on('will-redirect', preventForeignNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The parts of a Session's permission API that `denyAllPermissions` uses. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** Haven needs no browser permission: camera, location, notifications, clipboard-read ... all denied. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The parts of a Session and a DownloadItem that `denyDownloads` uses. */
export interface DownloadSession {
  on(
    event: 'will-download',
    listener: (event: { preventDefault(): void }, item: { cancel(): void }) => void,
  ): unknown;
}

/**
 * Haven never downloads: every file it writes goes through a save dialog in main (files:save,
 * print:toPdf). A download started in the renderer session (a link with `download`, a blob URL, a
 * navigation to a file) would write to the Downloads folder without asking, so each is cancelled.
 */
export function denyDownloads(session: DownloadSession): void {
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
}

export interface NetworkPolicy {
  /** The one https origin the coordinator configured for map tiles, or null (the default). */
  readonly tileOrigin: string | null;
  /** DevTools allowed (development only): lets devtools:// pages load. */
  readonly devTools: boolean;
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:']);

/**
 * Whether the renderer session may load `url`. Default deny: Haven's own origin and in-memory
 * data:/blob: URLs are allowed; https only to the configured tile origin; devtools:// only when
 * DevTools are allowed; everything else (http, ws, wss, file, chrome-extension, other hosts) is blocked.
 */
export function isRequestAllowed(url: string, policy: NetworkPolicy): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (parsed.protocol === 'devtools:') return policy.devTools;
  if (parsed.protocol === 'https:')
    return policy.tileOrigin !== null && parsed.origin === policy.tileOrigin;
  return false;
}

/** The part of a Session's webRequest API that the network guard uses. */
export interface WebRequestSession {
  readonly webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
  };
}

/** Cancels every request of the session that `isRequestAllowed` refuses; the policy is read per request. */
export function installNetworkGuard(
  session: WebRequestSession,
  getPolicy: () => NetworkPolicy,
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, getPolicy()) });
  });
}
