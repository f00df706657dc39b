/**
 * The names of the stores, in one place (no storage of its own). Store "meta" holds the vault
 * header; every RECORD_STORES store holds sealed rows only. Imported by db.ts (schema) and
 * guard.ts (plaintext guard) alike, so a new store cannot be declared in one and missed in the other.
 */
import { ENTITY_STORE_NAMES } from '../domain/entities/store-names';

export const META_STORE = 'meta';

/** Every store holding sealed records: the domain's entity stores, the audit trail and the settings. */
export const RECORD_STORES = [...ENTITY_STORE_NAMES, 'audit', 'settings'] as const;
export type RecordStore = (typeof RECORD_STORES)[number];

/** Stores the features read and write through repositories (the audit trail is written by storage only). */
export type EntityStore = Exclude<RecordStore, 'audit'>;
export const ENTITY_STORES = RECORD_STORES.filter((s): s is EntityStore => s !== 'audit');

export function isRecordStore(name: string): name is RecordStore {
  return (RECORD_STORES as readonly string[]).includes(name);
}
