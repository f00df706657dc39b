/**
 * The `files:save` and `files:open` handlers: the renderer never names a path. The user picks it
 * in a native dialog; main writes or reads the bytes. Written files are created user-readable only
 * (0600) because exports such as finance CSVs are plaintext by nature. Opening reads at most one
 * byte more than the limit the renderer asked for, so a huge file, or a device such as /dev/zero
 * that never ends, is refused without filling memory.
 *
 * Plain functions: the dialogs and the file system are injected (`nodeFileSystem` is the real one).
 */
import { open } from 'node:fs/promises';
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
  /** The whole file, or null when it holds more than `maxBytes` bytes. */
  readAtMost(path: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null>;
}

const READ_CHUNK_BYTES = 1024 * 1024;

/** Reads `path` chunk by chunk and stops as soon as it passes `maxBytes`. */
async function readAtMost(path: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const file = await open(path, 'r');
  try {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.byteLength, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return null;
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    await file.close();
  }
}

/**
 * Writes `bytes` to `path`, readable by its owner only (0600) whether the file is new or was there
 * before: `mode` on open applies only when the file is created, so an existing file (say 0644,
 * made by another program) is chmod-ed after truncation and before any byte is written.
 */
async function writeOwnerOnly(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, 'w', 0o600);
  try {
    await file.chmod(0o600);
    await file.writeFile(bytes);
  } finally {
    await file.close();
  }
}

export const nodeFileSystem: FileSystem = {
  writeFile: writeOwnerOnly,
  readAtMost,
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
 * more than `maxBytes`: { opened: false, reason: 'too-large' }.
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
  const bytes = await deps.fs.readAtMost(path, request.maxBytes);
  if (bytes === null) return { opened: false, reason: 'too-large' };
  return { opened: true, name: basename(path), bytes };
}
