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
import { commitRestorable, saveRecord, vault, type Restore } from '../../storage';

vault.repo<Person>('people', PersonSchema);
vault.repo<Visa>('visas', VisaSchema);

export function savePerson(input: PersonInput, existing?: Person): Promise<string> {
  return saveRecord('people', input, existing);
}

export async function saveVisa(input: VisaInput, existing?: Visa): Promise<void> {
  await saveRecord('visas', input, existing);
}

/** Deletes it (audited); the returned function undoes the deletion. */
export function deleteVisa(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'visas', id }]);
}

/** Deletes the person and their cascade (the domain's) in one audited write; the returned function undoes all of it. */
export function deletePerson(person: Person, deps: PersonDependents): Promise<Restore> {
  return commitRestorable(personCascade(person, deps, isoInstant(Date.now())));
}
