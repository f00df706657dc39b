/** Checkpoint schedule: arrival, periodic, pre-return and follow-up dates, and re-planning after an extension. */
import { describe, expect, it } from 'vitest';
import { CheckpointInputSchema } from '../../../src/domain/entities';
import {
  countOverdueCheckpoints,
  isCheckpointOverdue,
  checkpointSchedule,
  DEFAULT_CRITERIA_TEMPLATE,
  checkpointDraft,
  planCheckpoints,
} from '../../../src/domain/checkpoints';
import { isoDate, type IsoDate } from '../../../src/domain/time';
import { makeCase, makeCheckpoint, makeExtension } from '../builders';

describe('checkpoint schedule', () => {
  it('Given a 90-night stay, When scheduled with defaults, Then arrival, two periodic, pre-return and follow-up fall on the right days', () => {
    expect(checkpointSchedule(isoDate('2026-03-28'), isoDate('2026-06-26'))).toEqual([
      { kind: 'arrival_check_in', dueDate: '2026-03-29' },
      { kind: 'periodic_review', dueDate: '2026-04-28' },
      { kind: 'periodic_review', dueDate: '2026-05-28' },
      { kind: 'pre_return', dueDate: '2026-06-12' },
      { kind: 'post_return_follow_up', dueDate: '2026-07-26' },
    ]);
  });
  it('Given a periodic review within 7 days of the pre-return, When scheduled, Then it is skipped', () => {
    const s = checkpointSchedule(isoDate('2026-01-01'), isoDate('2026-03-01'));
    // arrival 01-02, periodic 02-01, next would be 03-03 (after); pre-return 02-15: 02-01 is 14 days before, kept.
    expect(s.map((x) => x.kind)).toEqual([
      'arrival_check_in',
      'periodic_review',
      'pre_return',
      'post_return_follow_up',
    ]);
    const tight = checkpointSchedule(isoDate('2026-01-01'), isoDate('2026-02-20'));
    // pre-return 02-06; periodic 02-01 falls within 7 days of it, so it is dropped.
    expect(tight.map((x) => x.kind)).toEqual([
      'arrival_check_in',
      'pre_return',
      'post_return_follow_up',
    ]);
  });
  it('Given a one-week respite, When scheduled, Then the pre-return review falls mid-stay, after the arrival check-in', () => {
    expect(checkpointSchedule(isoDate('2026-05-01'), isoDate('2026-05-08'))).toEqual([
      { kind: 'arrival_check_in', dueDate: '2026-05-02' },
      { kind: 'pre_return', dueDate: '2026-05-05' },
      { kind: 'post_return_follow_up', dueDate: '2026-06-07' },
    ]);
  });
  it('Given custom options, When scheduled, Then they are used', () => {
    const s = checkpointSchedule(isoDate('2026-03-28'), isoDate('2026-06-26'), {
      periodDays: 14,
      preReturnDays: 21,
      followUpDays: 60,
    });
    expect(s.filter((x) => x.kind === 'periodic_review').map((x) => x.dueDate)).toEqual([
      '2026-04-12',
      '2026-04-26',
      '2026-05-10',
      '2026-05-24',
    ]);
    expect(s.find((x) => x.kind === 'pre_return')?.dueDate).toBe('2026-06-05');
    expect(s.at(-1)?.dueDate).toBe('2026-08-25');
  });
  it('Given the default template, When drafting a review, Then its checklist lists the warning signs, none assessed', () => {
    const draft = checkpointDraft('case-1' as never, {
      kind: 'pre_return',
      dueDate: isoDate('2026-06-12'),
    });
    expect(draft.criteria?.map((c) => c.label)).toEqual([...DEFAULT_CRITERIA_TEMPLATE]);
    expect(draft.criteria?.map((c) => c.label).join(' ')).toMatch(/Open legal cases/);
    expect(draft.criteria?.every((c) => c.met === null)).toBe(true);
  });
  it('Given an edited template, When drafting, Then the review copies it', () => {
    const draft = checkpointDraft(
      'case-1' as never,
      { kind: 'periodic_review', dueDate: isoDate('2026-06-12') },
      ['Only this'],
    );
    expect(draft.criteria).toEqual([{ label: 'Only this', met: null }]);
  });
});

describe('planCheckpoints', () => {
  it('Given a case with an existing pre-return review, When planned, Then only the missing ones are added and they are valid inputs', () => {
    const plan = planCheckpoints(makeCase(), [], [makeCheckpoint()]);
    expect(plan?.add.map((a) => a.kind)).toEqual([
      'arrival_check_in',
      'periodic_review',
      'periodic_review',
      'post_return_follow_up',
    ]);
    for (const a of plan!.add) expect(CheckpointInputSchema.safeParse(a).success).toBe(true);
    expect(plan?.stale).toEqual([]);
  });
  it('Given an extension by a month, When planned, Then the old pre-return review is stale and a new one is added', () => {
    const plan = planCheckpoints(makeCase(), [makeExtension()], [makeCheckpoint()]);
    expect(plan?.stale.map((s) => s.id)).toEqual(['cp-1']);
    expect(plan?.add.find((a) => a.kind === 'pre_return')?.dueDate).toBe('2026-07-12');
  });
  it('Given a case without dates, When planned, Then there is nothing to plan', () => {
    expect(planCheckpoints(makeCase({ plannedStart: null }), [], [])).toBeNull();
  });
});

describe('overdue reviews across cases', () => {
  it('Given reviews due before today without a decision, When counted, Then only those of open cases count', () => {
    const open = makeCase({ id: 'open-1', status: 'relocated' });
    const closed = makeCase({ id: 'closed-1', status: 'closed' });
    const today = '2026-06-20' as IsoDate;
    const overdue = makeCheckpoint({ id: 'a', caseId: 'open-1', dueDate: '2026-06-19' });
    const dueToday = makeCheckpoint({ id: 'b', caseId: 'open-1', dueDate: '2026-06-20' });
    const decided = makeCheckpoint({
      id: 'c',
      caseId: 'open-1',
      dueDate: '2026-06-01',
      decision: 'continue',
      decidedBy: 'PO',
      decidedOn: '2026-06-01',
      riskLevel: 'high',
    });
    const ofClosedCase = makeCheckpoint({ id: 'd', caseId: 'closed-1', dueDate: '2026-06-01' });
    expect(isCheckpointOverdue(overdue, today)).toBe(true);
    expect(isCheckpointOverdue(dueToday, today)).toBe(false);
    expect(isCheckpointOverdue(decided, today)).toBe(false);
    expect(
      countOverdueCheckpoints([open, closed], [overdue, dueToday, decided, ofClosedCase], today),
    ).toBe(1);
  });
});
