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
  type ExtensionInput,
} from '../../domain/entities';
import {
  stepBack,
  transition,
  transitionErrorMessage,
  type TransitionError,
} from '../../domain/lifecycle';
import { isoInstant } from '../../domain/time';
import { saveRecord, vault } from '../../storage';
import { today } from '../../shared/ui/today';
import { caseCascade, type PlanningData } from '../../domain/planning';

vault.repo<Case>('cases', CaseSchema);
vault.repo('extensions', ExtensionSchema);

/** Creates or updates a case from the form's input; returns its id. */
export function saveCase(input: CaseInput, existing?: Case): Promise<string> {
  return saveRecord('cases', input, existing);
}

export interface TransitionAsk {
  reason?: string;
  approvedBy?: string;
  /** The day the travellers arrived (moving to relocated). */
  arrivalDate?: string;
}

/** Why a move was refused: the domain's reason (with its details) and its English message. */
export type MoveRefusal = TransitionError & { readonly message: string };

/** Records an approved extension (drafted and checked by the domain's `draftExtension`). */
export async function saveExtension(input: ExtensionInput): Promise<void> {
  await saveRecord('extensions', input);
}

/** Moves a case through the lifecycle; says why when the move is refused. */
export async function moveCase(
  c: Case,
  to: CaseStatus,
  ask: TransitionAsk,
): Promise<MoveRefusal | null> {
  const r = transition(c, to, { ...ask, at: isoInstant(Date.now()), on: today() });
  if (!r.ok) return { ...r.error, message: transitionErrorMessage(r.error) };
  await vault.transaction([{ op: 'put', store: 'cases', value: r.value.case }], {
    auditAction: 'transition',
  });
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
