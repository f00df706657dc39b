/**
 * The preload: the only bridge between the sandboxed renderer and the main process.
 *
 * It builds `api` from the IPC contract, one narrow function per action, and exposes it as
 * `window.api` through contextBridge. It never exposes `ipcRenderer`, an IPC event object or a
 * generic "send anything" function, so a compromised renderer can only call these actions, and
 * main still checks the sender and validates every argument.
 *
 * It imports the contract as types only, so the sandboxed bundle stays small (no zod here).
 * `HavenApi` (= `typeof api`) is the renderer's type for `window.api`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  AppInfo,
  IpcChannel,
  IpcEventChannel,
  IpcEventPayload,
  IpcRequest,
  IpcResponse,
  OpenFileRequest,
  OpenFileResponse,
  PowerLockEvent,
  PrintToPdfRequest,
  PrintToPdfResponse,
  SaveFileRequest,
  SaveFileResponse,
  SetTileTemplateResponse,
} from '../shared/ipc-contract';

function invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResponse<C>>;
}

/** Subscribes to a main -> renderer event; the listener gets the payload only, never the IPC event. */
function subscribe<E extends IpcEventChannel>(
  channel: E,
  listener: (payload: IpcEventPayload<E>) => void,
): () => void {
  const forward = (_event: IpcRendererEvent, payload: IpcEventPayload<E>): void => {
    listener(payload);
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const api = {
  /** Asks the user where to save `bytes` (a native save dialog) and writes them there. */
  saveFile: (request: SaveFileRequest): Promise<SaveFileResponse> => invoke('files:save', request),
  /** Asks the user for one file (a native open dialog) and returns its bytes, refused above `maxBytes`. */
  openFile: (request: OpenFileRequest): Promise<OpenFileResponse> => invoke('files:open', request),
  /** Prints the current page to a PDF file chosen by the user. */
  printToPdf: (request: PrintToPdfRequest): Promise<PrintToPdfResponse> =>
    invoke('print:toPdf', request),
  /** Name, version and platform of the running app. */
  getAppInfo: (): Promise<AppInfo> => invoke('app:info', undefined),
  /** Online map tiles on (a template; main asks the coordinator first) or off (null). */
  setTileTemplate: (template: string | null): Promise<SetTileTemplateResponse> =>
    invoke('tiles:set', { template }),
  /** Calls `listener` when the system suspends or the screen locks; returns the unsubscribe function. */
  onLock: (listener: (event: PowerLockEvent) => void): (() => void) =>
    subscribe('power:lock', listener),
};

export type HavenApi = typeof api;

contextBridge.exposeInMainWorld('api', api);
