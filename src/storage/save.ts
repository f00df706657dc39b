/**
 * Saving one entity record the way every form does: a new record gets a random id and both
 * `createdAt` and `updatedAt`; an existing one keeps its id and `createdAt` and gets a new
 * `updatedAt`. One audited write (Vault.transaction); returns the record's id.
 */
import type { z } from 'zod';
import type { EntityOf, EntitySchemas } from '../domain/entities/stores';
import type { EntityStoreName } from '../domain/entities/store-names';
import { isoInstant, type IsoInstant } from '../domain/time';
import { newRecordId } from './crypto/bytes';
import { vault } from './instance';
import type { StoredRecord } from './repository';
import type { Vault } from './vault';
import type { WriteOp } from './writes';

/**
 * What a form gives for a record of `S`: every field but the id and the two time stamps, as the
 * schema takes it (fields with a default may be left out; the vault's schema check fills them).
 */
export type EntityInput<S extends EntityStoreName> = Omit<
  z.input<EntitySchemas[S]>,
  'id' | 'createdAt' | 'updatedAt'
>;

/**
 * The put of a new record of `S` (a random id, both stamps at `now`), for a feature that adds
 * several records in one write; `saveRecord` uses it for one.
 */
export function newRecordOp<S extends EntityStoreName>(
  store: S,
  input: EntityInput<S>,
  now: IsoInstant,
): WriteOp<S> {
  const value = { ...input, id: newRecordId(), createdAt: now, updatedAt: now };
  return { op: 'put', store, value } as WriteOp<S>;
}

export async function saveRecord<S extends EntityStoreName>(
  store: S,
  input: EntityInput<S>,
  existing?: EntityOf<S>,
  opts: { on?: Vault; nowMs?: number } = {},
): Promise<EntityOf<S>['id']> {
  const now = isoInstant(opts.nowMs ?? Date.now());
  const op = existing
    ? ({
        op: 'put',
        store,
        value: { ...existing, ...input, id: existing.id, updatedAt: now },
      } as WriteOp<S>)
    : newRecordOp(store, input, now);
  await (opts.on ?? vault).transaction([op]);
  return (op as { value: StoredRecord }).value.id as EntityOf<S>['id'];
}
