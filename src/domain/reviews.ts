/**
 * Return-readiness reviews over time: keeping a case's schedule in step with its dates, the review
 * that follows a decision, and "overdue" decided at midnight in the coordinator's time zone.
 *
 * Convention (stated on the Checkpoints tab): the arrival check-in falls a day after the start
 * (the actual start once known, else the planned one); periodic reviews count from the arrival
 * check-in, every N days (the case's own N, else the settings' default, 30); the pre-return review
 * falls N days before the end in force (default 14) and the follow-up after it (default 30).
 *
 * Which checkpoints a re-schedule touches: only undecided ones due today or later that came from
 * the schedule (`manual: false`). Decided reviews are history and never move; reviews added by
 * hand (or created as the follow-up of a decision) stay where the coordinator put them.
 */
import { assertNever } from './assert';
import {
  DEFAULT_CRITERIA_TEMPLATE,
  DEFAULT_SCHEDULE,
  checkpointDraft,
  checkpointSchedule,
  isCheckpointOverdue,
  type ScheduleOptions,
  type ScheduledCheckpoint,
} from './checkpoints';
import { effectiveEnd } from './duration';
import type { Case } from './entities/case';
import type {
  Checkpoint,
  CheckpointDecision,
  CheckpointInput,
  CheckpointKind,
} from './entities/checkpoint';
import type { Extension } from './entities/extension';
import { addDays, daysBetween, todayIn, type IsoDate } from './time';

/** The schedule settings (from Settings), before the case's own review interval applies. */
export type ScheduleDefaults = Required<Omit<ScheduleOptions, 'minGapDays'>>;

export const DEFAULT_SCHEDULE_DEFAULTS: ScheduleDefaults = {
  arrivalCheckInDays: DEFAULT_SCHEDULE.arrivalCheckInDays,
  periodDays: DEFAULT_SCHEDULE.periodDays,
  preReturnDays: DEFAULT_SCHEDULE.preReturnDays,
  followUpDays: DEFAULT_SCHEDULE.followUpDays,
};

/** The options for one case: its own interval between periodic reviews wins over the default. */
export function scheduleOptionsFor(
  c: Pick<Case, 'reviewEveryDays'>,
  defaults: ScheduleDefaults = DEFAULT_SCHEDULE_DEFAULTS,
): Required<ScheduleOptions> {
  return {
    ...DEFAULT_SCHEDULE,
    ...defaults,
    periodDays: c.reviewEveryDays ?? defaults.periodDays,
  };
}

export interface ScheduleChange {
  /** Scheduled reviews (today or later) that no checkpoint covers yet. */
  readonly add: readonly CheckpointInput[];
  /** Undecided scheduled checkpoints, today or later, that the schedule no longer has. */
  readonly remove: readonly Checkpoint[];
}

export const NO_CHANGE: ScheduleChange = { add: [], remove: [] };

export function isScheduleChange(change: ScheduleChange): boolean {
  return change.add.length > 0 || change.remove.length > 0;
}

type ScheduledCase = Pick<
  Case,
  'id' | 'status' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'reviewEveryDays'
>;

/** Statuses whose cases have a review schedule: approved and on, until closed. */
export function hasReviewSchedule(status: Case['status']): boolean {
  switch (status) {
    case 'approved':
    case 'planning':
    case 'in_transit':
    case 'relocated':
    case 'return_preparation':
    case 'returned':
    case 'follow_up':
      return true;
    case 'request':
    case 'assessment':
    case 'declined':
    case 'cancelled':
    case 'onward_exit':
    case 'closed':
    case 'purged':
      return false;
    default:
      return assertNever(status, 'case status');
  }
}

/**
 * What to add and remove so the case's checkpoints follow its schedule for `end` (default: the
 * end in force). Nothing for a case without dates or without a schedule (before approval).
 */
export function scheduleChange(
  c: ScheduledCase,
  extensions: readonly Pick<Extension, 'fromEnd' | 'toEnd'>[],
  existing: readonly Checkpoint[],
  today: IsoDate,
  opts: {
    readonly defaults?: ScheduleDefaults;
    readonly template?: readonly string[];
    readonly end?: IsoDate;
  } = {},
): ScheduleChange {
  if (!hasReviewSchedule(c.status)) return NO_CHANGE;
  const start = c.actualStart ?? c.plannedStart;
  const end = opts.end ?? effectiveEnd(c, extensions);
  if (!start || !end) return NO_CHANGE;
  const schedule = checkpointSchedule(start, end, scheduleOptionsFor(c, opts.defaults));
  const key = (s: { kind: CheckpointKind; dueDate: IsoDate }) => `${s.kind}|${s.dueDate}`;
  const wanted = new Set(schedule.map(key));
  const remove = existing.filter(
    (cp) => cp.decision === null && !cp.manual && cp.dueDate >= today && !wanted.has(key(cp)),
  );
  const removed = new Set(remove.map((cp) => cp.id));
  const have = new Set(existing.filter((cp) => !removed.has(cp.id)).map(key));
  // A kind already decided (the arrival check-in held) is not scheduled again.
  const decidedOnce = new Set(
    existing
      .filter((cp) => cp.decision !== null && cp.kind !== 'periodic_review')
      .map((cp) => cp.kind),
  );
  const add = schedule
    .filter((s) => s.dueDate >= today && !have.has(key(s)) && !decidedOnce.has(s.kind))
    .map((s) => checkpointDraft(c.id, s, opts.template ?? DEFAULT_CRITERIA_TEMPLATE));
  return { add, remove };
}

/** What follows a decision: an existing review to hold next, or a new one to create. */
export type NextReview =
  | { readonly type: 'existing'; readonly checkpoint: Checkpoint }
  | { readonly type: 'new'; readonly scheduled: ScheduledCheckpoint }
  | { readonly type: 'none' };

/**
 * The review that follows `decision`, taken on `decidedOn` for a case whose end in force is `end`:
 * - continue, extend: the next undecided review within one interval, else a periodic review one
 *   interval on (on the schedule's grid when `anchor`, the arrival check-in, is given) (the pre-return review instead when that would pass the end); an extension moves
 *   the pre-return review when it is approved;
 * - prepare return: the undecided pre-return review if there is one ahead, else the follow-up;
 * - onward exit: a follow-up one follow-up period after the decision;
 * - close: none.
 */
export function nextReviewAfter(
  decision: CheckpointDecision,
  decidedOn: IsoDate,
  end: IsoDate | null,
  others: readonly Checkpoint[],
  options: Required<ScheduleOptions> = DEFAULT_SCHEDULE,
  /** The arrival check-in the periodic rhythm counts from: the next review stays on that grid. */
  anchor: IsoDate | null = null,
): NextReview {
  const ahead = others
    .filter((cp) => cp.decision === null && cp.dueDate > decidedOn)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const existingOr = (kind: CheckpointKind, dueDate: IsoDate): NextReview => {
    const same = ahead.find((cp) => cp.kind === kind);
    return same
      ? { type: 'existing', checkpoint: same }
      : { type: 'new', scheduled: { kind, dueDate } };
  };
  const followUpAfterEnd = (): NextReview =>
    existingOr('post_return_follow_up', addDays(end ?? decidedOn, options.followUpDays));
  switch (decision) {
    case 'continue':
    case 'extend': {
      let want = addDays(decidedOn, options.periodDays);
      if (anchor && anchor < decidedOn) {
        const steps = Math.floor(daysBetween(anchor, decidedOn) / options.periodDays) + 1;
        want = addDays(anchor, steps * options.periodDays);
      }
      const soon = ahead.find((cp) => cp.dueDate <= want);
      if (soon) return { type: 'existing', checkpoint: soon };
      if (end && want >= addDays(end, -options.preReturnDays)) {
        const preReturn = addDays(end, -options.preReturnDays);
        return preReturn > decidedOn ? existingOr('pre_return', preReturn) : followUpAfterEnd();
      }
      return { type: 'new', scheduled: { kind: 'periodic_review', dueDate: want } };
    }
    case 'prepare_return': {
      const preReturn = ahead.find((cp) => cp.kind === 'pre_return');
      return preReturn ? { type: 'existing', checkpoint: preReturn } : followUpAfterEnd();
    }
    case 'onward_exit':
      return existingOr('post_return_follow_up', addDays(decidedOn, options.followUpDays));
    case 'close':
      return { type: 'none' };
    default:
      return assertNever(decision, 'checkpoint decision');
  }
}

/** The due date of the review a decision leads to (for the decided record's `nextDue`), or null. */
export function nextDueOf(next: NextReview): IsoDate | null {
  switch (next.type) {
    case 'existing':
      return next.checkpoint.dueDate;
    case 'new':
      return next.scheduled.dueDate;
    case 'none':
      return null;
    default:
      return assertNever(next, 'next review');
  }
}

/**
 * Overdue at the instant `nowMs` for a coordinator in `zone`: undecided and due before the
 * coordinator's calendar day. A review due on the 10th becomes overdue at 00:00 on the 11th there.
 */
export function isOverdueAt(
  cp: Pick<Checkpoint, 'decision' | 'dueDate'>,
  nowMs: number,
  zone: string,
): boolean {
  return isCheckpointOverdue(cp, todayIn(zone, nowMs));
}
