import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/domain/timeline';
import type { PlanningData } from '../../../src/domain/planning';
import { isoDate } from '../../../src/domain/time';
import { makeCase, makeCheckpoint, makeExtension, makeHost, makeLeg, makeStay } from '../builders';

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

describe('timeline across cases', () => {
  it('Given two open cases and a closed one, When built, Then one row per open case sorted by start, with stays, legs and reviews in their states, and the range holding them all', () => {
    const late = makeCase({
      id: 'b',
      codeName: 'Osprey',
      plannedStart: '2026-05-01',
      plannedEnd: '2026-07-01',
    });
    const early = makeCase({ id: 'a', codeName: 'Heron' });
    const closed = makeCase({ id: 'c', codeName: 'Wren', status: 'closed' });
    const t = buildTimeline(
      data({
        cases: [late, early, closed],
        hosts: [makeHost()],
        stays: [makeStay({ caseId: 'a' })],
        legs: [makeLeg({ caseId: 'a' }), makeLeg({ id: 'x', caseId: 'a', status: 'cancelled' })],
        checkpoints: [
          makeCheckpoint({ id: '1', caseId: 'a', dueDate: '2026-04-01' }),
          makeCheckpoint({ id: '2', caseId: 'a', dueDate: '2026-06-12' }),
          makeCheckpoint({
            id: '3',
            caseId: 'a',
            dueDate: '2026-03-30',
            decision: 'continue',
            riskLevel: 'low',
            decidedBy: 'PO',
            decidedOn: '2026-03-30',
          }),
        ],
        extensions: [makeExtension({ caseId: 'a' })],
      }),
      isoDate('2026-05-01'),
    );
    expect(t.rows.map((r) => r.codeName)).toEqual(['Heron', 'Osprey']);
    const heron = t.rows[0];
    expect(heron?.end).toBe('2026-07-26');
    expect(heron?.stays).toEqual([{ from: '2026-03-28', to: '2026-06-26', host: 'Linden' }]);
    expect(heron?.legs).toEqual([
      { day: '2026-03-28', mode: 'flight', label: 'Tbilisi → Istanbul' },
    ]);
    expect(heron?.reviews.map((r) => r.state)).toEqual(['overdue', 'due', 'decided']);
    expect(t.from <= '2026-03-21').toBe(true);
    expect(t.to >= '2026-08-02').toBe(true);
  });
});
