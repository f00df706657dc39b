/**
 * The `print:toPdf` handler: prints Haven's own window (never another page) to a PDF file that the
 * user picks in a native save dialog. Itinerary packs and recovery sheets go through here.
 *
 * The page's own @page rule decides size, margins, the "Confidential" footer and "Page n of N"
 * (CSS margin boxes, printed by Chromium 131+), so `preferCSSPageSize` is on and Electron's own
 * header and footer are off: the PDF matches what the print preview and window.print show. The
 * requested page size is passed too, for a page without its own @page size.
 *
 * A plain function: the dialog, the window's printToPDF and the file system are injected.
 */
import { join } from 'node:path';
import type { IpcValidRequest, PrintToPdfResponse } from '../../shared/ipc-contract';
import type { FileSystem, SaveDialog } from './files';

export interface PrintDeps {
  readonly dialogs: SaveDialog;
  readonly fs: Pick<FileSystem, 'writeFile'>;
  readonly defaultDirectory: string;
  /** The main window's webContents.printToPDF. */
  readonly printToPDF: (options: {
    pageSize: 'A4' | 'Letter';
    landscape: boolean;
    printBackground: boolean;
    preferCSSPageSize: boolean;
    displayHeaderFooter: boolean;
  }) => Promise<Uint8Array>;
}

/** The suggested name with a .pdf extension. */
export function pdfFileName(suggestedName: string): string {
  return suggestedName.toLowerCase().endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`;
}

/** Asks where to save, then renders the page to PDF and writes it. Cancelled: { saved: false }, nothing rendered. */
export async function printToPdf(
  deps: PrintDeps,
  request: IpcValidRequest<'print:toPdf'>,
): Promise<PrintToPdfResponse> {
  const choice = await deps.dialogs.showSaveDialog({
    defaultPath: join(deps.defaultDirectory, pdfFileName(request.suggestedName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || choice.filePath === '') return { saved: false };
  const pdf = await deps.printToPDF({
    pageSize: request.pageSize,
    landscape: request.landscape ?? false,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: false,
  });
  await deps.fs.writeFile(choice.filePath, pdf);
  return { saved: true, path: choice.filePath };
}
