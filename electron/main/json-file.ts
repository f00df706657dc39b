/**
 * Small JSON files in the app's userData folder (window bounds, settings). None of them holds
 * record data: they are not secret and are not encrypted. Reads never throw (a missing or corrupt
 * file gives null, and the caller falls back to defaults); writes go to a temporary file first and
 * are then renamed, so that a crash never leaves half a file behind.
 */
import { closeSync, fchmodSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The parsed JSON of `path`, or null when the file is missing or not JSON. */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/**
 * Writes `value` as JSON to `path` atomically (synchronous: also safe while the app is quitting).
 * The file is readable by its owner only (0600) after every write: a leftover temporary file from
 * a crash, or one made by another program, is chmod-ed before it is written, since `mode` on open
 * only applies to a file it creates.
 */
export function writeJsonFile(path: string, value: unknown): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeFileSync(fd, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
