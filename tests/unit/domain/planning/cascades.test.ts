/** Deletion cascades as pure write operations: what deleting a case or a person writes. */
import { describe, expect, it } from 'vitest';
import {
  caseCascade,
  personCascade,
  personDependents,
  type PlanningData,
} from '../../../../src/domain/planning';
import { isoInstant } from '../../../../src/domain/time';
import { aCase, aLeg, aPerson, aStay, makeVisa } from '../../builders';

const NOW = isoInstant(Date.UTC(2027, 0, 5, 12, 0));

describe('personCascade', () => {
  const cedar = aPerson('cedar', 'c1');
  const elm = aPerson('elm', 'c1');
  const sharedLeg = aLeg(
    'l1',
    'c1',
    'tbilisi',
    'istanbul',
    '2027-01-10T04:35',
    '2027-01-10T06:20',
    ['cedar', 'elm'],
  );
  const aloneLeg = aLeg('l2', 'c1', 'istanbul', 'paris', '2027-01-10T08:45', '2027-01-10T11:05', [
    'cedar',
  ]);
  const otherLeg = aLeg('l3', 'c1', 'istanbul', 'paris', '2027-01-11T08:45', '2027-01-11T11:05', [
    'elm',
  ]);
  const sharedStay = aStay('s1', 'c1', 'h1', '2027-01-10', '2027-02-10', ['cedar', 'elm']);
  const aloneStay = aStay('s2', 'c1', 'h1', '2027-02-10', '2027-03-10', ['cedar']);
  const cedarVisa = makeVisa({ id: 'v1', caseId: 'c1', personId: 'cedar' });
  const elmVisa = makeVisa({ id: 'v2', caseId: 'c1', personId: 'elm' });

  it('Given a person on shared and own legs and stays, When deleted, Then their visas and own records go, they leave the shared ones, and the person goes last', () => {
    const deps = personDependents(
      cedar,
      [sharedLeg, aloneLeg, otherLeg],
      [sharedStay, aloneStay],
      [cedarVisa, elmVisa],
    );
    const ops = personCascade(cedar, deps, NOW);
    expect(ops).toEqual([
      { op: 'delete', store: 'visas', id: 'v1' },
      { op: 'delete', store: 'legs', id: 'l2' },
      { op: 'delete', store: 'stays', id: 's2' },
      { op: 'put', store: 'legs', value: { ...sharedLeg, travellerIds: ['elm'], updatedAt: NOW } },
      { op: 'put', store: 'stays', value: { ...sharedStay, personIds: ['elm'], updatedAt: NOW } },
      { op: 'delete', store: 'people', id: 'cedar' },
    ]);
    // The inputs are left as they were (the cascade is pure).
    expect(sharedLeg.travellerIds).toEqual(['cedar', 'elm']);
    expect(sharedStay.personIds).toEqual(['cedar', 'elm']);
  });

  it('Given a person nothing depends on, When deleted, Then only the person is deleted', () => {
    const deps = personDependents(elm, [aloneLeg], [aloneStay], [cedarVisa]);
    expect(personCascade(elm, deps, NOW)).toEqual([{ op: 'delete', store: 'people', id: 'elm' }]);
  });
});

describe('caseCascade', () => {
  it('Given a case with records and another case, When deleted, Then every record it owns and then the case are deleted, nothing of the other case', () => {
    const data: PlanningData = {
      cases: [aCase('c1'), aCase('c2')],
      hosts: [],
      people: [aPerson('p1', 'c1'), aPerson('p2', 'c2')],
      legs: [],
      stays: [aStay('s1', 'c1', 'h1', '2027-01-10', '2027-02-10', ['p1'])],
      visas: [],
      checkpoints: [],
      extensions: [],
      budgetLines: [],
    };
    expect(caseCascade('c1', data)).toEqual([
      { op: 'delete', store: 'people', id: 'p1' },
      { op: 'delete', store: 'stays', id: 's1' },
      { op: 'delete', store: 'cases', id: 'c1' },
    ]);
  });
});
