/** The cases list as data: rows, filtering and sorting (pure, no React). */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/domain/time';
import {
  EMPTY_FILTER,
  buildCaseRows,
  buildCaseRowsInSlices,
  filterRows,
  isFiltering,
  sortKey,
  sortRows,
  type CaseRow,
} from '../../../../src/features/cases/case-rows';
import { hostMap } from '../../../../src/domain/planning';
import { aCase, aCheckpoint, aHost, aLeg, aPerson, aStay, bundle } from '../../builders';

const TODAY = '2027-02-01' as IsoDate;

function rows(): CaseRow[] {
  const hosts = hostMap([
    aHost('h1', { codeName: 'Harbour' }),
    aHost('h2', { codeName: 'Garden' }),
  ]);
  const a = aCase('a', {
    codeName: 'Cedar 10',
    status: 'planning',
    riskLevel: 'high',
    plannedStart: '2027-01-10',
    plannedEnd: '2027-04-10',
  });
  const b = aCase('b', {
    codeName: 'Cedar 2',
    status: 'relocated',
    riskLevel: 'extreme',
    plannedStart: '2027-03-01',
    plannedEnd: '2027-05-01',
  });
  const c = aCase('c', {
    codeName: 'Élan',
    status: 'request',
    riskLevel: 'low',
    plannedStart: null,
    plannedEnd: null,
  });
  const bundles = new Map([
    [
      'a',
      bundle(a, {
        people: [
          aPerson('p1', 'a'),
          aPerson('p2', 'a', { role: 'dependant', relationship: 'child' }),
        ],
        stays: [
          aStay('s2', 'a', 'h2', '2027-03-01', '2027-04-10', ['p1']),
          aStay('s1', 'a', 'h1', '2027-01-10', '2027-03-01', ['p1', 'p2']),
        ],
        checkpoints: [
          aCheckpoint('k1', 'a', '2027-01-20'),
          aCheckpoint('k2', 'a', '2027-03-01'),
          aCheckpoint('k0', 'a', '2027-01-11', true),
        ],
      }),
    ],
    [
      'b',
      bundle(b, {
        people: [aPerson('p3', 'b')],
        checkpoints: [aCheckpoint('k3', 'b', '2027-03-15')],
        legs: [
          aLeg('l1', 'b', 'tbilisi', 'istanbul', '2027-02-07T04:35', '2027-02-07T06:10', ['p3']),
        ],
      }),
    ],
    ['c', bundle(c)],
  ]);
  return buildCaseRows(bundles, hosts, TODAY);
}

describe('buildCaseRowsInSlices', () => {
  const hosts = hostMap([aHost('h1', { codeName: 'Harbour' })]);
  const bundles = new Map(
    Array.from({ length: 7 }, (_, i) => {
      const c = aCase(`c${i}`, { codeName: `Case ${i}`, plannedStart: '2027-01-10' });
      const people = [aPerson(`p${i}`, c.id)];
      const stays =
        i % 2 ? [aStay(`s${i}`, c.id, 'h1', '2027-01-10', '2027-03-01', [`p${i}`])] : [];
      return [c.id, bundle(c, { people, stays })] as const;
    }),
  );

  it('Given 7 cases in slices of 3, When built, Then it takes 3 turns and gives the rows of buildCaseRows, in order', async () => {
    let turns = 0;
    const rows = await buildCaseRowsInSlices(bundles, hosts, TODAY, {
      sliceSize: 3,
      turn: async () => void turns++,
      stillWanted: () => true,
    });
    expect(turns).toBe(3);
    expect(rows).toEqual(buildCaseRows(bundles, hosts, TODAY));
  });

  it('Given the data changed after the first slice, When the next turn comes, Then it stops and gives null', async () => {
    let turns = 0;
    const rows = await buildCaseRowsInSlices(bundles, hosts, TODAY, {
      sliceSize: 3,
      turn: async () => void turns++,
      stillWanted: () => turns < 2,
    });
    expect(rows).toBeNull();
    expect(turns).toBe(2);
  });
});

describe('buildCaseRows', () => {
  it('gives each case its dates, people, hosts in check-in order and its next undecided checkpoint', () => {
    const [a, b, c] = rows();
    expect(a).toMatchObject({
      codeName: 'Cedar 10',
      start: '2027-01-10',
      end: '2027-04-10',
      people: 2,
      hosts: ['Harbour', 'Garden'],
    });
    // Given a decided review on 01-11 and an undecided one on 01-20, when today is 02-01, then 01-20 is next and overdue.
    expect(a?.nextCheckpoint).toEqual({ date: '2027-01-20', overdue: true });
    expect(b?.nextCheckpoint).toEqual({ date: '2027-03-15', overdue: false });
    expect(c).toMatchObject({
      start: null,
      end: null,
      people: 0,
      hosts: [],
      nextCheckpoint: null,
      search: 'elan',
    });
  });
});

describe('filterRows', () => {
  it('matches the code name without case or accents', () => {
    expect(filterRows(rows(), { ...EMPTY_FILTER, query: 'ELAN' }).map((r) => r.id)).toEqual(['c']);
    expect(filterRows(rows(), { ...EMPTY_FILTER, query: 'cedar' }).map((r) => r.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('filters by status and by risk', () => {
    expect(
      filterRows(rows(), { ...EMPTY_FILTER, statuses: ['relocated', 'request'] }).map((r) => r.id),
    ).toEqual(['b', 'c']);
    expect(filterRows(rows(), { ...EMPTY_FILTER, risks: ['high'] }).map((r) => r.id)).toEqual([
      'a',
    ]);
  });

  it('keeps cases whose dates overlap the range, and drops undated cases when a date is set', () => {
    expect(filterRows(rows(), { ...EMPTY_FILTER, from: '2027-04-11' }).map((r) => r.id)).toEqual([
      'b',
    ]);
    expect(filterRows(rows(), { ...EMPTY_FILTER, to: '2027-02-28' }).map((r) => r.id)).toEqual([
      'a',
    ]);
    expect(
      filterRows(rows(), { ...EMPTY_FILTER, from: '2027-04-01', to: '2027-04-05' }).map(
        (r) => r.id,
      ),
    ).toEqual(['a', 'b']);
  });

  it('has saved filters for a review overdue and for travel this week', () => {
    expect(filterRows(rows(), { ...EMPTY_FILTER, quick: 'overdue' }).map((r) => r.id)).toEqual([
      'a',
    ]);
    expect(filterRows(rows(), { ...EMPTY_FILTER, quick: 'travelling' }).map((r) => r.id)).toEqual([
      'b',
    ]);
  });

  it('knows when a filter is active', () => {
    expect(isFiltering(EMPTY_FILTER)).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, query: ' ' })).toBe(false);
    expect(isFiltering({ ...EMPTY_FILTER, risks: ['low'] })).toBe(true);
  });
});

describe('sortRows', () => {
  it('sorts code names with numbers in numeric order, both ways', () => {
    expect(sortRows(rows(), { key: 'codeName', dir: 'asc' }).map((r) => r.codeName)).toEqual([
      'Cedar 2',
      'Cedar 10',
      'Élan',
    ]);
    expect(sortRows(rows(), { key: 'codeName', dir: 'desc' }).map((r) => r.codeName)).toEqual([
      'Élan',
      'Cedar 10',
      'Cedar 2',
    ]);
    expect(sortKey('Cedar 2') < sortKey('Cedar 10')).toBe(true);
  });

  it('puts missing values last whatever the direction', () => {
    expect(sortRows(rows(), { key: 'start', dir: 'asc' }).map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(sortRows(rows(), { key: 'start', dir: 'desc' }).map((r) => r.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('sorts by status in lifecycle order and risk by level', () => {
    expect(sortRows(rows(), { key: 'status', dir: 'asc' }).map((r) => r.status)).toEqual([
      'request',
      'planning',
      'relocated',
    ]);
    expect(sortRows(rows(), { key: 'risk', dir: 'desc' }).map((r) => r.risk)).toEqual([
      'extreme',
      'high',
      'low',
    ]);
  });

  it('sorts by plan-check findings, errors first, cases not yet checked last', () => {
    const counts = new Map([
      ['a', { errors: 0, warnings: 3 }],
      ['b', { errors: 1, warnings: 0 }],
    ]);
    expect(
      sortRows(rows(), { key: 'findings', dir: 'desc' }, (id) => counts.get(id)).map((r) => r.id),
    ).toEqual(['b', 'a', 'c']);
  });
});
