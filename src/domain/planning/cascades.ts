/**
 * Deletion cascades, pure: what deleting a case or a person does to the other records, as the
 * write operations a feature commits in one audited transaction (nothing is read or written
 * here), typed `EntityWriteOp` (storage's `WriteOp` for the entity stores).
 */
import type { Person } from '../entities/person';
import type { Stay } from '../entities/stay';
import type { EntityWriteOp } from '../entities/stores';
import type { TravelLeg } from '../entities/leg';
import type { Visa } from '../entities/visa';
import type { CaseId } from '../ids';
import type { IsoInstant } from '../time';
import type { PlanningData } from './model';
import { CASE_OWNED_STORES } from './stores';

/** What deleting a case deletes: every record it owns, then the case itself. */
export function caseCascade(caseId: CaseId | string, data: PlanningData): EntityWriteOp[] {
  const out: EntityWriteOp[] = [];
  for (const store of CASE_OWNED_STORES)
    for (const r of data[store] as readonly { id: string; caseId: string }[])
      if (r.caseId === caseId) out.push({ op: 'delete', store, id: r.id });
  out.push({ op: 'delete', store: 'cases', id: caseId });
  return out;
}

/** The records that depend on a person, as the delete confirmation lists them. */
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

/**
 * What deleting a person does: their visas go, legs and stays they have alone go, they are taken
 * off the legs and stays they share (stamped `updatedAt: now`), then the person goes.
 */
export function personCascade(
  person: Person,
  deps: PersonDependents,
  now: IsoInstant,
): EntityWriteOp[] {
  const ops: EntityWriteOp[] = [];
  for (const v of deps.visas) ops.push({ op: 'delete', store: 'visas', id: v.id });
  for (const l of deps.legsAlone) ops.push({ op: 'delete', store: 'legs', id: l.id });
  for (const s of deps.staysAlone) ops.push({ op: 'delete', store: 'stays', id: s.id });
  for (const l of deps.legsShared) {
    const travellerIds = l.travellerIds.filter((p) => p !== person.id);
    ops.push({ op: 'put', store: 'legs', value: { ...l, travellerIds, updatedAt: now } });
  }
  for (const s of deps.staysShared) {
    const personIds = s.personIds.filter((p) => p !== person.id);
    ops.push({ op: 'put', store: 'stays', value: { ...s, personIds, updatedAt: now } });
  }
  ops.push({ op: 'delete', store: 'people', id: person.id });
  return ops;
}
