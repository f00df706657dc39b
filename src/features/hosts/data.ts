/** Host locations: the repository (with its schema) and the writes of the Hosts page. */
import { HostSchema, type HostInput, type HostLocation } from '../../domain/entities';
import { isoInstant } from '../../domain/time';
import { newId, vault } from '../../storage';

vault.repo<HostLocation>('hosts', HostSchema);

export async function saveHost(input: HostInput, existing?: HostLocation): Promise<string> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'hosts', value }]);
  return id;
}

export async function deleteHost(id: string): Promise<void> {
  await vault.transaction([{ op: 'delete', store: 'hosts', id }]);
}
