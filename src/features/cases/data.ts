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
import { newId, vault, type WriteOp } from '../../storage';
import { today } from '../../shared/ui/today';
import type { PlanningData } from './plan';

vault.repo<Case>('cases', CaseSchema);
vault.repo('extensions', ExtensionSchema);

/** Creates or updates a case from the form's input; returns its id. */
export async function saveCase(input: CaseInput, existing?: Case): Promise<string> {
  const now = isoInstant(Date.now());
  const id = existing?.id ?? newId();
  const value = existing
    ? { ...existing, ...input, id, updatedAt: now }
    : { ...input, id, createdAt: now, updatedAt: now };
  await vault.transaction([{ op: 'put', store: 'cases', value }]);
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

/** Records an approved extension (drafted and checked by the domain's `draftExtension`). */
export async function saveExtension(input: ExtensionInput): Promise<void> {
  const now = isoInstant(Date.now());
  await vault.transaction([
    {
      op: 'put',
      store: 'extensions',
      value: { ...input, id: newId(), createdAt: now, updatedAt: now },
    },
  ]);
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

/** What goes with a case when it is deleted, by store. */
export function caseDependents(
  caseId: string,
  data: PlanningData,
): Record<'people' | 'legs' | 'stays' | 'visas' | 'checkpoints' | 'extensions', number> {
  const n = (list: readonly { caseId: string }[]): number =>
    list.filter((r) => r.caseId === caseId).length;
  return {
    people: n(data.people),
    legs: n(data.legs),
    stays: n(data.stays),
    visas: n(data.visas),
    checkpoints: n(data.checkpoints),
    extensions: n(data.extensions),
  };
}

/** Deletes a case and every record that belongs to it, in one audited transaction. */
export async function deleteCase(caseId: string, data: PlanningData): Promise<void> {
  const ops: WriteOp[] = [];
  const add = (store: WriteOp['store'], list: readonly { id: string; caseId: string }[]): void => {
    for (const r of list) if (r.caseId === caseId) ops.push({ op: 'delete', store, id: r.id });
  };
  add('visas', data.visas);
  add('legs', data.legs);
  add('stays', data.stays);
  add('checkpoints', data.checkpoints);
  add('extensions', data.extensions);
  add('people', data.people);
  const budget = vault.list('budgetLines') as readonly { id: string; caseId?: unknown }[];
  for (const b of budget)
    if (b.caseId === caseId) ops.push({ op: 'delete', store: 'budgetLines', id: b.id });
  ops.push({ op: 'delete', store: 'cases', id: caseId });
  await vault.transaction(ops);
}
