/**
 * The desktop seam: everything the renderer needs from the shell around it, as one interface.
 * Two implementations: electron.ts (through the preload's narrow `window.api`) and browser.ts
 * (download link, file input, window.print). Features call these, never `window.api` directly.
 */

export interface FileFilter {
  /** Shown in the dialog, e.g. "CSV spreadsheet". */
  name: string;
  /** Without the dot, e.g. ["csv"]. */
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
  filters?: FileFilter[];
}

export interface SaveFileResult {
  saved: boolean;
  /** Where the file went, when the shell knows it (Electron); a browser download does not say. */
  path?: string;
}

export interface OpenFileRequest {
  filters: FileFilter[];
  /** Files larger than this are refused before they are read into memory. */
  maxBytes: number;
}

export type OpenFileResult =
  | { opened: false; reason?: 'cancelled' | 'too-large'; message?: string }
  | { opened: true; name: string; bytes: Uint8Array<ArrayBuffer> };

export type PageSize = 'A4' | 'Letter';

export interface PrintRequest {
  suggestedName: string;
  pageSize: PageSize;
  landscape?: boolean;
}

export type PrintResult =
  | { kind: 'pdf-saved'; path?: string }
  | { kind: 'cancelled' }
  /** The browser cannot write a PDF itself: it opened the print dialog, where "Save as PDF" is a destination. */
  | { kind: 'print-dialog'; message: string };

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' inside the desktop app, 'browser' when the renderer runs in a plain browser. */
  shell: 'electron' | 'browser';
  platform: string;
  electron?: string;
  chrome?: string;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  printToPdf(request: PrintRequest): Promise<PrintResult>;
  appInfo(): Promise<AppInfo>;
  /** The system is suspending or the screen locks: the vault must lock. Returns the unsubscribe function. */
  onSystemLock(listener: () => void): () => void;
}
