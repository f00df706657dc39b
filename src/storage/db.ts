/**
 * The IndexedDB layout (Dexie database "haven"). What is on disk:
 *   - store "meta": one record, the vault header (id "header"): format version, KDF parameters,
 *     salts and wrapped key slots. Not secret; see header.ts.
 *   - every other store (RECORD_STORES): sealed rows `{ id, v, c }` only (see crypto/seal.ts).
 * Every store has its primary key `id` and NO other index: an index would put a field on disk in
 * the clear, and a low-cardinality field (status, country, host) must never be visible.
 *
 * Migrations are numbered and frozen: never edit a published version, add a new one.
 */
import Dexie from 'dexie';
import { installPlaintextGuard } from './guard';

export {
  ENTITY_STORES,
  META_STORE,
  RECORD_STORES,
  isRecordStore,
  type EntityStore,
  type RecordStore,
} from './stores';

export const DB_NAME = 'haven';

/** Numbered, frozen schema versions. Version N is never edited once released. */
export const MIGRATIONS: readonly {
  readonly version: number;
  readonly stores: Readonly<Record<string, string>>;
}[] = Object.freeze([
  Object.freeze({
    version: 1,
    stores: Object.freeze({
      meta: 'id',
      cases: 'id',
      people: 'id',
      hosts: 'id',
      stays: 'id',
      legs: 'id',
      visas: 'id',
      checkpoints: 'id',
      extensions: 'id',
      budgetLines: 'id',
      exchangeRates: 'id',
      perDiemRates: 'id',
      audit: 'id',
      settings: 'id',
    }),
  }),
]);

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** A Dexie database with every migration declared and the plaintext guard installed (not yet opened). */
export function createDatabase(name: string = DB_NAME): Dexie {
  const db = new Dexie(name);
  for (const m of MIGRATIONS) db.version(m.version).stores({ ...m.stores });
  installPlaintextGuard(db);
  return db;
}
