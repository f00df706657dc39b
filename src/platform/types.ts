/**
 * The desktop seam: everything the renderer needs from the shell around it, as one interface.
 * Two implementations: electron.ts (through the preload's narrow `window.api`) and browser.ts
 * (download link, file input, window.print). Features call these, never `window.api` directly.
 *
 * Requests and results are the IPC contract's own types (electron/shared/ipc-contract.ts), never
 * restated here; only what the browser adds (a refusal message, the shell) is written below.
 */
import type {
  AppInfo as ShellAppInfo,
  FileFilter,
  OpenFileRequest,
  OpenFileResponse,
  PrintToPdfRequest,
  SaveFileRequest,
  SaveFileResponse,
} from '../../electron/shared/ipc-contract';

export type { FileFilter, OpenFileRequest, SaveFileRequest };
export type SaveFileResult = SaveFileResponse;

/**
 * What opening a file gives: the contract's answer, and for a refusal the browser may say why in
 * words (the file's size against the limit).
 */
export type OpenFileResult =
  | Exclude<OpenFileResponse, { opened: false }>
  | (Extract<OpenFileResponse, { opened: false }> & { message?: string });

export type PrintRequest = PrintToPdfRequest;
export type PageSize = PrintRequest['pageSize'];

export type PrintResult =
  | { kind: 'pdf-saved'; path?: string }
  | { kind: 'cancelled' }
  /** The browser cannot write a PDF itself: it opened the print dialog, where "Save as PDF" is a destination. */
  | { kind: 'print-dialog'; message: string };

/** The contract's app info; Electron and Chrome versions only inside the desktop app. */
export interface AppInfo
  extends
    Omit<ShellAppInfo, 'electron' | 'chrome'>,
    Partial<Pick<ShellAppInfo, 'electron' | 'chrome'>> {
  /** 'electron' inside the desktop app, 'browser' when the renderer runs in a plain browser. */
  shell: 'electron' | 'browser';
}

export type TileResult =
  | { readonly kind: 'on'; readonly origin: string }
  | { readonly kind: 'off' }
  | { readonly kind: 'declined' }
  | { readonly kind: 'unsupported' };

export interface Platform {
  readonly kind: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  printToPdf(request: PrintRequest): Promise<PrintResult>;
  appInfo(): Promise<AppInfo>;
  /**
   * Online map tiles on (a URL template) or off (null). Turning on asks the coordinator first:
   * in the desktop app the main process shows the confirmation and opens the network lock and
   * CSP to that one origin; the browser build lets nothing through and says so (`unsupported`).
   */
  setTileTemplate(template: string | null): Promise<TileResult>;
  /** The system is suspending or the screen locks: the vault must lock. Returns the unsubscribe function. */
  onSystemLock(listener: () => void): () => void;
}
