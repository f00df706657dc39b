/**
 * Sealing of records. A stored row is exactly `{ id, v, c }`:
 *   - id: random 128-bit id (32 hex), the only visible key;
 *   - v:  row format version (1);
 *   - c:  nonce(12) ‖ AES-256-GCM(recordKey, padded(JSON utf-8), aad), raw bytes (Uint8Array).
 * aad = "haven.v1" ‖ 0 ‖ store ‖ 0 ‖ id ‖ 0 ‖ v, so a ciphertext copied to another row or store, or
 * a row whose id was edited, fails authentication. The plaintext is padded with JSON whitespace to
 * a multiple of 256 bytes so that lengths leak little (JSON.parse ignores trailing spaces, so
 * opening needs no unpadding copy). Everything else, timestamps and foreign keys included, is
 * inside c.
 *
 * WebCrypto is never awaited inside a Dexie transaction: callers seal everything first, then open
 * the write transaction; they read rows first, then open them.
 */
import { TamperError } from '../errors';
import { randomBytes, utf8 } from './bytes';
import { NONCE_BYTES } from './keys';

export const ROW_VERSION = 1;
export const APP_TAG = 'haven.v1';
export const PAD_BLOCK = 256;
const TAG_BYTES = 16;
const SPACE = 0x20;

export interface SealedRow {
  id: string;
  v: number;
  c: Uint8Array;
}

const subtle = () => globalThis.crypto.subtle;
const decoder = new TextDecoder();

export function recordAad(store: string, id: string, v: number): Uint8Array<ArrayBuffer> {
  return utf8.encode(`${APP_TAG}\u0000${store}\u0000${id}\u0000${v}`);
}

/** JSON utf-8, padded with spaces to a multiple of PAD_BLOCK bytes (at least one block). */
export function encodePadded(obj: unknown): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify(obj);
  if (json === undefined) throw new TypeError('value is not JSON-serialisable');
  // Worst case 3 bytes per UTF-16 unit; encodeInto avoids a second copy.
  const max = json.length * 3;
  const buf = new Uint8Array(Math.max(PAD_BLOCK, Math.ceil(max / PAD_BLOCK) * PAD_BLOCK));
  const { written } = utf8.encodeInto(json, buf);
  const size = Math.max(PAD_BLOCK, Math.ceil(written / PAD_BLOCK) * PAD_BLOCK);
  const out = size === buf.length ? buf : buf.subarray(0, size);
  out.fill(SPACE, written);
  return out as Uint8Array<ArrayBuffer>;
}

/** Seals one object for `store`/`id`. */
export async function seal(key: CryptoKey, obj: unknown, store: string, id: string): Promise<SealedRow> {
  const nonce = randomBytes(NONCE_BYTES);
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: recordAad(store, id, ROW_VERSION) },
    key,
    encodePadded(obj),
  );
  const c = new Uint8Array(NONCE_BYTES + ct.byteLength);
  c.set(nonce, 0);
  c.set(new Uint8Array(ct), NONCE_BYTES);
  return { id, v: ROW_VERSION, c };
}

/** Seals many objects at once (all encryptions in flight together). Each object must have `id`. */
export function sealMany(key: CryptoKey, objs: readonly { id: string }[], store: string): Promise<SealedRow[]> {
  return Promise.all(objs.map((o) => seal(key, o, store, o.id)));
}

function asBytes(c: unknown): Uint8Array | null {
  if (c instanceof Uint8Array) return c;
  if (c instanceof ArrayBuffer) return new Uint8Array(c);
  // Values structured-cloned from another realm (tests, workers).
  if (c && typeof c === 'object' && Object.prototype.toString.call(c) === '[object Uint8Array]') {
    return c as Uint8Array;
  }
  if (c && typeof c === 'object' && Object.prototype.toString.call(c) === '[object ArrayBuffer]') {
    return new Uint8Array(c as ArrayBuffer);
  }
  return null;
}

/**
 * Opens one stored row of `store`. Throws a TamperError naming the store and id on any failure:
 * wrong shape, wrong version, authentication failure, or a decrypted object whose id differs.
 */
export async function open<T = unknown>(key: CryptoKey, row: unknown, store: string): Promise<T> {
  const r = row as Partial<SealedRow> | null;
  const id = r && typeof r.id === 'string' ? r.id : '?';
  if (!r || typeof r !== 'object') throw new TamperError(store, id, 'not a sealed row');
  if (r.v !== ROW_VERSION) throw new TamperError(store, id, `unknown row version ${String(r.v)}`);
  const c = asBytes(r.c);
  if (!c || c.length < NONCE_BYTES + TAG_BYTES) throw new TamperError(store, id, 'missing or short ciphertext');
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv: c.subarray(0, NONCE_BYTES) as Uint8Array<ArrayBuffer>,
        additionalData: recordAad(store, id, r.v),
      },
      key,
      c.subarray(NONCE_BYTES) as Uint8Array<ArrayBuffer>,
    );
  } catch {
    throw new TamperError(store, id);
  }
  let obj: unknown;
  try {
    obj = JSON.parse(decoder.decode(plain));
  } catch {
    throw new TamperError(store, id, 'undecodable content');
  }
  if (!obj || typeof obj !== 'object' || (obj as { id?: unknown }).id !== id) {
    throw new TamperError(store, id, 'content does not belong to this row');
  }
  return obj as T;
}

export interface OpenManyResult<T> {
  records: T[];
  tampered: TamperError[];
}

/**
 * Opens many rows of one store concurrently (every decryption in flight at once). Rows that fail
 * are reported in `tampered`, never silently dropped.
 */
export async function openMany<T = unknown>(key: CryptoKey, rows: readonly unknown[], store: string): Promise<OpenManyResult<T>> {
  const records: T[] = [];
  const tampered: TamperError[] = [];
  const settled = await Promise.all(
    rows.map((row) =>
      open<T>(key, row, store).then(
        (v) => ({ ok: true as const, v }),
        (e: unknown) => ({ ok: false as const, e }),
      ),
    ),
  );
  for (const s of settled) {
    if (s.ok) records.push(s.v);
    else if (s.e instanceof TamperError) tampered.push(s.e);
    else throw s.e;
  }
  return { records, tampered };
}
