/**
 * Writes that can be undone: `commitRestorable` remembers, in memory only, every record the write
 * touches as it was before (nothing is stored anywhere else), commits the write, and returns the
 * function that puts them back as they were (records the write created are deleted again), in one
 * transaction audited as "restore". Used for "Undo" after a deletion and its cascade.
 */
import { vault } from './instance';
import type { EntityStore } from './db';
import type { StoredRecord } from './repository';
import type { Vault } from './vault';
import type { AnyWriteOp } from './writes';

export type Restore = () => Promise<void>;

export async function commitRestorable(
  ops: readonly AnyWriteOp[],
  on: Vault = vault,
): Promise<Restore> {
  const before = new Map<
    string,
    { store: EntityStore; id: string; value: StoredRecord | undefined }
  >();
  for (const op of ops) {
    const id = op.op === 'put' ? op.value.id : op.id;
    const key = `${op.store}:${id}`;
    if (!before.has(key)) before.set(key, { store: op.store, id, value: on.get(op.store, id) });
  }
  await on.transaction(ops);
  return async () => {
    const back: AnyWriteOp[] = [];
    for (const { store, id, value } of before.values())
      back.push(value ? { op: 'put', store, value } : { op: 'delete', store, id });
    await on.transaction(back, { auditAction: 'restore' });
  };
}
