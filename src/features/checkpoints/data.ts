/** Checkpoints: the repository (with its schema) and scheduling the reviews of a case from the domain's schedule. */
import { CheckpointSchema, type Checkpoint, type CheckpointInput } from '../../domain/entities';
import { isoInstant } from '../../domain/time';
import { newRecordOp, vault } from '../../storage';

vault.repo<Checkpoint>('checkpoints', CheckpointSchema);

export async function addCheckpoints(inputs: readonly CheckpointInput[]): Promise<void> {
  const now = isoInstant(Date.now());
  await vault.transaction(inputs.map((input) => newRecordOp('checkpoints', input, now)));
}
