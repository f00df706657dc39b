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
  type Stay,
  type TravelLeg,
  type Visa,
  type VisaInput,
} from '../../domain/entities';
import { isoInstant } from '../../domain/time';
import { commitRestorable, newId, vault, type WriteOp, type Restore } from '../../storage';

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

export interface PersonDependents {
  /** Legs they travel on with others (they are taken off). */
  legsShared: TravelLeg[];
  /** Legs with no other traveller (deleted). */
  legsAlone: TravelLeg[];
  staysShared: Stay[];
  staysAlone: Stay[];
  visas: Visa[];
}

export function personDependents(
  person: Person,
  legs: readonly TravelLeg[],
  stays: readonly Stay[],
  visas: readonly Visa[],
): PersonDependents {
  const mine = <T>(list: readonly T[], ids: (x: T) => readonly string[]): T[] =>
    list.filter((x) => ids(x).includes(person.id));
  const l = mine(legs, (x) => x.travellerIds);
  const s = mine(stays, (x) => x.personIds);
  return {
    legsShared: l.filter((x) => x.travellerIds.length > 1),
    legsAlone: l.filter((x) => x.travellerIds.length <= 1),
    staysShared: s.filter((x) => x.personIds.length > 1),
    staysAlone: s.filter((x) => x.personIds.length <= 1),
    visas: visas.filter((v) => v.personId === person.id),
  };
}

/** Deletes the person and their cascade in one audited write; the returned function undoes all of it. */
export async function deletePerson(person: Person, deps: PersonDependents): Promise<Restore> {
  const now = isoInstant(Date.now());
  const ops: WriteOp[] = [];
  for (const v of deps.visas) ops.push({ op: 'delete', store: 'visas', id: v.id });
  for (const l of deps.legsAlone) ops.push({ op: 'delete', store: 'legs', id: l.id });
  for (const s of deps.staysAlone) ops.push({ op: 'delete', store: 'stays', id: s.id });
  for (const l of deps.legsShared) {
    ops.push({
      op: 'put',
      store: 'legs',
      value: { ...l, travellerIds: l.travellerIds.filter((p) => p !== person.id), updatedAt: now },
    });
  }
  for (const s of deps.staysShared) {
    ops.push({
      op: 'put',
      store: 'stays',
      value: { ...s, personIds: s.personIds.filter((p) => p !== person.id), updatedAt: now },
    });
  }
  ops.push({ op: 'delete', store: 'people', id: person.id });
  return commitRestorable(ops);
}
