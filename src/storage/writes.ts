/**
 * The three writes of an unlocked session, each sealed first (WebCrypto outside any transaction),
 * then written with one sealed audit row and the integrity manifest in a single Dexie
 * transaction; the cache changes only after the commit:
 *   - commitOps: the features' writes (puts and deletes, audited per record);
 *   - writeRecords: a restore's rows, merged into many stores at once (audited as one entry);
 *   - settleDamage: the coordinator's decision about damaged rows.
 */
import type { z } from 'zod';
import type { EntityOf, EntityWriteOp } from '../domain/entities/stores';
import type { EntityStoreName } from '../domain/entities/store-names';
import { isRecordId } from './crypto/bytes';
import { seal, sealJsonBatch, type SealedRow } from './crypto/seal';
import { RecordValidationError } from './errors';
import { hasProblems } from './integrity';
import { AuditGrouper, auditRowOf, changedFields, type AuditAction, type AuditRow } from './audit';
import type { StoredRecord } from './repository';
import { serialise, type Serialised } from './serialise';
import type { Session, StoreRows } from './session';
import { RECORD_STORES, type EntityStore, type RecordStore } from './stores';

/** One change in a write, for any store and any record (checked against the vault's schemas). */
export type AnyWriteOp =
  | { op: 'put'; store: EntityStore; value: StoredRecord }
  | { op: 'delete'; store: EntityStore; id: string };

/** The record type a store holds: the domain's entity for an entity store, any record otherwise. */
export type RecordOf<S extends EntityStore> = S extends EntityStoreName
  ? EntityOf<S>
  : StoredRecord;

/** One typed change in a write: a put carries the store's entity (`EntityOf<S>`), a delete its id. */
export type WriteOp<S extends EntityStore = EntityStore> = S extends EntityStoreName
  ? EntityWriteOp<S>
  : S extends EntityStore
    ? { op: 'put'; store: S; value: StoredRecord } | { op: 'delete'; store: S; id: string }
    : never;

/** What a write needs from the vault around the session. */
export interface WriteContext {
  session: Session;
  schemaOf(store: RecordStore): z.ZodType | undefined;
  now(): number;
  /** Throws LockedError when the vault no longer runs `session`. */
  stillOpen(): void;
  isOpen(): boolean;
  /**
   * These stores changed in memory, together: every snapshot is dropped before anyone is told,
   * so a listener reading several of them sees the whole write.
   */
  changed(stores: readonly RecordStore[]): void;
  damageChanged(): void;
}

const ENTITY_STORE_SET: ReadonlySet<string> = new Set(RECORD_STORES.filter((s) => s !== 'audit'));

/** Seals an audit row the vault wrote, after checking it against the audit schema. */
function sealAudit(ctx: WriteContext, row: AuditRow): Promise<SealedRow> {
  const schema = ctx.schemaOf('audit');
  if (schema) serialise('audit', row as unknown as StoredRecord, schema);
  return seal(ctx.session.recordKey, row, 'audit', row.id);
}

/** Copies of `ops` detached from the caller's objects (for a write that has to wait). */
export function detachedOps(ops: readonly AnyWriteOp[]): AnyWriteOp[] {
  return ops.map((op) =>
    op.op === 'put' ? { ...op, value: JSON.parse(JSON.stringify(op.value)) as StoredRecord } : op,
  );
}

/** What one op adds to the audit row. */
interface AuditEntry {
  store: EntityStore;
  action: AuditAction;
  fields: string[];
  id: string;
  caseId?: string;
}

/**
 * Validates one op of `store` and records its outcome in `m`, the store's final states so far
 * (id -> serialised record, or null for a delete); returns its audit entry.
 */
function finalOf(
  ctx: WriteContext,
  store: EntityStore,
  op: AnyWriteOp,
  m: Map<string, Serialised | null>,
  auditAction: AuditAction | undefined,
): AuditEntry {
  const s = ctx.session;
  if (op.op === 'put') {
    const v = serialise(store, op.value, ctx.schemaOf(store));
    const id = v.value.id;
    const earlier = m.get(id);
    const before = earlier !== undefined ? (earlier?.value ?? undefined) : s.cacheOf(store).get(id);
    m.set(id, v);
    const action = auditAction ?? (before ? 'update' : 'create');
    return { store, action, fields: changedFields(before, v.value), id };
  }
  if (!isRecordId(op.id)) throw new RecordValidationError(`Invalid record id for ${store}.`);
  // The case a deleted record belonged to (its id, not a value) keeps the deletion in that
  // case's History after the record is gone.
  const gone = s.cacheOf(store).get(op.id) as { caseId?: unknown } | undefined;
  m.set(op.id, null);
  const caseId = typeof gone?.caseId === 'string' ? gone.caseId : undefined;
  return { store, action: auditAction ?? 'delete', fields: [], id: op.id, caseId };
}

/** Puts and deletes of many stores, atomically, with one audit row. */
export async function commitOps(
  ctx: WriteContext,
  ops: readonly AnyWriteOp[],
  auditAction: AuditAction | undefined,
): Promise<void> {
  const s = ctx.session;
  if (ops.length === 0) return;
  // The ops of each store, in order (a store's final states depend on its own ops only).
  const byStore = new Map<EntityStore, number[]>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as AnyWriteOp;
    if (!ENTITY_STORE_SET.has(op.store)) {
      throw new RecordValidationError(`"${op.store}" is not a writable record store.`);
    }
    let list = byStore.get(op.store);
    if (!list) byStore.set(op.store, (list = []));
    list.push(i);
  }
  // Store by store: the final state of every touched record (a later op on the same id wins),
  // validated and serialised once, then that store's rows are sealed at once, so WebCrypto
  // encrypts one store while the next is validated. Sealing has no effect until the write, so
  // a validation error later on just drops it. The error thrown is the first op's in op order.
  const audits: AuditEntry[] = new Array<AuditEntry>(ops.length);
  const plan: { store: EntityStore; written: Serialised[]; deletes: string[] }[] = [];
  const sealing: Promise<SealedRow[]>[] = [];
  let failed: { at: number; error: unknown } | null = null;
  for (const [store, indices] of byStore) {
    const m = new Map<string, Serialised | null>();
    for (const i of indices) {
      if (failed && failed.at < i) break;
      try {
        audits[i] = finalOf(ctx, store, ops[i] as AnyWriteOp, m, auditAction);
      } catch (error) {
        failed = { at: i, error };
        break;
      }
    }
    if (failed) continue;
    const ids: string[] = [];
    const jsons: string[] = [];
    const written: Serialised[] = [];
    const deletes: string[] = [];
    for (const [id, v] of m) {
      if (v) {
        ids.push(id);
        jsons.push(v.json);
        written.push(v);
      } else deletes.push(id);
    }
    plan.push({ store, written, deletes });
    sealing.push(sealJsonBatch(s.recordKey, store, ids, jsons));
  }
  if (failed) {
    for (const p of sealing) p.catch(() => undefined);
    throw failed.error;
  }
  // One audit entry per op, in op order.
  const audit = new AuditGrouper();
  for (let i = 0; i < ops.length; i++) {
    const e = audits[i] as AuditEntry;
    audit.add(e.store, e.action, e.fields, e.id, e.caseId);
  }
  const auditRow = auditRowOf(audit.result(), ctx.now());
  const [sealedAudit, ...sealedPuts] = await Promise.all([sealAudit(ctx, auditRow), ...sealing]);
  ctx.stillOpen();
  const storeNames = [...new Set<RecordStore>([...plan.map((p) => p.store), 'audit'])];
  const changes: StoreRows[] = plan.map((p, i) => ({
    store: p.store,
    puts: sealedPuts[i] ?? [],
    deletes: p.deletes,
  }));
  changes.push({ store: 'audit', puts: [sealedAudit], deletes: [] });
  await s.withManifest(changes, undefined, ctx.stillOpen, (manifestRow) =>
    s.db.transaction('rw', storeNames, async () => {
      const requests: Promise<unknown>[] = [];
      for (const [i, p] of plan.entries()) {
        const t = s.db.table(p.store);
        const puts = sealedPuts[i] ?? [];
        if (p.deletes.length) requests.push(t.bulkDelete(p.deletes));
        if (puts.length) requests.push(t.bulkPut(puts));
      }
      requests.push(s.db.table('audit').bulkPut([sealedAudit, manifestRow]));
      await Promise.all(requests);
    }),
  );
  if (!ctx.isOpen()) return; // locked during the write: the data is on disk, the cache is gone
  // The cache keeps exactly the JSON text that was sealed (see RecordCache).
  for (const p of plan) {
    const cache = s.cacheOf(p.store);
    const bad = s.tampered.get(p.store);
    for (const v of p.written) {
      bad?.delete(v.value.id);
      cache.setSealedJson(v.value.id, v.json);
    }
    for (const id of p.deletes) {
      bad?.delete(id);
      cache.delete(id);
    }
  }
  s.keepAudit(auditRow);
  ctx.changed(storeNames);
}

/** Puts (replaces or merges) rows of many stores in one transaction, `auditRow` among them. */
export async function writeRecords(
  ctx: WriteContext,
  records: Partial<Record<RecordStore, readonly StoredRecord[]>>,
  auditRow: AuditRow,
): Promise<void> {
  const s = ctx.session;
  const values = new Map<RecordStore, Serialised[]>();
  for (const store of RECORD_STORES) {
    const schema = ctx.schemaOf(store);
    const list = (records[store] ?? []).map((v) => serialise(store, v, schema));
    if (store === 'audit')
      list.push(serialise('audit', auditRow as unknown as StoredRecord, schema));
    if (list.length) values.set(store, list);
  }
  const stores = [...values.keys()];
  const sealed = await Promise.all(
    stores.map((store) => {
      const list = values.get(store) ?? [];
      const ids = list.map((v) => v.value.id);
      return sealJsonBatch(
        s.recordKey,
        store,
        ids,
        list.map((v) => v.json),
      );
    }),
  );
  ctx.stillOpen();
  const changes = stores.map((store, i) => ({ store, puts: sealed[i] ?? [], deletes: [] }));
  const txStores = [...new Set<RecordStore>([...stores, 'audit'])];
  await s.withManifest(changes, undefined, ctx.stillOpen, (manifestRow) =>
    s.db.transaction('rw', txStores, () =>
      Promise.all([
        ...stores.map((store, i) => s.db.table(store).bulkPut(sealed[i] ?? [])),
        s.db.table('audit').put(manifestRow),
      ]),
    ),
  );
  if (!ctx.isOpen()) return;
  for (const [store, list] of values) {
    const cache = s.cacheOf(store);
    for (const v of list) {
      cache.setSealedJson(v.value.id, v.json);
      s.tampered.get(store)?.delete(v.value.id);
    }
  }
  ctx.changed([...values.keys()]);
}

/**
 * Keeps the damaged rows quarantined or deletes them (audited), and accepts the stores as they
 * are now. Recorded in the sealed manifest and the audit trail.
 */
export async function settleDamage(ctx: WriteContext, decide: 'keep' | 'delete'): Promise<void> {
  const s = ctx.session;
  const report = s.integrity.current();
  if (!hasProblems(report)) return;
  const deletes = decide === 'delete' ? report.damaged : [];
  const action = decide === 'delete' ? 'delete-damaged' : 'quarantine-damaged';
  const auditRow = auditRowOf(
    report.damaged.map((d) => ({ store: d.store, action, fields: [], entityIds: d.ids })),
    ctx.now(),
  );
  const sealedAudit = await sealAudit(ctx, auditRow);
  ctx.stillOpen();
  const changes: StoreRows[] = deletes.map((d) => ({ store: d.store, puts: [], deletes: d.ids }));
  changes.push({ store: 'audit', puts: [sealedAudit], deletes: [] });
  const stores = [...new Set<RecordStore>([...deletes.map((d) => d.store), 'audit'])];
  await s.withManifest(changes, decide, ctx.stillOpen, (manifestRow) =>
    s.db.transaction('rw', stores, () =>
      Promise.all([
        ...deletes.map((d) => s.db.table(d.store).bulkDelete(d.ids)),
        s.db.table('audit').bulkPut([sealedAudit, manifestRow]),
      ]),
    ),
  );
  if (!ctx.isOpen()) return;
  for (const d of deletes) for (const id of d.ids) s.tampered.get(d.store)?.delete(id);
  s.keepAudit(auditRow);
  ctx.changed([...new Set<RecordStore>(['audit', ...deletes.map((d) => d.store)])]);
  ctx.damageChanged();
}
