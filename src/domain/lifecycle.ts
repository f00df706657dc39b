/**
 * The case lifecycle (domain.md):
 *
 *   request → assessment → approved → planning → in_transit → relocated ⇄ (extension)
 *                 └→ declined  └→ cancelled             relocated → return_preparation → returned → follow_up → closed
 *                                                       relocated → onward_exit → closed
 *   closed → purged
 *
 * Choices beyond the drawing, and why:
 * - `cancelled` is reachable from request, assessment, approved and planning: every status in which
 *   nobody has moved yet. A request can be withdrawn before it is assessed, and plans collapse after
 *   approval (visa refused, threat gone). It is NOT reachable once travel starts (in_transit and
 *   later): a person is then physically away, and the case must end through return or onward exit
 *   so that the follow-up and the return checkpoints still happen.
 * - `declined` is reachable from assessment only (a decision needs an assessment).
 * - `declined → closed` and `cancelled → closed`: the only way to `purged` is through `closed`, and
 *   the retention period applies to every case, so a declined request must not sit forever.
 * - An extension does not change the status: it is recorded while `relocated` (`canRecordExtension`).
 * - No jumps: no request → relocated, no returned → closed without follow-up.
 * - Moving to `relocated` asks for the arrival date (the actual start, which sets the nights); it
 *   is never taken silently from the day of the click, and it cannot lie after that day.
 * - A status set by mistake can be moved back ONE step, with a reason (`stepBack`). The step back
 *   exists only where the drawing has a single way in (`STEP_BACK`): `cancelled` and `closed` can
 *   be reached from several statuses, so there is no one step to go back to, and `purged` data is
 *   gone. Going back also undoes what the forward move filled in (actual start, actual end,
 *   approver), so a mistaken Relocated does not leave its nights behind.
 *
 * Each transition returns the new case and the audit event to store with it (field names only).
 */
import { assertNever } from './assert';
import { CASE_STATUSES, type Case, type CaseStatus } from './entities/case';
import type { AuditEventDraft } from './entities/audit';
import { err, ok, type Result } from './result';
import { isIsoDate, type IsoDate, type IsoInstant } from './time';

export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  request: ['assessment', 'cancelled'],
  assessment: ['approved', 'declined', 'cancelled'],
  approved: ['planning', 'cancelled'],
  declined: ['closed'],
  cancelled: ['closed'],
  planning: ['in_transit', 'cancelled'],
  in_transit: ['relocated'],
  relocated: ['return_preparation', 'onward_exit'],
  return_preparation: ['returned'],
  returned: ['follow_up'],
  follow_up: ['closed'],
  onward_exit: ['closed'],
  closed: ['purged'],
  purged: [],
};

export function allowedTransitions(status: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[status];
}
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
/** Statuses with no way out except closing or purging. */
export function isTerminal(status: CaseStatus): boolean {
  return (
    status === 'purged' || status === 'closed' || status === 'declined' || status === 'cancelled'
  );
}
/** An extension may be recorded while the people are at the destination. */
export function canRecordExtension(status: CaseStatus): boolean {
  return status === 'relocated';
}
/** Statuses in which people may be away from home (dashboards, plan checks on presence). */
export function isAway(status: CaseStatus): boolean {
  return status === 'in_transit' || status === 'relocated' || status === 'return_preparation';
}
export { CASE_STATUSES };

export type TransitionRequirement = 'reason' | 'approvedBy' | 'planDates' | 'arrivalDate';

/** What the UI must ask for before moving to `to`. */
export function requirementsFor(to: CaseStatus): readonly TransitionRequirement[] {
  switch (to) {
    case 'approved':
      return ['approvedBy'];
    case 'declined':
    case 'cancelled':
    case 'onward_exit':
    case 'purged':
      return ['reason'];
    case 'in_transit':
      return ['planDates'];
    case 'relocated':
      return ['arrivalDate'];
    case 'request':
    case 'assessment':
    case 'planning':
    case 'return_preparation':
    case 'returned':
    case 'follow_up':
    case 'closed':
      return [];
    default:
      return assertNever(to, 'case status');
  }
}

export interface TransitionOptions {
  /** Why (declined, cancelled, onward exit, purge). */
  readonly reason?: string;
  /** Who approved (approved). */
  readonly approvedBy?: string;
  /** The day the travellers arrived (relocated): becomes the actual start. */
  readonly arrivalDate?: string;
  /** When the change happens (ISO instant); becomes `updatedAt` and `statusChangedAt`. */
  readonly at: IsoInstant;
  /** The coordinator's calendar day of the change; defaults to the UTC date of `at`. */
  readonly on?: IsoDate;
}

export type TransitionError =
  | { readonly code: 'same_status'; readonly status: CaseStatus }
  | {
      readonly code: 'forbidden';
      readonly from: CaseStatus;
      readonly to: CaseStatus;
      readonly allowed: readonly CaseStatus[];
    }
  | { readonly code: 'reason_required'; readonly to: CaseStatus }
  | { readonly code: 'approver_required' }
  | { readonly code: 'plan_dates_required' }
  | { readonly code: 'arrival_date_required' }
  | { readonly code: 'arrival_date_invalid'; readonly value: string }
  | { readonly code: 'arrival_in_future'; readonly arrival: IsoDate; readonly today: IsoDate }
  | { readonly code: 'no_step_back'; readonly status: CaseStatus }
  | { readonly code: 'bad_timestamp' };

const LABEL: Readonly<Record<CaseStatus, string>> = {
  request: 'request',
  assessment: 'assessment',
  approved: 'approved',
  declined: 'declined',
  cancelled: 'cancelled',
  planning: 'planning',
  in_transit: 'in transit',
  relocated: 'relocated',
  return_preparation: 'return preparation',
  returned: 'returned',
  follow_up: 'follow-up',
  onward_exit: 'onward exit',
  closed: 'closed',
  purged: 'purged',
};
export function statusLabel(s: CaseStatus): string {
  return LABEL[s];
}

export function transitionErrorMessage(e: TransitionError): string {
  switch (e.code) {
    case 'same_status':
      return `The case is already ${LABEL[e.status]}`;
    case 'forbidden':
      return e.allowed.length === 0
        ? `A ${LABEL[e.from]} case cannot change status`
        : `A ${LABEL[e.from]} case cannot move to ${LABEL[e.to]}; next it can be: ${e.allowed.map((s) => LABEL[s]).join(', ')}`;
    case 'reason_required':
      return `Give a reason for moving the case to ${LABEL[e.to]}`;
    case 'approver_required':
      return 'Enter who approved the relocation';
    case 'plan_dates_required':
      return 'Set the planned start and end dates before the travellers leave';
    case 'arrival_date_required':
      return 'Enter the day the travellers arrived (YYYY-MM-DD)';
    case 'arrival_date_invalid':
      return `"${e.value}" is not a date; enter the arrival day as YYYY-MM-DD`;
    case 'arrival_in_future':
      return `The arrival date ${e.arrival} is after today (${e.today}); enter the day they actually arrived, or move the case once they have`;
    case 'no_step_back':
      return `A ${LABEL[e.status]} case cannot be moved back a step`;
    case 'bad_timestamp':
      return 'The time of the change is missing or malformed';
    default:
      return assertNever(e, 'transition error');
  }
}

export interface TransitionResult {
  readonly case: Case;
  readonly audit: AuditEventDraft;
}

/** Moves `c` to `to` if the lifecycle allows it and what the move needs is given. Pure. */
export function transition(
  c: Case,
  to: CaseStatus,
  options: TransitionOptions,
): Result<TransitionResult, TransitionError> {
  const from = c.status;
  if (from === to) return err({ code: 'same_status', status: from });
  if (!canTransition(from, to))
    return err({ code: 'forbidden', from, to, allowed: TRANSITIONS[from] });
  if (typeof options.at !== 'string' || Number.isNaN(Date.parse(options.at)))
    return err({ code: 'bad_timestamp' });
  const on = (
    options.on && isIsoDate(options.on) ? options.on : options.at.slice(0, 10)
  ) as IsoDate;
  const reason = options.reason?.trim() ?? '';
  const approvedBy = options.approvedBy?.trim() ?? '';

  const next: Case = { ...c, status: to, statusChangedAt: options.at, updatedAt: options.at };
  for (const need of requirementsFor(to)) {
    switch (need) {
      case 'reason':
        if (!reason) return err({ code: 'reason_required', to });
        next.statusReason = reason;
        break;
      case 'approvedBy':
        if (!approvedBy) return err({ code: 'approver_required' });
        next.approvedBy = approvedBy;
        next.approvedOn = on;
        break;
      case 'planDates':
        if (!c.plannedStart || !c.plannedEnd) return err({ code: 'plan_dates_required' });
        break;
      case 'arrivalDate': {
        const arrival = options.arrivalDate?.trim() ?? '';
        if (!arrival) return err({ code: 'arrival_date_required' });
        if (!isIsoDate(arrival)) return err({ code: 'arrival_date_invalid', value: arrival });
        if (arrival > on) return err({ code: 'arrival_in_future', arrival, today: on });
        next.actualStart = arrival;
        break;
      }
      default:
        assertNever(need, 'transition requirement');
    }
  }
  if ((to === 'returned' || to === 'onward_exit') && !next.actualEnd) next.actualEnd = on;
  if (to === 'closed' && next.actualStart && !next.actualEnd) next.actualEnd = on;

  return ok(resultOf(c, next, options.at));
}

function resultOf(c: Case, next: Case, at: IsoInstant): TransitionResult {
  const fields = (Object.keys(next) as (keyof Case)[]).filter((k) => next[k] !== c[k]).sort();
  return {
    case: next,
    audit: {
      at,
      entity: 'cases',
      entityId: c.id,
      action: 'transition',
      fields,
      transition: { from: c.status, to: next.status },
    },
  };
}

/**
 * The one step back from each status, for a status set by mistake: only where the lifecycle has a
 * single way in. Absent: `request` (the start), `cancelled` and `closed` (several ways in), `purged`.
 */
export const STEP_BACK: Readonly<Partial<Record<CaseStatus, CaseStatus>>> = {
  assessment: 'request',
  approved: 'assessment',
  declined: 'assessment',
  planning: 'approved',
  in_transit: 'planning',
  relocated: 'in_transit',
  return_preparation: 'relocated',
  onward_exit: 'relocated',
  returned: 'return_preparation',
  follow_up: 'returned',
};

/** The status a case can be moved back to, or null when it cannot go back. */
export function stepBackTarget(status: CaseStatus): CaseStatus | null {
  return STEP_BACK[status] ?? null;
}

/**
 * Moves `c` back one step (a status set by mistake), with a reason. What the mistaken move filled
 * in is cleared: the approver (back from approved), the actual start (back from relocated), the
 * actual end (back from returned or onward exit). Pure.
 */
export function stepBack(
  c: Case,
  options: Pick<TransitionOptions, 'reason' | 'at'>,
): Result<TransitionResult, TransitionError> {
  const to = stepBackTarget(c.status);
  if (!to) return err({ code: 'no_step_back', status: c.status });
  if (typeof options.at !== 'string' || Number.isNaN(Date.parse(options.at)))
    return err({ code: 'bad_timestamp' });
  const reason = options.reason?.trim() ?? '';
  if (!reason) return err({ code: 'reason_required', to });
  const next: Case = {
    ...c,
    status: to,
    statusReason: reason,
    statusChangedAt: options.at,
    updatedAt: options.at,
  };
  if (c.status === 'approved') {
    next.approvedBy = null;
    next.approvedOn = null;
  }
  if (c.status === 'relocated') next.actualStart = null;
  if (c.status === 'returned' || c.status === 'onward_exit') next.actualEnd = null;
  return ok(resultOf(c, next, options.at));
}
