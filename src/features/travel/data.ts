/** Travel legs: the repository (with its schema) and the writes of the Travel tab. */
import { TravelLegSchema, type LegInput, type TravelLeg } from '../../domain/entities';
import { isoInstant } from '../../domain/time';
import { newId, vault } from '../../storage';

vault.repo<TravelLeg>('legs', TravelLegSchema);

export async function saveLeg(input: LegInput, existing?: TravelLeg): Promise<void> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'legs', value }]);
}

export async function deleteLeg(id: string): Promise<void> {
  await vault.transaction([{ op: 'delete', store: 'legs', id }]);
}
