/**
 * The batch sealing loop (src/storage/crypto/seal.ts) reuses one scratch buffer for every
 * plaintext and shared buffers for every nonce and AAD, relying on WebCrypto copying its inputs
 * when called. These tests would fail if that reuse leaked one row's bytes into another: each row
 * of a batch must open to its own record, under its own store and id only, with a nonce of its own.
 */
import { describe, expect, it } from 'vitest';
import { TamperError, newId } from '../../../src/storage';
import { deriveRecordKey, generateDataKey } from '../../../src/storage/crypto/keys';
import {
  open,
  openMany,
  paddedLength,
  seal,
  sealJsonBatch,
  type SealedRow,
} from '../../../src/storage/crypto/seal';

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** Records of very different sizes: tiny, ASCII, Latin-1, CJK, emoji, and longer than the scratch buffer. */
function records(): { id: string; text: string; n: number }[] {
  const texts = [
    '',
    'a',
    'Kraków — São Paulo',
    '東京都 渋谷区',
    '🙂'.repeat(700),
    'x'.repeat(5000),
    'é'.repeat(9000), // 18,000 UTF-8 bytes: bigger than the initial 8 KiB scratch
    'y'.repeat(300),
  ];
  return Array.from({ length: 240 }, (_, i) => ({
    id: newId(),
    text: `${i}:${texts[i % texts.length]!}`,
    n: i,
  }));
}

async function sealAll(key: CryptoKey, store: string, list: { id: string }[]) {
  return sealJsonBatch(
    key,
    store,
    list.map((r) => r.id),
    list.map((r) => JSON.stringify(r)),
  );
}

describe('sealing many rows in one batch', () => {
  it('Given 240 records of mixed sizes and scripts, When sealed in one batch, Then every row opens to its own record', async () => {
    const key = await deriveRecordKey(generateDataKey());
    const list = records();
    const rows = await sealAll(key, 'cases', list);
    expect(rows.map((r) => r.id)).toEqual(list.map((r) => r.id));
    const { records: opened, tampered } = await openMany<{ id: string }>(key, rows, 'cases');
    expect(tampered).toEqual([]);
    expect(opened).toEqual(list);
  });

  it('Given a batch, When sealed, Then each c is nonce + the padded UTF-8 length + tag, and no two rows share a nonce', async () => {
    const key = await deriveRecordKey(generateDataKey());
    const list = records();
    const rows = [...(await sealAll(key, 'cases', list)), ...(await sealAll(key, 'cases', list))];
    rows.slice(0, list.length).forEach((row, i) => {
      expect(row.c.length).toBe(12 + paddedLength(utf8Length(JSON.stringify(list[i]))) + 16);
      expect(row.c.buffer.byteLength).toBe(row.c.length); // its own buffer: IndexedDB stores all of it
    });
    const nonces = new Set(rows.map((r) => Array.from(r.c.subarray(0, 12)).join(',')));
    expect(nonces.size).toBe(rows.length);
  });

  it('Given rows sealed in one batch, When opened as another store or moved to another id, Then each is refused', async () => {
    const key = await deriveRecordKey(generateDataKey());
    const list = records().slice(0, 20);
    const rows = await sealAll(key, 'cases', list);
    const asPeople = await openMany(key, rows, 'people');
    expect(asPeople.records).toEqual([]);
    expect(asPeople.tampered).toHaveLength(20);
    // Row i's ciphertext under row i+1's id.
    const moved: SealedRow[] = rows.map((r, i) => ({ ...r, id: rows[(i + 1) % rows.length]!.id }));
    const shifted = await openMany(key, moved, 'cases');
    expect(shifted.records).toEqual([]);
    expect(shifted.tampered.every((e) => e instanceof TamperError)).toBe(true);
  });

  it('Given ids that are not 32 ASCII characters, When sealed and opened, Then they round-trip and stay bound to their id', async () => {
    const key = await deriveRecordKey(generateDataKey());
    const odd = { id: 'short-id', v: 1 };
    const accented = { id: 'é'.repeat(32), v: 2 };
    const row1 = await seal(key, odd, 'cases', odd.id);
    const row2 = await seal(key, accented, 'cases', accented.id);
    await expect(open(key, row1, 'cases')).resolves.toEqual(odd);
    await expect(open(key, row2, 'cases')).resolves.toEqual(accented);
    await expect(open(key, { ...row2, id: 'e'.repeat(32) }, 'cases')).rejects.toBeInstanceOf(
      TamperError,
    );
  });

  it('Given one id too few for the JSON texts, When sealed, Then it is refused', async () => {
    const key = await deriveRecordKey(generateDataKey());
    await expect(sealJsonBatch(key, 'cases', [newId()], ['{}', '{}'])).rejects.toThrow(
      /one JSON text per id/,
    );
  });
});
