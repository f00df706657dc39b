/** Host locations: the repository (with its schema) and the writes of the Hosts page. */
import { HostSchema, type HostInput, type HostLocation } from '../../domain/entities';
import { saveRecord, vault } from '../../storage';

vault.repo<HostLocation>('hosts', HostSchema);

export function saveHost(input: HostInput, existing?: HostLocation): Promise<string> {
  return saveRecord('hosts', input, existing);
}

export async function deleteHost(id: string): Promise<void> {
  await vault.transaction([{ op: 'delete', store: 'hosts', id }]);
}
