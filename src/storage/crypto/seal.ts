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

export function recordAad(store: string, id: string, v: number): Uint8Array<ArrayBuffer> {
  return utf8.encode(`${APP_TAG}\u0000${store}\u0000${id}\u0000${v}`);
}

/**
 * AAD template for one store: the prefix is encoded once, the 32 ASCII hex characters of each id
 * are written in, and a copy is returned (never a shared buffer handed to an asynchronous call).
 */
class AadWriter {
  private readonly buf: Uint8Array<ArrayBuffer>;
  private readonly idAt: number;
  constructor(store: string) {
    const template = recordAad(store, '0'.repeat(32), ROW_VERSION);
    this.buf = template;
    this.idAt = utf8.encode(`${APP_TAG}\u0000${store}\u0000`).length;
  }
  /** The AAD for `id`. */
  for(id: string, v: number): Uint8Array<ArrayBuffer> {
    if (v !== ROW_VERSION || id.length !== 32) return recordAad(this.store(), id, v);
    const buf = this.buf;
    for (let i = 0; i < 32; i++) {
      const ch = id.charCodeAt(i);
      if (ch > 0x7f) return recordAad(this.store(), id, v);
      buf[this.idAt + i] = ch;
    }
    return buf.slice();
  }
  private store(): string {
    return new TextDecoder().decode(this.buf.subarray(APP_TAG.length + 1, this.idAt - 1));
  }
}

const aadWriters = new Map<string, AadWriter>();
function aadFor(store: string, id: string, v: number): Uint8Array<ArrayBuffer> {
  let w = aadWriters.get(store);
  if (!w) {
    w = new AadWriter(store);
    aadWriters.set(store, w);
  }
  return w.for(id, v);
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

/** UTF-8 of a JSON text, padded with spaces (see paddedLength). */
export function encodePaddedJson(json: string): Uint8Array<ArrayBuffer> {
  // Mostly-ASCII text fits in paddedLength(json.length): one exact allocation. Otherwise retry
  // with the worst case of 3 bytes per UTF-16 unit.
  let buf = new Uint8Array(paddedLength(json.length));
  let r = utf8.encodeInto(json, buf);
  if (r.read < json.length) {
    buf = new Uint8Array(paddedLength(json.length * 3));
    r = utf8.encodeInto(json, buf);
  }
  const size = paddedLength(r.written);
  const out = size === buf.length ? buf : buf.subarray(0, size);
  out.fill(SPACE, r.written);
  return out as Uint8Array<ArrayBuffer>;
}

/**
 * Random nonces drawn from a pool refilled by the CSPRNG 64 KiB at a time (one getRandomValues
 * call per 5,461 nonces instead of one per row). Pool bytes are used once, never reused.
 */
const NONCE_POOL_BYTES = 65_532; // a multiple of 12, under getRandomValues' 65,536-byte limit
let noncePool = new Uint8Array(0);
let noncePos = 0;
function writeNonce(into: Uint8Array): void {
  if (noncePos + NONCE_BYTES > noncePool.length) {
    noncePool = new Uint8Array(NONCE_POOL_BYTES);
    globalThis.crypto.getRandomValues(noncePool);
    noncePos = 0;
  }
  into.set(noncePool.subarray(noncePos, noncePos + NONCE_BYTES));
  noncePool.fill(0, noncePos, noncePos + NONCE_BYTES);
  noncePos += NONCE_BYTES;
}

/** JSON utf-8 of `obj`, padded. */
export function encodePadded(obj: unknown): Uint8Array<ArrayBuffer> {
  const json = JSON.stringify(obj);
  if (json === undefined) throw new TypeError('value is not JSON-serialisable');
  return encodePaddedJson(json);
}

/** Seals one object for `store`/`id`. */
export function seal(key: CryptoKey, obj: unknown, store: string, id: string): Promise<SealedRow> {
  const json = JSON.stringify(obj);
  if (json === undefined) return Promise.reject(new TypeError('value is not JSON-serialisable'));
  return sealJson(key, json, store, id);
}

/** Seals an already serialised JSON text (the caller guarantees it is the record with this id). */
export function sealJson(
  key: CryptoKey,
  json: string,
  store: string,
  id: string,
): Promise<SealedRow> {
  return encryptPadded(key, encodePaddedJson(json), store, id);
}

/**
 * Seals many JSON texts at once: the padded plaintexts are encoded into one shared buffer (one
 * allocation instead of one per row; WebCrypto copies its input, and no region is ever reused),
 * and every encryption is in flight together.
 */
export function sealJsonBatch(
  key: CryptoKey,
  items: readonly { json: string; store: string; id: string }[],
): Promise<SealedRow[]> {
  let total = 0;
  for (const it of items) total += paddedLength(it.json.length);
  const slab = new Uint8Array(total);
  let off = 0;
  const cs: Uint8Array[] = new Array<Uint8Array>(items.length);
  const pending: Promise<ArrayBuffer>[] = new Array<Promise<ArrayBuffer>>(items.length);
  try {
    for (const [i, { json, store, id }] of items.entries()) {
      const room = paddedLength(json.length);
      const region = slab.subarray(off, off + room);
      off += room;
      const r = utf8.encodeInto(json, region);
      let plain: Uint8Array<ArrayBuffer>;
      if (r.read < json.length) {
        // Non-ASCII text longer than its room: its own buffer, sized for the bytes still to encode.
        const buf = new Uint8Array(paddedLength(r.written + 3 * (json.length - r.read)));
        const w = utf8.encodeInto(json, buf).written;
        plain = buf.subarray(0, paddedLength(w)) as Uint8Array<ArrayBuffer>;
        plain.fill(SPACE, w);
      } else {
        plain = region.subarray(0, paddedLength(r.written)) as Uint8Array<ArrayBuffer>;
        plain.fill(SPACE, r.written);
      }
      // c is allocated once: nonce ‖ ciphertext ‖ tag (the nonce bytes are never changed afterwards).
      const c = new Uint8Array(NONCE_BYTES + plain.length + TAG_BYTES);
      const nonce = c.subarray(0, NONCE_BYTES);
      writeNonce(nonce);
      cs[i] = c;
      pending[i] = subtle().encrypt(
        { name: 'AES-GCM', iv: nonce, additionalData: aadFor(store, id, ROW_VERSION) },
        key,
        plain,
      );
    }
  } catch (e) {
    return Promise.reject(e as Error);
  }
  // One promise for the batch, not one continuation per row.
  return Promise.all(pending).then((cts) => {
    const rows: SealedRow[] = new Array<SealedRow>(cts.length);
    cts.forEach((ct, i) => {
      const c = cs[i] as Uint8Array;
      c.set(new Uint8Array(ct), NONCE_BYTES);
      rows[i] = { id: (items[i] as { id: string }).id, v: ROW_VERSION, c };
    });
    return rows;
  });
}

function encryptPadded(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  store: string,
  id: string,
): Promise<SealedRow> {
  // c is allocated once: nonce ‖ ciphertext ‖ tag (the nonce bytes are never changed afterwards).
  const c = new Uint8Array(NONCE_BYTES + plain.length + TAG_BYTES);
  const nonce = c.subarray(0, NONCE_BYTES);
  writeNonce(nonce);
  return subtle()
    .encrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: aadFor(store, id, ROW_VERSION) },
      key,
      plain,
    )
    .then((ct) => {
      c.set(new Uint8Array(ct), NONCE_BYTES);
      return { id, v: ROW_VERSION, c };
    });
}

/** Seals many objects at once (all encryptions in flight together). Each object must have `id`. */
export function sealMany(
  key: CryptoKey,
  objs: readonly { id: string }[],
  store: string,
): Promise<SealedRow[]> {
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
 * Opens one stored row of `store`. Rejects with a TamperError naming the store and id on any
 * failure: wrong shape, wrong version, authentication failure, or a decrypted object whose id
 * differs. (A plain promise chain rather than an async function: this runs once per row at unlock.)
 */
/** The ciphertext and version of a stored row, or why it cannot be a sealed row of this format. */
function checkRow(r: Partial<SealedRow> | null): { c: Uint8Array; v: number } | string {
  if (!r || typeof r !== 'object') return 'not a sealed row';
  if (r.v !== ROW_VERSION) return `unknown row version ${String(r.v)}`;
  const c = asBytes(r.c);
  if (!c || c.length < NONCE_BYTES + TAG_BYTES) return 'missing or short ciphertext';
  return { c, v: r.v };
}

function decryptRow(
  key: CryptoKey,
  c: Uint8Array,
  store: string,
  id: string,
  v: number,
): Promise<ArrayBuffer> {
  return subtle().decrypt(
    {
      name: 'AES-GCM',
      iv: c.subarray(0, NONCE_BYTES) as Uint8Array<ArrayBuffer>,
      additionalData: aadFor(store, id, v),
    },
    key,
    c.subarray(NONCE_BYTES) as Uint8Array<ArrayBuffer>,
  );
}

export function open<T = unknown>(key: CryptoKey, row: unknown, store: string): Promise<T> {
  const r = row as Partial<SealedRow> | null;
  const id = r && typeof r.id === 'string' ? r.id : '?';
  const checked = checkRow(r);
  if (typeof checked === 'string') return Promise.reject(new TamperError(store, id, checked));
  let pending: Promise<ArrayBuffer>;
  try {
    pending = decryptRow(key, checked.c, store, id, checked.v);
  } catch {
    return Promise.reject(new TamperError(store, id));
  }
  return pending.then(
    (plain) => {
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
    },
    () => {
      throw new TamperError(store, id);
    },
  );
}

export interface OpenManyResult<T> {
  records: T[];
  tampered: TamperError[];
}

/**
 * Opens many rows of one store concurrently (every decryption in flight at once). Rows that fail
 * are reported in `tampered`, never silently dropped.
 */
export async function openMany<T = unknown>(
  key: CryptoKey,
  rows: readonly unknown[],
  store: string,
): Promise<OpenManyResult<T>> {
  const tampered: TamperError[] = [];
  const ids: string[] = new Array<string>(rows.length);
  const reported: boolean[] = new Array<boolean>(rows.length).fill(false);
  // Every decryption in flight at once; a failure becomes null (one promise per row, no more).
  const pending: Promise<ArrayBuffer | null>[] = new Array<Promise<ArrayBuffer | null>>(
    rows.length,
  );
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Partial<SealedRow> | null;
    const id = r && typeof r.id === 'string' ? r.id : '?';
    ids[i] = id;
    const checked = checkRow(r);
    if (typeof checked === 'string') {
      tampered.push(new TamperError(store, id, checked));
      reported[i] = true;
      pending[i] = Promise.resolve(null);
      continue;
    }
    try {
      pending[i] = decryptRow(key, checked.c, store, id, checked.v).catch(() => null);
    } catch {
      pending[i] = Promise.resolve(null);
    }
  }
  const plains = await Promise.all(pending);
  const records: T[] = [];
  for (let i = 0; i < plains.length; i++) {
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
