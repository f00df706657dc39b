/**
 * The audit trail: one sealed row per write transaction in the "audit" store, naming the changed
 * records and the NAMES of their changed fields, never values. This module groups a write's
 * entries into that row and indexes the rows for History (by record, and deletions by case).
 */
import { newRecordId } from './crypto/bytes';
import type { StoredRecord } from './repository';

export type AuditAction = 'create' | 'update' | 'delete' | (string & {});

/** One audited change: which record, what kind of change, the NAMES of the changed fields (never values). */
export interface AuditEvent {
  /** Id of the sealed audit row that holds this event. */
  id: string;
  /** ISO 8601 time of the write. */
  at: string;
  store: string;
  entityId: string;
  action: AuditAction;
  fields: string[];
  /** For a deleted record that belonged to a case: that case's id (so its History can show it). */
  caseId?: string;
}

/** One audited change, as the writer describes it. */
export interface AuditEntry {
  store: string;
  entityId: string;
  action: AuditAction;
  fields: string[];
  caseId?: string;
}

/**
 * The shape of a sealed audit row: one per write transaction. Changes with the same store, action
 * and field names are grouped (a bulk import of 50,000 records is one group, not 50,000 copies
 * of the same field list).
 */
export interface AuditRow {
  id: string;
  at: string;
  groups: {
    store: string;
    action: AuditAction;
    fields: string[];
    entityIds: string[];
    /** Deletes only: the case the deleted records belonged to (an id, never a value). */
    caseId?: string;
  }[];
  /** Set on every row written since the integrity manifest exists (see integrity.ts). */
  m?: 1;
}

type AuditGroup = AuditRow['groups'][number];

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Collects audit entries into groups that share store, action and fields (order of first
 * appearance kept). A bulk write repeats one group many times in a row, so the last group is
 * tried first, without building a key.
 */
export class AuditGrouper {
  private readonly groups = new Map<string, AuditGroup>();
  private last: AuditGroup | null = null;
  add(
    store: string,
    action: AuditAction,
    fields: string[],
    entityId: string,
    caseId?: string,
  ): void {
    let g = this.last;
    if (
      !g ||
      g.store !== store ||
      g.action !== action ||
      g.caseId !== caseId ||
      !sameFields(g.fields, fields)
    ) {
      const k = `${store}\u0000${action}\u0000${caseId ?? ''}\u0000${fields.join('\u0000')}`;
      g = this.groups.get(k) ?? null;
      if (!g) {
        g = caseId
          ? { store, action, fields, entityIds: [], caseId }
          : { store, action, fields, entityIds: [] };
        this.groups.set(k, g);
      }
      this.last = g;
    }
    g.entityIds.push(entityId);
  }
  result(): AuditGroup[] {
    return [...this.groups.values()];
  }
}

/** Groups audit entries that share store, action and fields (order of first appearance kept). */
export function groupAuditEntries(entries: readonly AuditEntry[]): AuditRow['groups'] {
  const grouper = new AuditGrouper();
  for (const e of entries) grouper.add(e.store, e.action, e.fields, e.entityId, e.caseId);
  return grouper.result();
}

/** A new audit row holding `groups`, written at `nowMs`. */
export function auditRowOf(groups: AuditRow['groups'], nowMs: number): AuditRow {
  return { id: newRecordId(), at: new Date(nowMs).toISOString(), groups, m: 1 };
}

/** Names of the top-level fields that differ between two versions of a record (never their values). */
export function changedFields(
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): string[] {
  if (!after) return [];
  if (!before) {
    const out: string[] = [];
    for (const k in after) if (k !== 'id' && Object.hasOwn(after, k)) out.push(k);
    return out;
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const k of keys) {
    if (k === 'id') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out.push(k);
  }
  return out;
}

function push(m: Map<string, AuditEvent[]>, k: string, e: AuditEvent): void {
  let list = m.get(k);
  if (!list) {
    list = [];
    m.set(k, list);
  }
  list.push(e);
}

const byTime = (x: AuditEvent, y: AuditEvent): number => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0);

/** Copies of the events, so a caller cannot change the index. */
function copies(list: readonly AuditEvent[] | undefined): AuditEvent[] {
  return (list ?? []).map((e) => ({ ...e, fields: [...e.fields] }));
}

/**
 * The audit rows indexed by record and, for deletes, by the case the deleted record belonged to
 * (its History still shows them). Built from the audit store on first use, dropped on change.
 */
export class AuditIndex {
  private byEntity = new Map<string, AuditEvent[]>();
  private deletions = new Map<string, AuditEvent[]>();
  private built = false;

  constructor(private readonly rows: () => readonly StoredRecord[]) {}

  /** Forgets the index (the audit store changed, or the vault locked). */
  reset(): void {
    this.built = false;
    this.byEntity = new Map();
    this.deletions = new Map();
  }

  /** The audit trail of one record, oldest first. */
  eventsOf(entityId: string): AuditEvent[] {
    this.build();
    return copies(this.byEntity.get(entityId));
  }

  /** Delete events of records that belonged to case `caseId`, oldest first. */
  deletionsIn(caseId: string): AuditEvent[] {
    this.build();
    return copies(this.deletions.get(caseId));
  }

  private build(): void {
    if (this.built) return;
    const index = new Map<string, AuditEvent[]>();
    const deletions = new Map<string, AuditEvent[]>();
    for (const row of this.rows()) {
      const a = row as unknown as AuditRow;
      for (const g of a.groups ?? []) {
        for (const id of g.entityIds) {
          const e: AuditEvent = {
            id: a.id,
            at: a.at,
            store: g.store,
            entityId: id,
            action: g.action,
            fields: g.fields,
          };
          if (typeof g.caseId === 'string') e.caseId = g.caseId;
          push(index, id, e);
          if (e.caseId && g.action === 'delete') push(deletions, e.caseId, e);
        }
      }
    }
    for (const list of index.values()) list.sort(byTime);
    for (const list of deletions.values()) list.sort(byTime);
    this.byEntity = index;
    this.deletions = deletions;
    this.built = true;
  }
}
