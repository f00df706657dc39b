/** Stays: the repository (with its schema) and the writes of the Stays tab. */
import { StaySchema, type Stay, type StayInput } from '../../domain/entities';
import { isoInstant } from '../../domain/time';
import { newId, vault } from '../../storage';

vault.repo<Stay>('stays', StaySchema);

export async function saveStay(input: StayInput, existing?: Stay): Promise<void> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'stays', value }]);
}

export async function deleteStay(id: string): Promise<void> {
  await vault.transaction([{ op: 'delete', store: 'stays', id }]);
}
