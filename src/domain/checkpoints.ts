/**
 * Checkpoint schedule: when the return-readiness reviews of a case fall.
 *
 * - arrival check-in: `arrivalCheckInDays` after the start (default 1);
 * - periodic review: every `periodDays` after the arrival check-in (default 30), skipped when it
 *   would fall within `minGapDays` (default 7) of the pre-return review;
 * - pre-return review: `preReturnDays` before the end (default 14), kept after the arrival
 *   check-in for short stays;
 * - post-return follow-up: `followUpDays` after the end (default 30).
 *
 * The end is the end in force (extensions applied), so after an extension the pre-return and
 * follow-up move; `planCheckpoints` says which records to add and which undecided ones are stale.
 */
import type { Case } from './entities/case';
import type { Checkpoint, CheckpointInput, CheckpointKind } from './entities/checkpoint';
import type { Extension } from './entities/extension';
import { effectiveEnd } from './duration';
import { isTerminal } from './lifecycle';
import type { CaseId } from './ids';
import { addDays, daysBetween, type IsoDate } from './time';

export interface ScheduleOptions {
  readonly arrivalCheckInDays?: number;
  readonly periodDays?: number;
  readonly preReturnDays?: number;
  readonly followUpDays?: number;
  readonly minGapDays?: number;
}

export const DEFAULT_SCHEDULE: Required<ScheduleOptions> = {
  arrivalCheckInDays: 1,
  periodDays: 30,
  preReturnDays: 14,
  followUpDays: 30,
  minGapDays: 7,
};

export interface ScheduledCheckpoint {
  readonly kind: CheckpointKind;
  readonly dueDate: IsoDate;
}

/** The review dates for a stay from `start` (arrival) to `end` (planned end in force). */
export function checkpointSchedule(
  start: IsoDate,
  end: IsoDate,
  options: ScheduleOptions = {},
): ScheduledCheckpoint[] {
  const o = { ...DEFAULT_SCHEDULE, ...options };
  if (o.periodDays < 1) throw new Error('periodDays must be at least 1');
  if (end <= start)
    return [{ kind: 'post_return_follow_up', dueDate: addDays(end, o.followUpDays) }];
  const out: ScheduledCheckpoint[] = [];
  let arrival = addDays(start, o.arrivalCheckInDays);
  if (arrival >= end) arrival = start;
  out.push({ kind: 'arrival_check_in', dueDate: arrival });
  let preReturn: IsoDate | null = addDays(end, -o.preReturnDays);
  if (preReturn <= arrival) {
    const mid = addDays(arrival, Math.floor(daysBetween(arrival, end) / 2));
    preReturn = mid > arrival && mid < end ? mid : null;
  }
  const periodicLimit = preReturn ? addDays(preReturn, -o.minGapDays) : end;
  for (let d = addDays(arrival, o.periodDays); d < periodicLimit; d = addDays(d, o.periodDays)) {
    out.push({ kind: 'periodic_review', dueDate: d });
  }
  if (preReturn) out.push({ kind: 'pre_return', dueDate: preReturn });
  out.push({ kind: 'post_return_follow_up', dueDate: addDays(end, o.followUpDays) });
  return out;
}

/**
 * The criteria checklist a review starts with, until the coordinator edits the template in
 * Settings (every kind of review uses the same template; each review keeps its own copy).
 */
export const DEFAULT_CRITERIA_TEMPLATE: readonly string[] = [
  'Threat level at home',
  'Open legal cases',
  'Threats to family',
  'Online threats',
  'Security measures for return',
  'Psychosocial state',
  'Work continuity',
  'Return travel booked',
  'Reintegration support',
];

/** A new checkpoint record (no decision yet) for a scheduled date, with the template's criteria. */
export function checkpointDraft(
  caseId: CaseId,
  s: ScheduledCheckpoint,
  template: readonly string[] = DEFAULT_CRITERIA_TEMPLATE,
  manual = false,
): CheckpointInput {
  return {
    caseId,
    dueDate: s.dueDate,
    kind: s.kind,
    criteria: template.map((label) => ({ label, met: null })),
    manual,
  };
}

export interface CheckpointPlan {
  /** Scheduled reviews with no checkpoint of the same kind on the same day yet. */
  readonly add: CheckpointInput[];
  /**
   * Undecided pre-return and follow-up checkpoints whose date is no longer the scheduled one
   * (typically after an extension): offer to move or delete them.
   */
  readonly stale: Checkpoint[];
}

/** What to add (and what is stale) for a case's schedule, or null when the case has no dates yet. */
export function planCheckpoints(
  c: Pick<Case, 'id' | 'plannedStart' | 'plannedEnd' | 'actualStart'>,
  extensions: readonly Pick<Extension, 'fromEnd' | 'toEnd'>[],
  existing: readonly Checkpoint[],
  options: ScheduleOptions = {},
  template: readonly string[] = DEFAULT_CRITERIA_TEMPLATE,
): CheckpointPlan | null {
  const start = c.actualStart ?? c.plannedStart;
  const end = effectiveEnd(c, extensions);
  if (!start || !end) return null;
  const schedule = checkpointSchedule(start, end, options);
  const have = new Set(existing.map((cp) => `${cp.kind}|${cp.dueDate}`));
  const add = schedule
    .filter((s) => !have.has(`${s.kind}|${s.dueDate}`))
    .map((s) => checkpointDraft(c.id, s, template));
  const wanted = new Set(schedule.map((s) => `${s.kind}|${s.dueDate}`));
  const stale = existing.filter(
    (cp) =>
      cp.decision === null &&
      (cp.kind === 'pre_return' || cp.kind === 'post_return_follow_up') &&
      !wanted.has(`${cp.kind}|${cp.dueDate}`),
  );
  return { add, stale };
}

/** A review that was due before today and has no decision yet. */
export function isCheckpointOverdue(
  cp: Pick<Checkpoint, 'decision' | 'dueDate'>,
  today: IsoDate,
): boolean {
  return cp.decision === null && cp.dueDate < today;
}

/**
 * How many reviews are overdue across the cases still open (not declined, cancelled, closed or
 * purged): the count the navigation shows as needing attention.
 */
export function countOverdueCheckpoints(
  cases: readonly Pick<Case, 'id' | 'status'>[],
  checkpoints: readonly Pick<Checkpoint, 'caseId' | 'decision' | 'dueDate'>[],
  today: IsoDate,
): number {
  const open = new Set(cases.filter((c) => !isTerminal(c.status)).map((c) => c.id));
  return checkpoints.filter((cp) => open.has(cp.caseId) && isCheckpointOverdue(cp, today)).length;
}
