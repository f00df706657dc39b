/** Stays: the repository (with its schema) and the writes of the Stays tab. */
import { StaySchema, type Stay, type StayInput } from '../../domain/entities';
import { isoInstant } from '../../domain/time';
import { commitRestorable, newId, vault, type Restore } from '../../storage';

vault.repo<Stay>('stays', StaySchema);

export async function saveStay(input: StayInput, existing?: Stay): Promise<void> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'stays', value }]);
}

/** Deletes it (audited); the returned function undoes the deletion. */
export function deleteStay(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'stays', id }]);
}
