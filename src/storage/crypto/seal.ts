/**
 * Sealing of records. A stored row is exactly `{ id, v, c }`:
 *   - id: random 128-bit id (32 hex), the only visible key;
 *   - v:  row format version (1);
 *   - c:  nonce(12) ‖ AES-256-GCM(recordKey, padded(JSON utf-8), aad), raw bytes (Uint8Array).
 * aad = "haven.v1" ‖ 0 ‖ store ‖ 0 ‖ id ‖ 0 ‖ v, so a ciphertext copied to another row or store, or
 * a row whose id was edited, fails authentication. Everything else, timestamps and foreign keys
 * included, is inside c.
 *
 * Padding, so that lengths leak little: every plaintext is at least 256 bytes (so small records all
 * look alike), and longer ones are padded with the Padmé scheme (Nikitin et al., "Reducing
 * metadata leakage from encrypted files and communication with PURBs", PETS 2019): a length L
 * keeps only its top ~log2(log2 L) + 1 significant bits, which leaks O(log log L) bits at most and
 * costs at most ~12 % (a 256-byte block cost up to 70 % on 300-byte records, and IndexedDB write
 * time grows with the incompressible bytes). Padding is JSON whitespace: JSON.parse ignores it, so
 * opening needs no unpadding copy.
 *
 * WebCrypto is never awaited inside a Dexie transaction: callers seal everything first, then open
 * the write transaction; they read rows first, then open them.
 */
import { TamperError } from '../errors';
import { utf8 } from './bytes';
import { NONCE_BYTES } from './keys';

export const ROW_VERSION = 1;
export const APP_TAG = 'haven.v1';
/** Smallest padded plaintext. */
export const PAD_MIN = 256;
const TAG_BYTES = 16;
const SPACE = 0x20;

export interface SealedRow {
  id: string;
  v: number;
  c: Uint8Array;
}

const subtle = () => globalThis.crypto.subtle;
const decoder = new TextDecoder();

/*
 * Buffer reuse. WebCrypto copies every input when it is called, before it returns its promise
 * (W3C Web Cryptography API, encrypt()/decrypt() step 2 "getting a copy of the bytes held by the
 * data parameter", and normalizing an algorithm copies BufferSource members such as iv and
 * additionalData). So a buffer handed to encrypt() or decrypt() may be overwritten as soon as the
 * call returns: the sealing loop below encodes every plaintext into one scratch buffer and writes
 * every nonce and AAD into shared buffers, instead of allocating three buffers per row.
 * tests/unit/storage/seal.test.ts proves that rows sealed in one batch each open to their own record.
 */

export function recordAad(store: string, id: string, v: number): Uint8Array<ArrayBuffer> {
  return utf8.encode(`${APP_TAG}\u0000${store}\u0000${id}\u0000${v}`);
}

/**
 * The AAD of one store, kept in one buffer: the prefix is encoded once and the 32 ASCII characters
 * of each id are written in place. `write` returns that shared buffer, valid until the next call
 * (enough for WebCrypto, which copies it); any other id or version gets a fresh encoding.
 */
class AadWriter {
  private readonly buf: Uint8Array<ArrayBuffer>;
  private readonly idAt: number;
  constructor(private readonly store: string) {
    this.buf = recordAad(store, '0'.repeat(32), ROW_VERSION);
    this.idAt = utf8.encode(`${APP_TAG}\u0000${store}\u0000`).length;
  }
  write(id: string, v: number): Uint8Array<ArrayBuffer> {
    if (v !== ROW_VERSION || id.length !== 32) return recordAad(this.store, id, v);
    const buf = this.buf;
    const at = this.idAt;
    for (let i = 0; i < 32; i++) {
      const ch = id.charCodeAt(i);
      if (ch > 0x7f) return recordAad(this.store, id, v);
      buf[at + i] = ch;
    }
    return buf;
  }
}

const aadWriters = new Map<string, AadWriter>();
function aadWriter(store: string): AadWriter {
  let w = aadWriters.get(store);
  if (!w) {
    w = new AadWriter(store);
    aadWriters.set(store, w);
  }
  return w;
}

/** Padded length for a plaintext of `len` bytes: at least PAD_MIN, then Padmé. */
export function paddedLength(len: number): number {
  if (len <= PAD_MIN) return PAD_MIN;
  if (len >= 2 ** 31) throw new RangeError('record too large');
  const e = 31 - Math.clz32(len); // floor(log2 len)
  const s = 32 - Math.clz32(e); // floor(log2 e) + 1
  const step = 2 ** (e - s);
  return Math.ceil(len / step) * step;
}

/**
 * Random nonces drawn from a pool refilled by the CSPRNG 64 KiB at a time (one getRandomValues
 * call per 5,461 nonces instead of one per row). Pool bytes are used once, then zeroed.
 */
const NONCE_POOL_BYTES = 65_532; // a multiple of 12, under getRandomValues' 65,536-byte limit
const noncePool = new Uint8Array(NONCE_POOL_BYTES);
let noncePos = NONCE_POOL_BYTES;

/** Writes a fresh nonce into `iv` and into the first bytes of `c`. */
function writeNonce(iv: Uint8Array, c: Uint8Array): void {
  if (noncePos + NONCE_BYTES > NONCE_POOL_BYTES) {
    globalThis.crypto.getRandomValues(noncePool);
    noncePos = 0;
  }
  const pool = noncePool;
  const at = noncePos;
  for (let k = 0; k < NONCE_BYTES; k++) {
    const b = pool[at + k] as number;
    iv[k] = b;
    c[k] = b;
    pool[at + k] = 0;
  }
  noncePos = at + NONCE_BYTES;
}

/** Seals one object for `store`/`id`. */
export function seal(key: CryptoKey, obj: unknown, store: string, id: string): Promise<SealedRow> {
  const json = JSON.stringify(obj);
  if (json === undefined) return Promise.reject(new TypeError('value is not JSON-serialisable'));
  return sealJsonBatch(key, store, [id], [json]).then((rows) => rows[0] as SealedRow);
}

/**
 * Seals many JSON texts of one store: `jsons[i]` is the record with id `ids[i]` (the caller
 * guarantees it). Every encryption is in flight together, with one promise for the batch. Per
 * row the loop allocates only `c`: plaintexts are UTF-8-encoded and padded in one scratch buffer,
 * nonces and AADs are written into shared buffers (see "Buffer reuse" above). The scratch buffer
 * is zeroed before this returns.
 */
export function sealJsonBatch(
  key: CryptoKey,
  store: string,
  ids: readonly string[],
  jsons: readonly string[],
): Promise<SealedRow[]> {
  const n = ids.length;
  if (jsons.length !== n) return Promise.reject(new RangeError('one JSON text per id'));
  const cs: Uint8Array[] = new Array<Uint8Array>(n);
  const pending: Promise<ArrayBuffer>[] = new Array<Promise<ArrayBuffer>>(n);
  // Big enough for any text of up to 2,730 UTF-16 units (3 bytes each at most); grown on demand.
  let scratch = new Uint8Array(8192);
  let used = 0;
  // Views of the scratch buffer by padded length (Padmé gives few distinct lengths).
  const views = new Map<number, Uint8Array<ArrayBuffer>>();
  const iv = new Uint8Array(NONCE_BYTES);
  const alg: AesGcmParams = { name: 'AES-GCM', iv, additionalData: iv };
  const s = subtle();
  const writer = aadWriter(store);
  try {
    for (let i = 0; i < n; i++) {
      const json = jsons[i] as string;
      if (json.length * 3 > scratch.length) {
        scratch.fill(0, 0, used);
        scratch = new Uint8Array(paddedLength(json.length * 3));
        used = 0;
        views.clear();
      }
      const written = utf8.encodeInto(json, scratch).written;
      const room = paddedLength(written);
      scratch.fill(SPACE, written, room);
      if (room > used) used = room;
      let plain = views.get(room);
      if (!plain) {
        plain = scratch.subarray(0, room);
        views.set(room, plain);
      }
      alg.additionalData = writer.write(ids[i] as string, ROW_VERSION);
      // c is allocated once: nonce ‖ ciphertext ‖ tag (the nonce bytes are never changed afterwards).
      const c = new Uint8Array(NONCE_BYTES + room + TAG_BYTES);
      writeNonce(iv, c);
      cs[i] = c;
      pending[i] = s.encrypt(alg, key, plain);
    }
  } catch (e) {
    return Promise.reject(e as Error);
  } finally {
    scratch.fill(0, 0, used);
  }
  return Promise.all(pending).then((cts) => {
    const rows: SealedRow[] = new Array<SealedRow>(n);
    for (let i = 0; i < n; i++) {
      const c = cs[i] as Uint8Array;
      c.set(new Uint8Array(cts[i] as ArrayBuffer), NONCE_BYTES);
      rows[i] = { id: ids[i] as string, v: ROW_VERSION, c };
    }
    return rows;
  });
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

/** The ciphertext and version of a stored row, or why it cannot be a sealed row of this format. */
function checkRow(r: Partial<SealedRow> | null): { c: Uint8Array; v: number } | string {
  if (!r || typeof r !== 'object') return 'not a sealed row';
  if (r.v !== ROW_VERSION) return `unknown row version ${String(r.v)}`;
  const c = asBytes(r.c);
  if (!c || c.length < NONCE_BYTES + TAG_BYTES) return 'missing or short ciphertext';
  return { c, v: r.v };
}

/** Shared decryption parameters (WebCrypto copies them at each call; see "Buffer reuse"). */
const openIv = new Uint8Array(NONCE_BYTES);
const openAlg: AesGcmParams = { name: 'AES-GCM', iv: openIv, additionalData: openIv };

function decryptRow(
  key: CryptoKey,
  c: Uint8Array,
  store: string,
  id: string,
  v: number,
): Promise<ArrayBuffer> {
  for (let k = 0; k < NONCE_BYTES; k++) openIv[k] = c[k] as number;
  openAlg.additionalData = aadWriter(store).write(id, v);
  return subtle().decrypt(openAlg, key, c.subarray(NONCE_BYTES) as Uint8Array<ArrayBuffer>);
}

/**
 * Opens one stored row of `store`. Rejects with a TamperError naming the store and id on any
 * failure: wrong shape, wrong version, authentication failure, or a decrypted object whose id
 * differs (the same checks as openMany, which it calls).
 */
export async function open<T = unknown>(key: CryptoKey, row: unknown, store: string): Promise<T> {
  const { records, tampered } = await openMany<T>(key, [row], store);
  if (tampered[0]) throw tampered[0];
  return records[0] as T;
}

export interface OpenManyResult<T> {
  records: T[];
  tampered: TamperError[];
}

/** Stands for a row that was refused before any decryption. */
const NOTHING: Promise<ArrayBuffer | null> = Promise.resolve(null);

/**
 * Opens many rows of one store concurrently (every decryption in flight at once, one promise for
 * the batch). Rows that fail are reported in `tampered`, never silently dropped.
 */
export async function openMany<T = unknown>(
  key: CryptoKey,
  rows: readonly unknown[],
  store: string,
): Promise<OpenManyResult<T>> {
  const n = rows.length;
  const tampered: TamperError[] = [];
  const ids: string[] = new Array<string>(n);
  const reported: boolean[] = new Array<boolean>(n).fill(false);
  const pending: Promise<ArrayBuffer | null>[] = new Array<Promise<ArrayBuffer | null>>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as Partial<SealedRow> | null;
    const id = r && typeof r.id === 'string' ? r.id : '?';
    ids[i] = id;
    const checked = checkRow(r);
    if (typeof checked === 'string') {
      tampered.push(new TamperError(store, id, checked));
      reported[i] = true;
      pending[i] = NOTHING;
      continue;
    }
    try {
      pending[i] = decryptRow(key, checked.c, store, id, checked.v);
    } catch {
      pending[i] = NOTHING;
    }
  }
  // The common case, every row authentic, costs no promise per row beyond the decryption's own;
  // only when one fails are the outcomes collected row by row.
  let plains: (ArrayBuffer | null)[];
  try {
    plains = await Promise.all(pending);
  } catch {
    plains = (await Promise.allSettled(pending)).map((o) =>
      o.status === 'fulfilled' ? o.value : null,
    );
  }
  const records: T[] = [];
  for (let i = 0; i < n; i++) {
    const plain = plains[i];
    const id = ids[i] ?? '?';
    if (plain === null || plain === undefined) {
      if (!reported[i]) tampered.push(new TamperError(store, id));
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(decoder.decode(plain));
    } catch {
      tampered.push(new TamperError(store, id, 'undecodable content'));
      continue;
    }
    if (!obj || typeof obj !== 'object' || (obj as { id?: unknown }).id !== id) {
      tampered.push(new TamperError(store, id, 'content does not belong to this row'));
      continue;
    }
    records.push(obj as T);
  }
  return { records, tampered };
}
