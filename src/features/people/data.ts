/**
 * People and their visas: repositories (with schemas, so storage validates each write) and the
 * writes of the People tab. Deleting a person also takes them off legs and stays (a leg or stay
 * left with nobody is deleted) and deletes their visas, in one audited transaction.
 */
import {
  PersonSchema,
  VisaSchema,
  type Person,
  type PersonInput,
  type Visa,
  type VisaInput,
} from '../../domain/entities';
import { personCascade, type PersonDependents } from '../../domain/planning';
import { isoInstant } from '../../domain/time';
import { commitRestorable, newId, vault, type Restore } from '../../storage';

vault.repo<Person>('people', PersonSchema);
vault.repo<Visa>('visas', VisaSchema);

export async function savePerson(input: PersonInput, existing?: Person): Promise<string> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'people', value }]);
  return id;
}

export async function saveVisa(input: VisaInput, existing?: Visa): Promise<void> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'visas', value }]);
}

/** Deletes it (audited); the returned function undoes the deletion. */
export function deleteVisa(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'visas', id }]);
}

/** Deletes the person and their cascade (the domain's) in one audited write; the returned function undoes all of it. */
export function deletePerson(person: Person, deps: PersonDependents): Promise<Restore> {
  return commitRestorable(personCascade(person, deps, isoInstant(Date.now())));
}
