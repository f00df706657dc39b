// @vitest-environment jsdom
/**
 * The functions the renderer requires of `window.api` before it trusts it as the preload's are
 * the preload's own: the real preload (loaded with a fake contextBridge) passes the check, and the
 * same api with any one function missing makes the platform choice fall back to the browser.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { HavenApi } from '../../../electron/shared/ipc-contract';
import {
  isHavenApi,
  requiredApiFunctions,
  selectPlatform,
  type PlatformHost,
} from '../../../src/platform';

const bridge = vi.hoisted(() => ({ exposed: new Map<string, unknown>() }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: () => Promise.resolve(undefined),
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

let preloadApi: HavenApi;

beforeAll(async () => {
  await import('../../../electron/preload');
  preloadApi = bridge.exposed.get('api') as HavenApi;
});

function host(api: unknown): PlatformHost {
  return {
    api,
    document,
    print: () => undefined,
    navigator: { userAgent: 'test-agent' },
    URL: { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined },
  };
}

describe('the functions required of window.api', () => {
  it('Given the real preload, Then the required functions are exactly its functions and its api is trusted', () => {
    expect([...requiredApiFunctions].sort()).toStrictEqual(Object.keys(preloadApi).sort());
    expect(isHavenApi(preloadApi)).toBe(true);
    expect(selectPlatform(host(preloadApi), '0.1.0').kind).toBe('electron');
  });

  it.each(['saveFile', 'openFile', 'printToPdf', 'getAppInfo', 'onLock'] as const)(
    'Given the preload api without %s, When the platform is chosen, Then it is not trusted and the browser one is used',
    (missing) => {
      const partial = Object.fromEntries(
        Object.entries(preloadApi).filter(([name]) => name !== missing),
      );
      expect(isHavenApi(partial)).toBe(false);
      expect(selectPlatform(host(partial), '0.1.0').kind).toBe('browser');
    },
  );

  it('Given the preload api with a function replaced by a value, Then it is not trusted', () => {
    const foreign = { ...preloadApi, onLock: 'not a function' };
    expect(isHavenApi(foreign)).toBe(false);
    expect(selectPlatform(host(foreign), '0.1.0').kind).toBe('browser');
  });
});
