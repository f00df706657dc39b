/**
 * Small JSON files in the app's userData folder (window bounds, settings). None of them holds
 * record data: they are not secret and are not encrypted. Reads never throw (a missing or corrupt
 * file gives null, and the caller falls back to defaults); writes go to a temporary file first and
 * are then renamed, so that a crash never leaves half a file behind.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The parsed JSON of `path`, or null when the file is missing or not JSON. */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes `value` as JSON to `path` atomically (synchronous: also safe while the app is quitting). */
export function writeJsonFile(path: string, value: unknown): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, {
    encoding: 'utf8',
    mode: 0o600,
  });
  renameSync(temporary, path);
}
