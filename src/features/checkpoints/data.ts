/**
 * Checkpoints: the repository (with its schema) and the writes of the reviews screens, each one
 * audited transaction: scheduling a case's reviews (on approval and whenever its dates change),
 * holding a review (its decision and the review that follows), adding one by hand, and approving
 * an extension together with what the coordinator chose to move with it.
 */
import {
  CheckpointSchema,
  type Case,
  type Checkpoint,
  type CheckpointInput,
  type Extension,
  type ExtensionInput,
} from '../../domain/entities';
import type { ExtensionEffects } from '../../domain/extension-plan';
import { scheduleChange, type ScheduleChange } from '../../domain/reviews';
import { isoInstant, type IsoDate } from '../../domain/time';
import { newId, vault, type WriteOp } from '../../storage';
import { currentSettings } from '../settings';

vault.repo<Checkpoint>('checkpoints', CheckpointSchema);

function stamp(): { createdAt: string; updatedAt: string } {
  const now = isoInstant(Date.now());
  return { createdAt: now, updatedAt: now };
}

function addOps(inputs: readonly CheckpointInput[]): WriteOp[] {
  const meta = stamp();
  return inputs.map((input): WriteOp => ({
    op: 'put',
    store: 'checkpoints',
    value: { ...CheckpointSchema.parse({ ...input, id: newId(), ...meta }) },
  }));
}

/** The writes that apply a schedule change (additions and removals). */
export function scheduleChangeOps(change: ScheduleChange): WriteOp[] {
  return [
    ...addOps(change.add),
    ...change.remove.map((cp): WriteOp => ({ op: 'delete', store: 'checkpoints', id: cp.id })),
  ];
}

/**
 * The writes that bring case `c` (as it is about to be saved) in step with its schedule, from the
 * vault's current checkpoints and extensions and the settings' template and schedule.
 */
export function scheduleOpsFor(c: Case, today: IsoDate): WriteOp[] {
  const checkpoints = (vault.list('checkpoints') as Checkpoint[]).filter(
    (cp) => cp.caseId === c.id,
  );
  const extensions = (vault.list('extensions') as Extension[]).filter((e) => e.caseId === c.id);
  const settings = currentSettings();
  return scheduleChangeOps(
    scheduleChange(c, extensions, checkpoints, today, {
      defaults: settings.reviewSchedule,
      template: settings.reviewCriteria,
    }),
  );
}

/** Sets the case's own interval between periodic reviews (null: the default) and reschedules. */
export async function saveCaseInterval(
  c: Case,
  days: number | null,
  today: IsoDate,
): Promise<void> {
  const next: Case = { ...c, reviewEveryDays: days, updatedAt: isoInstant(Date.now()) };
  await vault.transaction([
    { op: 'put', store: 'cases', value: next },
    ...scheduleOpsFor(next, today),
  ]);
}

export async function addCheckpoints(inputs: readonly CheckpointInput[]): Promise<void> {
  await vault.transaction(addOps(inputs));
}

/** Saves a held review (or its draft) and, when a decision creates one, the review that follows. */
export async function saveReview(
  cp: Checkpoint,
  input: CheckpointInput,
  next: CheckpointInput | null,
): Promise<void> {
  const now = isoInstant(Date.now());
  const value = CheckpointSchema.parse({ ...cp, ...input, id: cp.id, updatedAt: now });
  await vault.transaction([
    { op: 'put', store: 'checkpoints', value },
    ...(next ? addOps([next]) : []),
  ]);
}

export async function deleteCheckpoint(id: string): Promise<void> {
  await vault.transaction([{ op: 'delete', store: 'checkpoints', id }]);
}

/** The extension and everything the coordinator chose to move with it, in one transaction. */
export async function approveExtension(
  input: ExtensionInput,
  effects: ExtensionEffects,
): Promise<void> {
  const now = isoInstant(Date.now());
  await vault.transaction([
    { op: 'put', store: 'extensions', value: { ...input, id: newId(), ...stamp() } },
    ...effects.stays.map((s): WriteOp => ({
      op: 'put',
      store: 'stays',
      value: { ...s, updatedAt: now },
    })),
    ...effects.legs.map((l): WriteOp => ({
      op: 'put',
      store: 'legs',
      value: { ...l, updatedAt: now },
    })),
    ...scheduleChangeOps(effects.checkpoints),
  ]);
}
