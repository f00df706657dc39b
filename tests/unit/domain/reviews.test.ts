import { describe, expect, it } from 'vitest';
import {
  isOverdueAt,
  nextDueOf,
  nextReviewAfter,
  scheduleChange,
  scheduleOptionsFor,
} from '../../../src/domain/reviews';
import { CheckpointInputSchema, type Checkpoint } from '../../../src/domain/entities';
import { isoDate } from '../../../src/domain/time';
import { makeCase, makeCheckpoint, makeExtension } from '../builders';

const d = isoDate;

/** Checkpoints as the vault would hold them after writing a schedule change's additions. */
function stored(inputs: readonly unknown[]): Checkpoint[] {
  return inputs.map((input, i) =>
    makeCheckpoint({ ...CheckpointInputSchema.parse(input), id: `cp-${i}` }),
  );
}

describe('schedule of a 90-day case', () => {
  // Approved on 2026-03-01, arriving 2026-03-28, planned end 2026-06-26 (90 nights).
  const approved = makeCase({ status: 'approved' });

  it('Given a 90-day case just approved, When scheduled, Then arrival, periodic every 30 days from the check-in, pre-return 14 days before the end and the follow-up are added', () => {
    const change = scheduleChange(approved, [], [], d('2026-03-01'));
    expect(change.remove).toEqual([]);
    expect(change.add.map((c) => [c.kind, c.dueDate])).toEqual([
      ['arrival_check_in', '2026-03-29'],
      ['periodic_review', '2026-04-28'],
      ['periodic_review', '2026-05-28'],
      ['pre_return', '2026-06-12'],
      ['post_return_follow_up', '2026-07-26'],
    ]);
    expect(change.add.every((c) => CheckpointInputSchema.safeParse(c).success)).toBe(true);
  });

  it('Given the case reviews every 21 days, When scheduled, Then the periodic reviews use its own interval', () => {
    const c = makeCase({ status: 'approved', reviewEveryDays: 21 });
    expect(scheduleOptionsFor(c).periodDays).toBe(21);
    const periodic = scheduleChange(c, [], [], d('2026-03-01')).add.filter(
      (x) => x.kind === 'periodic_review',
    );
    expect(periodic.map((x) => x.dueDate)).toEqual(['2026-04-19', '2026-05-10', '2026-05-31']);
  });

  it('Given a request not approved yet, When scheduled, Then nothing is added', () => {
    expect(scheduleChange(makeCase({ status: 'assessment' }), [], [], d('2026-03-01')).add).toEqual(
      [],
    );
  });

  it('Given the schedule written and then a 30-day extension, When rescheduled on 2026-05-01, Then the pre-return and follow-up move, periodic reviews continue, and the decided and past ones stay', () => {
    const first = stored(scheduleChange(approved, [], [], d('2026-03-01')).add);
    // The arrival check-in and the first periodic review were held.
    const held = first.map((cp) =>
      cp.dueDate < '2026-05-01'
        ? { ...cp, decision: 'continue' as const, riskLevel: 'high' as const }
        : cp,
    );
    const relocated = { ...approved, status: 'relocated' as const, actualStart: d('2026-03-28') };
    const change = scheduleChange(relocated, [makeExtension()], held, d('2026-05-01'));
    expect(change.remove.map((c) => [c.kind, c.dueDate])).toEqual([
      ['pre_return', '2026-06-12'],
      ['post_return_follow_up', '2026-07-26'],
    ]);
    expect(change.add.map((c) => [c.kind, c.dueDate])).toEqual([
      ['periodic_review', '2026-06-27'],
      ['pre_return', '2026-07-12'],
      ['post_return_follow_up', '2026-08-25'],
    ]);
  });

  it('Given a review added by hand, When rescheduled, Then it is kept', () => {
    const relocated = makeCase({ status: 'relocated' });
    const manual = makeCheckpoint({ id: 'm', dueDate: '2026-06-12', manual: true });
    const change = scheduleChange(relocated, [makeExtension()], [manual], d('2026-05-01'));
    expect(change.remove).toEqual([]);
  });
});

describe('the next review after a decision', () => {
  const end = d('2026-06-26');
  const pre = makeCheckpoint({ id: 'pre', kind: 'pre_return', dueDate: '2026-06-12' });
  const follow = makeCheckpoint({
    id: 'follow',
    kind: 'post_return_follow_up',
    dueDate: '2026-07-26',
  });

  it('Given "continue" early in the stay, When decided, Then a periodic review one interval later', () => {
    const next = nextReviewAfter('continue', d('2026-04-01'), end, [pre, follow]);
    expect(next).toEqual({
      type: 'new',
      scheduled: { kind: 'periodic_review', dueDate: '2026-05-01' },
    });
  });

  it('Given "continue" and the rhythm counted from the arrival check-in, When decided between two dates of it, Then the next periodic review stays on that rhythm', () => {
    const next = nextReviewAfter(
      'continue',
      d('2026-04-10'),
      end,
      [pre],
      undefined,
      d('2026-03-29'),
    );
    expect(nextDueOf(next)).toBe('2026-04-28');
  });

  it('Given "continue" with a review already due within the interval, When decided, Then that review is next', () => {
    const soon = makeCheckpoint({ id: 'soon', kind: 'periodic_review', dueDate: '2026-04-20' });
    const next = nextReviewAfter('continue', d('2026-04-01'), end, [pre, soon]);
    expect(next).toEqual({ type: 'existing', checkpoint: soon });
  });

  it('Given "continue" less than an interval before the pre-return date, When decided, Then the pre-return review is next', () => {
    const next = nextReviewAfter('continue', d('2026-05-28'), end, [pre, follow]);
    expect(next).toEqual({ type: 'existing', checkpoint: pre });
  });

  it('Given "extend", When decided, Then the stay goes on: a periodic review one interval later', () => {
    const next = nextReviewAfter('extend', d('2026-04-01'), end, [pre]);
    expect(nextDueOf(next)).toBe('2026-05-01');
  });

  it('Given "prepare return", When decided, Then the pre-return review ahead, else the follow-up after the end', () => {
    expect(nextReviewAfter('prepare_return', d('2026-05-01'), end, [pre, follow])).toEqual({
      type: 'existing',
      checkpoint: pre,
    });
    expect(nextReviewAfter('prepare_return', d('2026-06-13'), end, [follow])).toEqual({
      type: 'existing',
      checkpoint: follow,
    });
    expect(nextReviewAfter('prepare_return', d('2026-06-13'), end, [])).toEqual({
      type: 'new',
      scheduled: { kind: 'post_return_follow_up', dueDate: '2026-07-26' },
    });
  });

  it('Given "onward exit", When decided, Then a follow-up 30 days after the decision', () => {
    expect(nextDueOf(nextReviewAfter('onward_exit', d('2026-05-01'), end, [pre]))).toBe(
      '2026-05-31',
    );
  });

  it('Given "close", When decided, Then no review follows', () => {
    const next = nextReviewAfter('close', d('2026-05-01'), end, [pre, follow]);
    expect(next).toEqual({ type: 'none' });
    expect(nextDueOf(next)).toBeNull();
  });
});

describe('overdue at midnight in the coordinator zone', () => {
  const due = { decision: null, dueDate: d('2026-03-10') };
  // 2026-03-10 23:30 in Tbilisi (UTC+4) is 19:30 UTC.
  const beforeMidnightTbilisi = Date.UTC(2026, 2, 10, 19, 30);
  const afterMidnightTbilisi = Date.UTC(2026, 2, 10, 20, 30);

  it('Given a review due on the 10th, When it is 23:30 on the 10th in Tbilisi, Then it is not overdue yet', () => {
    expect(isOverdueAt(due, beforeMidnightTbilisi, 'Asia/Tbilisi')).toBe(false);
  });
  it('Given a review due on the 10th, When it is 00:30 on the 11th in Tbilisi, Then it is overdue', () => {
    expect(isOverdueAt(due, afterMidnightTbilisi, 'Asia/Tbilisi')).toBe(true);
  });
  it('Given the same instant, When the coordinator works in Bogotá (UTC-5), Then it is still the 10th there: not overdue', () => {
    expect(isOverdueAt(due, afterMidnightTbilisi, 'America/Bogota')).toBe(false);
  });
  it('Given a decided review, When long past its date, Then it is never overdue', () => {
    expect(isOverdueAt({ ...due, decision: 'continue' }, afterMidnightTbilisi, 'UTC')).toBe(false);
  });
});
