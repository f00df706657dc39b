/**
 * Case records: the repository of the `cases` store (with its schema, so storage validates every
 * write) and the writes of the case screens. Every write goes through the vault, which seals the
 * record and stores an audit event naming the changed fields.
 */
import {
  CaseSchema,
  ExtensionSchema,
  type Case,
  type CaseInput,
  type CaseStatus,
} from '../../domain/entities';
import {
  stepBack,
  transition,
  transitionErrorMessage,
  type TransitionError,
} from '../../domain/lifecycle';
import { isoInstant } from '../../domain/time';
import { newId, vault } from '../../storage';
import { today } from '../../shared/ui/today';
import { caseCascade, type PlanningData } from '../../domain/planning';
import { scheduleOpsFor } from '../checkpoints';

/** The fields the review schedule follows: a change to one reschedules the undecided reviews. */
const SCHEDULE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'reviewEveryDays'] as const;

function scheduleMoved(before: Case | undefined, after: Case): boolean {
  return !before || SCHEDULE_FIELDS.some((f) => before[f] !== after[f]);
}

vault.repo<Case>('cases', CaseSchema);
vault.repo('extensions', ExtensionSchema);

/** Creates or updates a case from the form's input; returns its id. */
export async function saveCase(input: CaseInput, existing?: Case): Promise<string> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  const parsed = CaseSchema.safeParse(value);
  const schedule =
    existing && parsed.success && scheduleMoved(existing, parsed.data)
      ? scheduleOpsFor(parsed.data, today())
      : [];
  await vault.transaction([{ op: 'put', store: 'cases', value }, ...schedule]);
  return id;
}

export interface TransitionAsk {
  reason?: string;
  approvedBy?: string;
  /** The day the travellers arrived (moving to relocated). */
  arrivalDate?: string;
}

/** Why a move was refused: the domain's reason (with its details) and its English message. */
export type MoveRefusal = TransitionError & { readonly message: string };

/** Moves a case through the lifecycle; says why when the move is refused. */
export async function moveCase(
  c: Case,
  to: CaseStatus,
  ask: TransitionAsk,
): Promise<MoveRefusal | null> {
  const r = transition(c, to, { ...ask, at: isoInstant(Date.now()), on: today() });
  if (!r.ok) return { ...r.error, message: transitionErrorMessage(r.error) };
  // Approval schedules the reviews; the arrival date (relocated) moves them to the actual start.
  const schedule =
    to === 'approved' || scheduleMoved(c, r.value.case)
      ? scheduleOpsFor(r.value.case, today())
      : [];
  await vault.transaction([{ op: 'put', store: 'cases', value: r.value.case }], {
    auditAction: 'transition',
  });
  // Its own transaction, so the reviews are audited as created, not as a status change; if it
  // fails, the Checkpoints tab still offers "Schedule reviews".
  if (schedule.length > 0) await vault.transaction(schedule);
  return null;
}

/** Moves a case back one step (a status set by mistake), with a reason; says why when refused. */
export async function moveCaseBack(c: Case, reason: string): Promise<MoveRefusal | null> {
  const r = stepBack(c, { reason, at: isoInstant(Date.now()) });
  if (!r.ok) return { ...r.error, message: transitionErrorMessage(r.error) };
  await vault.transaction([{ op: 'put', store: 'cases', value: r.value.case }], {
    auditAction: 'transition',
  });
  return null;
}

/** Deletes a case and every record that belongs to it (the domain's cascade), in one audited transaction. */
export async function deleteCase(caseId: string, data: PlanningData): Promise<void> {
  await vault.transaction(caseCascade(caseId, data));
}
