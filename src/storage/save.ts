/**
 * Saving one entity record the way every form does: a new record gets a random id and both
 * `createdAt` and `updatedAt`; an existing one keeps its id and `createdAt` and gets a new
 * `updatedAt`. One audited write (Vault.transaction); returns the record's id.
 */
import type { EntityOf } from '../domain/entities/stores';
import type { EntityStoreName } from '../domain/entities/store-names';
import { isoInstant } from '../domain/time';
import { newRecordId } from './crypto/bytes';
import { vault } from './instance';
import type { StoredRecord } from './repository';
import type { Vault } from './vault';

/** What a form gives for a record of `S`: every field but the id and the two time stamps. */
export type EntityInput<S extends EntityStoreName> = Omit<
  EntityOf<S>,
  'id' | 'createdAt' | 'updatedAt'
>;

export async function saveRecord<S extends EntityStoreName>(
  store: S,
  input: EntityInput<S>,
  existing?: EntityOf<S>,
  opts: { on?: Vault; nowMs?: number } = {},
): Promise<EntityOf<S>['id']> {
  const now = isoInstant(opts.nowMs ?? Date.now());
  const id = existing?.id ?? newRecordId();
  const value: StoredRecord = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await (opts.on ?? vault).transaction([{ op: 'put', store, value }]);
  return id as EntityOf<S>['id'];
}
