/**
 * The preload (electron/preload/index.ts), loaded with fakes of contextBridge and ipcRenderer:
 * it exposes exactly the narrow `api`, never ipcRenderer, each function invokes its own channel
 * with one request argument, and onLock hands over the payload only and unsubscribes.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { HavenApi } from '../../../electron/preload';

type RendererListener = (event: unknown, payload: unknown) => void;

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args })),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: RendererListener) => {
      const set = bridge.listeners.get(channel) ?? new Set();
      set.add(listener);
      bridge.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: RendererListener) =>
      bridge.listeners.get(channel)?.delete(listener),
  },
}));

let api: HavenApi;

beforeAll(async () => {
  await import('../../../electron/preload');
  api = bridge.exposed.get('api') as HavenApi;
});

describe('preload', () => {
  it('Given the preload ran, Then it exposed only `api`, with exactly the narrow functions', () => {
    expect([...bridge.exposed.keys()]).toStrictEqual(['api']);
    expect(Object.keys(api).sort()).toStrictEqual(
      ['getAppInfo', 'onLock', 'openFile', 'printToPdf', 'saveFile', 'setTileTemplate'].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(bridge.invoke);
  });

  it('Given each action, When called, Then it invokes its own channel with one request argument', async () => {
    const bytes = new Uint8Array([1, 2]);
    await api.saveFile({ suggestedName: 'a.csv', bytes, mimeType: 'text/csv' });
    await api.openFile({ filters: [{ name: 'Backup', extensions: ['age'] }], maxBytes: 10 });
    await api.printToPdf({ suggestedName: 'trip', pageSize: 'A4' });
    await api.getAppInfo();
    expect(bridge.invoke.mock.calls).toStrictEqual([
      ['files:save', { suggestedName: 'a.csv', bytes, mimeType: 'text/csv' }],
      ['files:open', { filters: [{ name: 'Backup', extensions: ['age'] }], maxBytes: 10 }],
      ['print:toPdf', { suggestedName: 'trip', pageSize: 'A4' }],
      ['app:info', undefined],
    ]);
  });

  it('Given a lock listener, When main sends power:lock, Then it gets the payload only, and nothing after unsubscribing', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onLock((...args) => received.push(args));
    const ipcEvent = { sender: 'the ipcRenderer itself' };
    for (const listener of bridge.listeners.get('power:lock') ?? [])
      listener(ipcEvent, { reason: 'suspend' });
    expect(received).toStrictEqual([[{ reason: 'suspend' }]]);

    unsubscribe();
    expect(bridge.listeners.get('power:lock')?.size).toBe(0);
  });
});
