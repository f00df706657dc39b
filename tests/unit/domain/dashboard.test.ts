import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../src/domain/dashboard';
import type { PlanningData } from '../../../src/domain/planning';
import { isoDate } from '../../../src/domain/time';
import { makeCase, makeCheckpoint, makeExtension, makeHost, makeLeg, makeStay } from '../builders';

const today = isoDate('2026-05-01');

function data(over: Partial<PlanningData>): PlanningData {
  return {
    cases: [],
    hosts: [],
    people: [],
    legs: [],
    stays: [],
    visas: [],
    checkpoints: [],
    extensions: [],
    budgetLines: [],
    ...over,
  } as PlanningData;
}

describe('dashboard', () => {
  const heron = makeCase({
    id: 'h',
    codeName: 'Heron',
    status: 'relocated',
    actualStart: '2026-03-28',
    plannedEnd: '2026-05-10',
  });
  const osprey = makeCase({
    id: 'o',
    codeName: 'Osprey',
    status: 'planning',
    plannedStart: '2026-05-06',
    plannedEnd: '2026-08-01',
  });
  const wren = makeCase({ id: 'w', codeName: 'Wren', status: 'closed' });
  const d = computeDashboard(
    data({
      cases: [heron, osprey, wren],
      hosts: [makeHost({ id: 'host-1', capacityBeds: 3 })],
      legs: [
        makeLeg({
          id: 'l1',
          caseId: 'o',
          depart: { local: '2026-05-06T06:00', zone: 'Africa/Kampala' },
          arrive: { local: '2026-05-06T19:00', zone: 'Africa/Nairobi' },
        }),
        makeLeg({
          id: 'l2',
          caseId: 'o',
          depart: { local: '2026-05-09T06:00', zone: 'Africa/Kampala' },
          arrive: { local: '2026-05-09T19:00', zone: 'Africa/Nairobi' },
        }),
        makeLeg({
          id: 'l3',
          caseId: 'w',
          depart: { local: '2026-05-02T06:00', zone: 'Africa/Kampala' },
          arrive: { local: '2026-05-02T19:00', zone: 'Africa/Nairobi' },
        }),
      ],
      stays: [
        makeStay({
          caseId: 'h',
          checkIn: '2026-03-28',
          checkOut: '2026-05-10',
          personIds: ['a', 'b'],
        }),
      ],
      checkpoints: [
        makeCheckpoint({ id: 'late', caseId: 'h', dueDate: '2026-04-27', kind: 'periodic_review' }),
        makeCheckpoint({
          id: 'done',
          caseId: 'h',
          dueDate: '2026-04-20',
          decision: 'continue',
          riskLevel: 'low',
          decidedBy: 'PO',
          decidedOn: '2026-04-20',
        }),
        makeCheckpoint({
          id: 'soon',
          caseId: 'o',
          dueDate: '2026-05-07',
          kind: 'arrival_check_in',
        }),
        makeCheckpoint({ id: 'closed-late', caseId: 'w', dueDate: '2026-01-01' }),
      ],
    }),
    today,
    (id) => (id === 'o' ? 2 : id === 'h' ? 0 : undefined),
  );

  it('Given legs this week, When computed, Then the open cases travelling in the next 7 days are listed soonest first; a closed case is not', () => {
    expect(d.travelling.items.map((t) => t.leg.id)).toEqual(['l1']);
    expect(d.travelling.total).toBe(1);
  });

  it('Given arrivals and ends within 14 days, When computed, Then Osprey arrives and Heron returns', () => {
    expect(d.arrivals.items).toEqual([{ caseId: 'o', codeName: 'Osprey', date: '2026-05-06' }]);
    expect(d.returns.items).toEqual([{ caseId: 'h', codeName: 'Heron', date: '2026-05-10' }]);
  });

  it('Given undecided reviews, When computed, Then overdue ones (open cases only) and upcoming ones are split with their days', () => {
    expect(d.overdue.items.map((r) => [r.checkpointId, r.daysLate])).toEqual([['late', 4]]);
    expect(d.upcoming.items.map((r) => [r.checkpointId, r.codeName])).toEqual([['soon', 'Osprey']]);
  });

  it('Given stays tonight, When computed, Then the host shows people against beds and the case', () => {
    expect(d.occupancy).toEqual({
      items: [
        {
          hostId: 'host-1',
          codeName: 'Linden',
          people: 2,
          beds: 3,
          cases: [{ caseId: 'h', codeName: 'Heron' }],
          caseCount: 1,
        },
      ],
      total: 1,
    });
  });

  it('Given a vault of 5,000 cases at 12 hosts, When computed, Then the fullest 8 hosts are listed with 3 cases named each and the rest counted', () => {
    const cases = Array.from({ length: 5000 }, (_, i) =>
      makeCase({
        id: `c${i}`,
        codeName: `Case ${String(i).padStart(4, '0')}`,
        status: 'relocated',
        actualStart: '2026-04-01',
        plannedEnd: '2026-06-01',
      }),
    );
    const hosts = Array.from({ length: 12 }, (_, h) =>
      makeHost({ id: `host-${h}`, codeName: `Host ${h}`, capacityBeds: 500 + h * 20 }),
    );
    const stays = cases.map((c, i) =>
      makeStay({
        id: `s${i}`,
        caseId: c.id,
        hostId: `host-${i % 12}`,
        checkIn: '2026-04-01',
        checkOut: '2026-06-01',
        personIds: ['p'],
      }),
    );
    const big = computeDashboard(data({ cases, hosts, stays }), today, () => 0);
    expect(big.occupancy.total).toBe(12);
    expect(big.occupancy.items).toHaveLength(8);
    // Host 0 is the fullest (417 people in 500 beds); its first cases by code name are named.
    const first = big.occupancy.items[0]!;
    expect([first.hostId, first.people, first.caseCount]).toEqual(['host-0', 417, 417]);
    expect(first.cases.map((c) => c.codeName)).toEqual(['Case 0000', 'Case 0012', 'Case 0024']);
    const named = big.occupancy.items.reduce((n, h) => n + h.cases.length, 0);
    expect(named).toBe(24);
  });

  it('Given cases by status and plan-check errors, When computed, Then counts per status and the cases with errors', () => {
    expect(Object.fromEntries(d.byStatus)).toEqual({ relocated: 1, planning: 1, closed: 1 });
    expect(d.planErrors.items).toEqual([{ caseId: 'o', codeName: 'Osprey', errors: 2 }]);
    expect(d.planErrorTotal).toBe(2);
    expect(d.planErrorsPending).toBe(0);
  });

  it('Given an extension, When computed, Then the return date is the end in force', () => {
    const ext = makeExtension({ caseId: 'h', fromEnd: '2026-05-10', toEnd: '2026-06-10' });
    const later = computeDashboard(data({ cases: [heron], extensions: [ext] }), today, () => 0);
    expect(later.returns.total).toBe(0);
  });
});
