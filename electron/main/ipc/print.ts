/**
 * The `print:toPdf` handler: prints Haven's own window (never another page) to a PDF file that the
 * user picks in a native save dialog. Itinerary packs and recovery sheets go through here.
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
  });
  await deps.fs.writeFile(choice.filePath, pdf);
  return { saved: true, path: choice.filePath };
}
