/** Stays: the repository (with its schema) and the writes of the Stays tab. */
import { StaySchema, type Stay, type StayInput } from '../../domain/entities';
import { commitRestorable, saveRecord, vault, type Restore } from '../../storage';

vault.repo<Stay>('stays', StaySchema);

export async function saveStay(input: StayInput, existing?: Stay): Promise<void> {
  await saveRecord('stays', input, existing);
}

/** Deletes it (audited); the returned function undoes the deletion. */
export function deleteStay(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'stays', id }]);
}
