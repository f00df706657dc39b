/**
 * Picks the desktop seam at start-up: the Electron one when the preload exposed a complete
 * `window.api`, the browser one otherwise. A partial or foreign `window.api` is not trusted.
 */
import type { HavenApi } from '../../electron/shared/ipc-contract';
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

export type * from './types';
export { PRINT_DIALOG_MESSAGE } from './browser';

/**
 * Every function of the preload's api, checked against its type: adding a function to the
 * preload without listing it here (or listing one it does not have) fails the type check.
 */
const REQUIRED_API_FUNCTIONS = {
  saveFile: true,
  openFile: true,
  printToPdf: true,
  getAppInfo: true,
  setTileTemplate: true,
  onLock: true,
} as const satisfies Record<keyof HavenApi, true>;

/** The names of the functions a `window.api` must have to be trusted as the preload's. */
export const requiredApiFunctions = Object.keys(REQUIRED_API_FUNCTIONS) as (keyof HavenApi)[];

export function isHavenApi(candidate: unknown): candidate is HavenApi {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const record = candidate as Record<string, unknown>;
  return requiredApiFunctions.every((name) => typeof record[name] === 'function');
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
