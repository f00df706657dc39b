/**
 * Bulk records and per-record digests for the SIGKILL tests (tests/e2e/kill.spec.ts): thousands
 * of valid cases, people and budget lines written in one transaction, and a digest of every
 * record of every store, so that a test can tell "exactly the state before", "exactly the state
 * after" and "something in between" apart after a restart.
 */
import {
  KDF_FLOOR,
  RECORD_STORES,
  canonicalJson,
  hasProblems,
  newId,
  vault,
  type AnyWriteOp,
} from '../../../src/storage';
import { canaryRecords } from './canaries';

export interface BulkSize {
  cases: number;
  /** People per case (the first one the principal). */
  people: number;
  /** Budget lines per case. */
  lines: number;
}

const AT = '2026-11-02T09:00:00.000Z';
const CATEGORIES = ['accommodation', 'travel', 'legal', 'visa', 'communications'] as const;

/** Valid cases with their people and budget lines (references consistent, as a restore checks). */
export function bulkOps(tag: string, size: BulkSize): AnyWriteOp[] {
  const meta = { createdAt: AT, updatedAt: AT };
  const ops: AnyWriteOp[] = [];
  for (let c = 0; c < size.cases; c++) {
    const caseId = newId();
    ops.push({
      op: 'put',
      store: 'cases',
      value: {
        id: caseId,
        codeName: `${tag} ${c + 1}`,
        status: 'planning',
        referralSource: 'defender',
        riskLevel: 'medium',
        plannedStart: '2027-03-01',
        plannedEnd: '2027-04-30',
        reportingCurrency: 'EUR',
        funder: 'Lifeline Fund',
        grantCode: `LF-${c}`,
        ...meta,
      },
    });
    for (let p = 0; p < size.people; p++) {
      ops.push({
        op: 'put',
        store: 'people',
        value: {
          id: newId(),
          caseId,
          codeName: `${tag} ${c + 1}.${p + 1}`,
          legalName: `Legal ${tag} ${c + 1}.${p + 1}`,
          ...(p === 0
            ? { role: 'principal', relationship: 'self', dateOfBirth: '1982-02-03' }
            : { role: 'dependant', relationship: 'child', dateOfBirth: '2015-06-07' }),
          ...meta,
        },
      });
    }
    for (let l = 0; l < size.lines; l++) {
      ops.push({
        op: 'put',
        store: 'budgetLines',
        value: {
          id: newId(),
          caseId,
          category: CATEGORIES[l % CATEGORIES.length] ?? 'legal',
          description: `${tag} line ${c + 1}.${l + 1}`,
          quantity: 1 + (l % 3),
          unitAmount: 1000 + 37 * l,
          currency: 'EUR',
          kind: 'planned',
          date: '2027-03-15',
          payee: 'Payee',
          funder: 'Lifeline Fund',
          grantCode: `LF-${c}`,
          origin: 'manual',
          ...meta,
        },
      });
    }
  }
  return ops;
}

/** A new vault: one canary record per store (references kept) and `size` bulk records, locked. */
export async function seedBulk(passphrase: string, tag: string, size: BulkSize): Promise<number> {
  await vault.createVault(passphrase, { kdfParams: KDF_FLOOR });
  const { records } = canaryRecords(tag, newId, true);
  const ops: AnyWriteOp[] = [
    ...records.map(({ store, record }): AnyWriteOp => ({ op: 'put', store, value: record })),
    ...bulkOps(tag, size),
  ];
  await vault.transaction(ops);
  vault.lock();
  return ops.length;
}

/** Adds `size` bulk records to the existing vault (unlocks, writes once, locks). */
export async function addBulk(passphrase: string, tag: string, size: BulkSize): Promise<number> {
  await vault.unlock(passphrase);
  try {
    await vault.whenLoaded();
    const ops = bulkOps(tag, size);
    await vault.transaction(ops);
    return ops.length;
  } finally {
    vault.lock();
  }
}

/** Every record of every store (audit trail and settings included), by store and id. */
export interface Digests {
  /** store → id → the first 16 hex digits of the SHA-256 of the record's canonical JSON. */
  stores: Record<string, Record<string, string>>;
  /** Whether the integrity check found damaged rows, changed stores or a bad manifest. */
  problems: boolean;
  /** Descriptions of the actual-expense budget lines (what an import of actuals adds). */
  actuals: string[];
}

/** Unlocks, digests every record, locks again. */
export async function digestAll(passphrase: string): Promise<Digests> {
  const sha = async (text: string): Promise<string> => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest).subarray(0, 8)]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
  };
  await vault.unlock(passphrase);
  try {
    await vault.whenLoaded();
    const stores: Digests['stores'] = {};
    for (const store of RECORD_STORES) {
      const byId: Record<string, string> = {};
      for (const record of vault.list(store)) byId[record.id] = await sha(canonicalJson(record));
      stores[store] = byId;
    }
    const actuals = vault
      .list('budgetLines')
      .filter((l) => (l as { kind?: string }).kind === 'actual')
      .map((l) => String((l as { description?: string }).description))
      .sort();
    return { stores, problems: hasProblems(vault.damageReport()), actuals };
  } finally {
    vault.lock();
  }
}

/** Whether `passphrase` unlocks the vault ("unlocked", locked again) or the error's name. */
export async function tryUnlock(passphrase: string): Promise<string> {
  try {
    await vault.unlock(passphrase);
    vault.lock();
    return 'unlocked';
  } catch (e) {
    return e instanceof Error ? e.name : String(e);
  }
}
