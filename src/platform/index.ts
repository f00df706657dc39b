/**
 * Picks the desktop seam at start-up: the Electron one when the preload exposed a complete
 * `window.api`, the browser one otherwise. A partial or foreign `window.api` is not trusted.
 */
import type { HavenApi } from '../../electron/preload';
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

export type * from './types';
export { PRINT_DIALOG_MESSAGE } from './browser';

const REQUIRED_API_FUNCTIONS = [
  'saveFile',
  'openFile',
  'printToPdf',
  'getAppInfo',
  'onLock',
] as const;

export function isHavenApi(candidate: unknown): candidate is HavenApi {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const record = candidate as Record<string, unknown>;
  return REQUIRED_API_FUNCTIONS.every((name) => typeof record[name] === 'function');
}

export interface PlatformHost {
  api?: unknown;
  document: Document;
  print: () => void;
  navigator: { userAgent: string };
  URL: { createObjectURL: (blob: Blob) => string; revokeObjectURL: (url: string) => void };
}

export function selectPlatform(host: PlatformHost, appVersion: string): Platform {
  if (isHavenApi(host.api)) return createElectronPlatform(host.api);
  return createBrowserPlatform({
    document: host.document,
    print: () => host.print(),
    createObjectURL: (blob) => host.URL.createObjectURL(blob),
    revokeObjectURL: (url) => host.URL.revokeObjectURL(url),
    userAgent: host.navigator.userAgent,
    appVersion,
  });
}

let current: Platform | null = null;

/** The platform of this renderer, chosen once. */
export function platform(): Platform {
  if (!current) {
    const host = window as unknown as PlatformHost;
    current = selectPlatform(host, __APP_VERSION__);
  }
  return current;
}
