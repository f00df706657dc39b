/** Travel legs: the repository (with its schema) and the writes of the Travel tab. */
import { TravelLegSchema, type LegInput, type TravelLeg } from '../../domain/entities';
import { isoInstant } from '../../domain/time';
import { commitRestorable, newId, vault, type Restore } from '../../storage';

vault.repo<TravelLeg>('legs', TravelLegSchema);

export async function saveLeg(input: LegInput, existing?: TravelLeg): Promise<void> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'legs', value }]);
}

/** Deletes it (audited); the returned function undoes the deletion. */
export function deleteLeg(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'legs', id }]);
}
