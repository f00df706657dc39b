/**
 * Test helpers for the storage suite: raw IndexedDB access (no Dexie, no middleware) to snapshot,
 * read and tamper with stored rows exactly as they sit in the database, and shared vault factories
 * using the real KDF floor (64 MiB, t=3, p=4).
 */
import { KDF_FLOOR, Vault, type VaultOptions } from '../../../src/storage';

export const PASSPHRASE = 'ochre lantern velvet basin quarry thimble';
export const OTHER_PASSPHRASE = 'walnut glacier pepper tundra mosaic falcon';
export const WRONG_PASSPHRASE = 'ochre lantern velvet basin quarry thimbles';

let counter = 0;
export function uniqueDbName(prefix: string): string {
  counter++;
  return `haven-test-${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function newVault(
  prefix: string,
  opts: VaultOptions = {},
): Promise<{ vault: Vault; recoveryCode: string; dbName: string }> {
  const dbName = uniqueDbName(prefix);
  const vault = new Vault({ dbName, ...opts });
  const { recoveryCode } = await vault.createVault(PASSPHRASE, { kdfParams: KDF_FLOOR });
  return { vault, recoveryCode, dbName };
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function rawOpen(name: string): Promise<IDBDatabase> {
  const r = indexedDB.open(name);
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onupgradeneeded = () => reject(new Error(`database ${name} does not exist`));
  });
}

export interface RawRow {
  key: IDBValidKey;
  value: unknown;
}

/** Every store's rows, read through raw IndexedDB. */
export async function rawDump(name: string): Promise<Record<string, RawRow[]>> {
  const db = await rawOpen(name);
  try {
    const out: Record<string, RawRow[]> = {};
    const names = [...db.objectStoreNames];
    if (names.length === 0) return out;
    const tx = db.transaction(names, 'readonly');
    for (const s of names) {
      const store = tx.objectStore(s);
      const [keys, values] = await Promise.all([req(store.getAllKeys()), req(store.getAll())]);
      out[s] = keys.map((key, i) => ({ key, value: values[i] }));
    }
    return out;
  } finally {
    db.close();
  }
}

function encodeForSnapshot(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof ArrayBuffer)
    return { $buffer: Buffer.from(new Uint8Array(v)).toString('base64') };
  if (Array.isArray(v)) return v.map(encodeForSnapshot);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, encodeForSnapshot((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** A byte-exact, comparable snapshot of every row of every store (raw IndexedDB). */
export async function rawSnapshot(name: string): Promise<string> {
  return JSON.stringify(encodeForSnapshot(await rawDump(name)));
}

/**
 * Like rawSnapshot, but without the header's clear `attempts` field (the shared throttle's failure
 * count, which a wrong secret is meant to write): every other byte must be unchanged.
 */
export async function rawSnapshotExceptAttempts(name: string): Promise<string> {
  const dump = await rawDump(name);
  for (const row of dump.meta ?? []) {
    if (row.value && typeof row.value === 'object' && 'attempts' in row.value) {
      const { attempts: _attempts, ...rest } = row.value as Record<string, unknown>;
      row.value = rest;
    }
  }
  return JSON.stringify(encodeForSnapshot(dump));
}

/** Writes (or overwrites) a row through raw IndexedDB, bypassing Dexie and the plaintext guard. */
export async function rawPut(name: string, store: string, value: unknown): Promise<void> {
  const db = await rawOpen(name);
  try {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function rawDelete(name: string, store: string, key: IDBValidKey): Promise<void> {
  const db = await rawOpen(name);
  try {
    const tx = db.transaction(store, 'readwrite');
    tx.objectStore(store).delete(key);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function rawGet<T = unknown>(
  name: string,
  store: string,
  key: IDBValidKey,
): Promise<T> {
  const db = await rawOpen(name);
  try {
    return (await req(db.transaction(store, 'readonly').objectStore(store).get(key))) as T;
  } finally {
    db.close();
  }
}

/** Expects `p` to reject with an instance of `cls`; returns the error. */
export async function rejectsWith<E extends Error>(
  p: Promise<unknown>,
  cls: new (...args: never[]) => E,
): Promise<E> {
  try {
    await p;
  } catch (e) {
    if (e instanceof cls) return e;
    throw new Error(
      `expected ${cls.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
    );
  }
  throw new Error(`expected ${cls.name}, but it resolved`);
}
