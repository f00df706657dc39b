/**
 * electron/main/json-file.ts: the small JSON files in userData (window bounds, settings) are
 * readable by their owner only after every write, not only when first created.
 */
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonFile, writeJsonFile } from '../../../electron/main/json-file';

const mode = (path: string) => statSync(path).mode & 0o777;

describe.runIf(process.platform !== 'win32')('writeJsonFile', () => {
  it('Given no file, When written, Then it is 0600 and reads back', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'haven-json-')), 'window-state.json');
    writeJsonFile(path, { width: 800 });
    expect(mode(path)).toBe(0o600);
    expect(readJsonFile(path)).toStrictEqual({ width: 800 });
  });

  it('Given a leftover temporary file with mode 0644 (a crash mid-write), When written, Then the result is 0600', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'haven-json-')), 'window-state.json');
    writeFileSync(`${path}.tmp`, 'half', { mode: 0o644 });
    chmodSync(`${path}.tmp`, 0o644);
    writeJsonFile(path, { width: 900 });
    expect(mode(path)).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toStrictEqual({ width: 900 });
  });

  it('Given a file loosened to 0644 after it was created, When written again, Then it is 0600 again', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'haven-json-')), 'window-state.json');
    writeJsonFile(path, { width: 1 });
    chmodSync(path, 0o644);
    writeFileSync(`${path}.tmp`, '', { mode: 0o644 });
    chmodSync(`${path}.tmp`, 0o644);
    writeJsonFile(path, { width: 2 });
    expect(mode(path)).toBe(0o600);
  });
});
