/** Travel legs: the repository (with its schema) and the writes of the Travel tab. */
import { TravelLegSchema, type LegInput, type TravelLeg } from '../../domain/entities';
import { commitRestorable, saveRecord, vault, type Restore } from '../../storage';

vault.repo<TravelLeg>('legs', TravelLegSchema);

export async function saveLeg(input: LegInput, existing?: TravelLeg): Promise<void> {
  await saveRecord('legs', input, existing);
}

/** Deletes it (audited); the returned function undoes the deletion. */
export function deleteLeg(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'legs', id }]);
}
