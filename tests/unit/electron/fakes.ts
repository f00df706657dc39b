/**
 * Fakes of the Electron objects that electron/main's plain functions receive (webContents, session,
 * dialogs, file system). They record what was registered so that tests can fire events and read
 * back decisions; nothing here imitates Haven's own logic.
 */
import { vi } from 'vitest';
import type { FileSystem, OpenDialog, SaveDialog } from '../../../electron/main/ipc/files';
import type {
  GuardableWebContents,
  NavigationEvent,
  NetworkPolicy,
  PermissionSession,
  PreventableEvent,
  WebRequestSession,
} from '../../../electron/main/security';

type Listener = (event: NavigationEvent & PreventableEvent) => void;

/** A webContents that keeps its listeners and window-open handler, and fires navigation events on demand. */
export class FakeWebContents implements GuardableWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Fires `event` for `url`; true when some listener prevented it. */
  fire(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    const listeners = this.listeners.get(event) ?? [];
    if (listeners.length === 0) throw new Error(`no listener for ${event}`);
    let prevented = false;
    for (const listener of listeners) {
      listener({
        url,
        preventDefault: () => {
          prevented = true;
        },
      });
    }
    return prevented;
  }
}

/** A session whose permission handlers and request filter are kept for inspection. */
export class FakeSession implements PermissionSession, WebRequestSession {
  requestHandler: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: (() => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  beforeRequest: Parameters<WebRequestSession['webRequest']['onBeforeRequest']>[0] | null = null;

  setPermissionRequestHandler(
    handler: Parameters<PermissionSession['setPermissionRequestHandler']>[0],
  ): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: () => boolean): void {
    this.checkHandler = handler;
  }

  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }

  readonly webRequest = {
    onBeforeRequest: (
      listener: Parameters<WebRequestSession['webRequest']['onBeforeRequest']>[0],
    ): void => {
      this.beforeRequest = listener;
    },
  };

  /** Sends `url` through the installed request filter; true when it was cancelled. */
  isCancelled(url: string): boolean {
    if (this.beforeRequest === null) throw new Error('no request filter installed');
    let cancelled: boolean | null = null;
    this.beforeRequest({ url }, (response) => {
      cancelled = response.cancel;
    });
    if (cancelled === null) throw new Error('the request filter did not answer');
    return cancelled;
  }
}

export const NO_TILES: NetworkPolicy = { tileOrigin: null, devTools: false };

/** Dialogs that answer with the given choices and record what they were asked. */
export function fakeDialogs(choice: {
  savePath?: string;
  openPath?: string;
}): SaveDialog & OpenDialog {
  return {
    showSaveDialog: vi.fn((options: Parameters<SaveDialog['showSaveDialog']>[0]) => {
      void options;
      return Promise.resolve(
        choice.savePath === undefined
          ? { canceled: true, filePath: '' }
          : { canceled: false, filePath: choice.savePath },
      );
    }),
    showOpenDialog: vi.fn((options: Parameters<OpenDialog['showOpenDialog']>[0]) => {
      void options;
      return Promise.resolve(
        choice.openPath === undefined
          ? { canceled: true, filePaths: [] }
          : { canceled: false, filePaths: [choice.openPath] },
      );
    }),
  };
}

/** An in-memory file system. */
export function memoryFileSystem(
  files: Record<string, Uint8Array<ArrayBuffer>> = {},
): FileSystem & {
  readonly files: Record<string, Uint8Array<ArrayBuffer>>;
} {
  return {
    files,
    writeFile: vi.fn((path: string, bytes: Uint8Array) => {
      files[path] = new Uint8Array(bytes);
      return Promise.resolve();
    }),
    readAtMost: vi.fn((path: string, maxBytes: number) => {
      const bytes = files[path];
      if (!bytes) return Promise.reject(new Error(`ENOENT: ${path}`));
      return Promise.resolve(bytes.byteLength > maxBytes ? null : bytes);
    }),
  };
}
