/**
 * Re-keying into a fresh database (key rotation and passphrase change), and the pointer that names
 * the active database. What is stored where, and why:
 *   - IndexedDB "<base>-pointer" (e.g. "haven-pointer"), store "pointer", one row id "active":
 *     `{ name, pending?, retired? }`, database NAMES only, nothing secret. It exists only after the
 *     first re-key; without it the active database is "<base>" itself.
 *   - The vault lives in the database the pointer names. A re-key never overwrites it: IndexedDB's
 *     log files keep every value ever written, so a slot or ciphertext replaced in place stays
 *     readable on disk. Instead every record is sealed under a new data key into a FRESH database
 *     "<base>.<random>", which is reopened and checked (header, slots, every row decrypted and
 *     compared), and the old database is deleted only after the pointer names the new one.
 *
 * The steps, and what a crash at each leaves:
 *   1. pointer `{ name: old, pending: new }`       crash → next open deletes "new"; old keeps working
 *   2. fresh database written, reopened, verified   crash → the same
 *   3. (waits for the coordinator to confirm the new recovery code)   crash/lock → the same
 *   4. pointer `{ name: new, retired: old }`        the commit point, written last
 *   5. old database deleted, pointer `{ name: new }` crash → next open deletes "old" again
 *   6. filler written and deleted, so that LevelDB compacts the deleted values away (flushDeleted)
 * So until step 4 the old passphrase and the old recovery code open the vault; after it, only the
 * new ones. Deleted files may still survive on the drive itself (the README says so).
 */
import Dexie from 'dexie';
import { newRecordId } from './crypto/bytes';
import { openMany, sealJsonBatch, type SealedRow } from './crypto/seal';
import { META_STORE, RECORD_STORES, createDatabase, type RecordStore } from './db';
import { VaultStateError } from './errors';
import { HEADER_ID, parseHeader, type VaultHeader } from './header';
import { MANIFEST_ID } from './integrity';

export interface PointerRow {
  id: 'active';
  /** The database that holds the vault. */
  name: string;
  /** A fresh database being written by an unfinished re-key: deleted at the next open. */
  pending?: string;
  /** The database a finished re-key replaced: deleted at the next open if still there. */
  retired?: string;
}

const POINTER_ID = 'active';
const POINTER_STORE = 'pointer';

export function pointerDbName(base: string): string {
  return `${base}-pointer`;
}

/** A new, unguessable database name for a re-key of `base`. */
export function freshDbName(base: string): string {
  return `${base}.${newRecordId()}`;
}

/** Whether `name` is a database a re-key of `base` may write or delete (never anything else). */
function isVaultDbName(base: string, name: string): boolean {
  return (
    name === base ||
    (name.startsWith(`${base}.`) && /^[0-9a-f]{32}$/.test(name.slice(base.length + 1)))
  );
}

function pointerDb(base: string): Dexie {
  const db = new Dexie(pointerDbName(base));
  db.version(1).stores({ [POINTER_STORE]: 'id' });
  return db;
}

/** The pointer row, or null when no re-key ever happened (the active database is then `base`). */
export async function readPointer(base: string): Promise<PointerRow | null> {
  if (!(await Dexie.exists(pointerDbName(base)))) return null;
  const db = pointerDb(base);
  try {
    await db.open();
    const row = (await db.table(POINTER_STORE).get(POINTER_ID)) as PointerRow | undefined;
    if (!row || typeof row.name !== 'string' || !isVaultDbName(base, row.name)) return null;
    return row;
  } finally {
    db.close();
  }
}

/** Writes the pointer row (one committed IndexedDB transaction). */
export async function writePointer(base: string, row: Omit<PointerRow, 'id'>): Promise<void> {
  for (const n of [row.name, row.pending, row.retired]) {
    if (n !== undefined && !isVaultDbName(base, n))
      throw new VaultStateError(`"${n}" is not a vault database name.`);
  }
  const db = pointerDb(base);
  try {
    await db.open();
    await db.table(POINTER_STORE).put({ id: POINTER_ID, ...row });
  } finally {
    db.close();
  }
}

/** Deletes a database of this vault (a no-op when it does not exist). */
export async function dropDatabase(base: string, name: string): Promise<void> {
  if (!isVaultDbName(base, name)) throw new VaultStateError(`"${name}" is not a vault database.`);
  await Dexie.delete(name);
}

/**
 * Finishes or undoes whatever an interrupted re-key left (see the steps above) and returns the
 * name of the active database. Call only while no session of this vault is open.
 */
export async function settleDatabases(base: string, flushBytes?: number): Promise<string> {
  const p = await readPointer(base);
  if (!p) return base;
  if (p.pending === undefined && p.retired === undefined) return p.name;
  for (const leftover of [p.pending, p.retired]) {
    if (leftover !== undefined && leftover !== p.name) await dropDatabase(base, leftover);
  }
  await writePointer(base, { name: p.name });
  await flushDeleted(base, flushBytes);
  return p.name;
}

/** The decrypted records to carry over, per store, as the JSON texts that were sealed. */
export type RecordTexts = Map<RecordStore, { ids: string[]; jsons: string[] }>;

/**
 * Seals every record under `recordKey` and writes them, with `header`, into the NEW database
 * `name` in one transaction. Refuses to write into a database that already exists.
 */
export async function writeFreshDatabase(
  name: string,
  header: VaultHeader,
  recordKey: CryptoKey,
  texts: RecordTexts,
  onProgress?: (fraction: number) => void,
  manifestFor?: (sealed: ReadonlyMap<RecordStore, readonly SealedRow[]>) => Promise<SealedRow>,
): Promise<void> {
  if (await Dexie.exists(name)) throw new VaultStateError(`Database "${name}" already exists.`);
  const sealed = new Map<RecordStore, SealedRow[]>();
  await Promise.all(
    RECORD_STORES.map(async (store) => {
      const t = texts.get(store) ?? { ids: [], jsons: [] };
      sealed.set(store, await sealJsonBatch(recordKey, store, t.ids, t.jsons));
    }),
  );
  // The integrity manifest covers the rows above and is written beside them (not one of them).
  const manifestRow = manifestFor ? await manifestFor(sealed) : null;
  onProgress?.(0.6);
  const db = createDatabase(name);
  try {
    await db.open();
    await db.transaction('rw', [META_STORE, ...RECORD_STORES], async () => {
      await Promise.all(
        RECORD_STORES.map((store) => db.table(store).bulkAdd(sealed.get(store) ?? [])),
      );
      if (manifestRow) await db.table('audit').add(manifestRow);
      await db.table(META_STORE).add(header);
    });
  } finally {
    db.close();
  }
}

/**
 * Reopens the database `name` and checks it holds exactly what was meant: the same header, every
 * row of every store opening under `recordKey` to the same JSON text, no row missing or extra.
 * `checkSlots` proves the header's slots unwrap the new data key. Throws VaultStateError if not.
 */
export async function verifyFreshDatabase(
  name: string,
  header: VaultHeader,
  recordKey: CryptoKey,
  texts: RecordTexts,
  checkSlots: (stored: VaultHeader) => Promise<boolean>,
): Promise<void> {
  const fail = (why: string): never => {
    throw new VaultStateError(
      `The re-encrypted copy did not verify (${why}); nothing was changed.`,
    );
  };
  const db = createDatabase(name);
  try {
    await db.open();
    const stored = parseHeader(await db.table(META_STORE).get(HEADER_ID));
    if (JSON.stringify(stored) !== JSON.stringify(header)) fail('header');
    const rows = await Promise.all(RECORD_STORES.map((store) => db.table(store).toArray()));
    db.close();
    for (const [i, store] of RECORD_STORES.entries()) {
      const want = texts.get(store) ?? { ids: [], jsons: [] };
      let stored = (rows[i] ?? []) as SealedRow[];
      if (store === 'audit') {
        // The integrity manifest is written beside the records: it must open, and is not one of them.
        const manifest = stored.filter((row) => row.id === MANIFEST_ID);
        stored = stored.filter((row) => row.id !== MANIFEST_ID);
        const m = await openMany<{ id: string }>(recordKey, manifest, store);
        if (m.tampered.length > 0) fail('integrity manifest unreadable');
      }
      const opened = await openMany<{ id: string }>(recordKey, stored, store);
      if (opened.tampered.length > 0) fail(`${store}: ${opened.tampered.length} unreadable`);
      if (opened.records.length !== want.ids.length) fail(`${store}: count`);
      const byId = new Map(opened.records.map((r) => [r.id, JSON.stringify(r)]));
      want.ids.forEach((id, k) => {
        if (byId.get(id) !== JSON.stringify(JSON.parse(want.jsons[k] ?? 'null')))
          fail(`${store}: content`);
      });
    }
    if (!(await checkSlots(stored))) fail('key slots');
  } finally {
    db.close();
  }
}

/** The name of the database the pointer names (without settling anything). */
export async function activeDatabase(base: string): Promise<string> {
  return (await readPointer(base))?.name ?? base;
}

/** Bytes of filler written by flushDeleted (see there). */
export const FLUSH_BYTES = 24 * 1024 * 1024;
const FLUSH_ROW = 32 * 1024;

/**
 * Deleting a database only adds deletion markers to the origin's LevelDB: the old values stay in
 * its log and table files until a compaction merges them with the markers. A page cannot ask for
 * a compaction, but LevelDB starts one by itself when enough new data arrives (a flush of its
 * write buffer every few MiB, then a compaction of the level-0 tables once there are four). So
 * after a deletion, random filler is written into a scratch database "<base>-flush" and deleted
 * again. Rows stay below the size Chromium moves to separate blob files.
 */
export async function flushDeleted(base: string, bytes: number = FLUSH_BYTES): Promise<void> {
  if (bytes <= 0) return;
  const name = `${base}-flush`;
  const db = new Dexie(name);
  db.version(1).stores({ filler: 'id' });
  try {
    await db.open();
    for (let written = 0; written < bytes;) {
      const batch: { id: string; b: Uint8Array }[] = [];
      for (let i = 0; i < 32 && written < bytes; i++, written += FLUSH_ROW) {
        batch.push({ id: newRecordId(), b: crypto.getRandomValues(new Uint8Array(FLUSH_ROW)) });
      }
      await db.table('filler').bulkPut(batch);
    }
  } catch {
    // Best effort: the deletion itself is done; a failed flush only leaves compaction to LevelDB.
  } finally {
    db.close();
    await Dexie.delete(name).catch(() => undefined);
  }
}
