/**
 * The `files:save` and `files:open` handlers: the renderer never names a path. The user picks it
 * in a native dialog; main writes or reads the bytes. Written files are created user-readable only
 * (0600) because exports such as finance CSVs are plaintext by nature. Opening refuses a file
 * larger than the limit the renderer asked for, before reading it.
 *
 * Plain functions: the dialogs and the file system are injected (`nodeFileSystem` is the real one).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type {
  FileFilter,
  IpcValidRequest,
  OpenFileResponse,
  SaveFileResponse,
} from '../../shared/ipc-contract';

export interface SaveDialog {
  showSaveDialog(options: {
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath: string }>;
}

export interface OpenDialog {
  showOpenDialog(options: {
    properties: ['openFile'];
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface FileSystem {
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  readFile(path: string): Promise<Uint8Array<ArrayBuffer>>;
  fileSize(path: string): Promise<number>;
}

export const nodeFileSystem: FileSystem = {
  writeFile: (path, bytes) => writeFile(path, bytes, { mode: 0o600 }),
  readFile: (path) => readFile(path),
  fileSize: async (path) => (await stat(path)).size,
};

export interface FileDeps {
  readonly dialogs: SaveDialog & OpenDialog;
  readonly fs: FileSystem;
  /** The folder the dialogs open in (the user's documents folder). */
  readonly defaultDirectory: string;
}

/** The filter offered when the renderer gave none: the suggested name's own extension. */
function defaultFilters(suggestedName: string): FileFilter[] {
  const extension = extname(suggestedName).slice(1);
  return /^[A-Za-z0-9]{1,16}$/.test(extension)
    ? [{ name: extension.toUpperCase(), extensions: [extension] }]
    : [];
}

/** Asks where to save, then writes the bytes there. Cancelled: { saved: false }. */
export async function saveFile(
  deps: {
    readonly dialogs: SaveDialog;
    readonly fs: Pick<FileSystem, 'writeFile'>;
    readonly defaultDirectory: string;
  },
  request: IpcValidRequest<'files:save'>,
): Promise<SaveFileResponse> {
  const choice = await deps.dialogs.showSaveDialog({
    defaultPath: join(deps.defaultDirectory, request.suggestedName),
    filters: request.filters ?? defaultFilters(request.suggestedName),
  });
  if (choice.canceled || choice.filePath === '') return { saved: false };
  await deps.fs.writeFile(choice.filePath, request.bytes);
  return { saved: true, path: choice.filePath };
}

/**
 * Asks for one file and returns its name and bytes. Cancelled: { opened: false, reason: 'cancelled' };
 * above `maxBytes`: { opened: false, reason: 'too-large' }, checked before the file is read.
 */
export async function openFile(
  deps: FileDeps,
  request: IpcValidRequest<'files:open'>,
): Promise<OpenFileResponse> {
  const choice = await deps.dialogs.showOpenDialog({
    properties: ['openFile'],
    filters: request.filters,
  });
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return { opened: false, reason: 'cancelled' };
  if ((await deps.fs.fileSize(path)) > request.maxBytes)
    return { opened: false, reason: 'too-large' };
  const bytes = await deps.fs.readFile(path);
  // The file may have grown between the size check and the read.
  if (bytes.byteLength > request.maxBytes) return { opened: false, reason: 'too-large' };
  return { opened: true, name: basename(path), bytes };
}
