/**
 * The browser implementation of the desktop seam, used when the renderer runs in plain Chromium
 * (the end-to-end suite, `npm start` on a machine without an Electron binary).
 *
 * - save: a Blob behind a temporary download link, revoked right after the click;
 * - open: a temporary <input type="file">, refused above maxBytes before reading;
 * - print to PDF: not possible from a page, so it opens the print dialog and says so;
 * - system lock: a browser reports neither suspend nor screen lock, so there is nothing to listen to.
 */
import type {
  AppInfo,
  OpenFileRequest,
  OpenFileResult,
  Platform,
  PrintRequest,
  PrintResult,
  SaveFileRequest,
  SaveFileResult,
  TileResult,
} from './types';

export interface BrowserEnvironment {
  document: Document;
  print: () => void;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  userAgent: string;
  appVersion: string;
}

export const PRINT_DIALOG_MESSAGE =
  'This browser cannot save a PDF by itself. Choose "Save as PDF" as the destination in the print dialog.';

export function createBrowserPlatform(env: BrowserEnvironment): Platform {
  return {
    kind: 'browser',

    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const blob = new Blob([request.bytes as BlobPart], { type: request.mimeType });
      const url = env.createObjectURL(blob);
      const link = env.document.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      link.rel = 'noopener';
      link.style.display = 'none';
      env.document.body.appendChild(link);
      try {
        link.click();
      } finally {
        link.remove();
        // Give the download a moment to start before the object URL goes away.
        setTimeout(() => env.revokeObjectURL(url), 1000);
      }
      return { saved: true };
    },

    openFile(request: OpenFileRequest): Promise<OpenFileResult> {
      return new Promise((resolve, reject) => {
        const input = env.document.createElement('input');
        input.type = 'file';
        input.accept = request.filters
          .flatMap((filter) => filter.extensions.map((extension) => `.${extension}`))
          .join(',');
        input.style.display = 'none';
        let settled = false;
        const finish = (result: OpenFileResult): void => {
          if (settled) return;
          settled = true;
          input.remove();
          resolve(result);
        };
        input.addEventListener('cancel', () => finish({ opened: false, reason: 'cancelled' }));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) {
            finish({ opened: false, reason: 'cancelled' });
            return;
          }
          if (file.size > request.maxBytes) {
            finish({
              opened: false,
              reason: 'too-large',
              message: `The file is ${formatMegabytes(file.size)}; files up to ${formatMegabytes(request.maxBytes)} can be opened.`,
            });
            return;
          }
          file
            .arrayBuffer()
            .then((buffer) =>
              finish({ opened: true, name: file.name, bytes: new Uint8Array(buffer) }),
            )
            .catch((error: unknown) => {
              settled = true;
              input.remove();
              reject(error instanceof Error ? error : new Error(String(error)));
            });
        });
        env.document.body.appendChild(input);
        input.click();
      });
    },

    async printToPdf(_request: PrintRequest): Promise<PrintResult> {
      env.print();
      return { kind: 'print-dialog', message: PRINT_DIALOG_MESSAGE };
    },

    async appInfo(): Promise<AppInfo> {
      return { name: 'Haven', version: env.appVersion, shell: 'browser', platform: env.userAgent };
    },

    /**
     * The browser build has no main process to confirm with, and its CSP (img-src 'self') lets no
     * tile host through: turning tiles on lets nothing through and says so.
     */
    async setTileTemplate(template: string | null): Promise<TileResult> {
      return template === null ? { kind: 'off' } : { kind: 'unsupported' };
    },

    onSystemLock(): () => void {
      return () => undefined;
    },
  };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
