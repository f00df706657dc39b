/**
 * Records written by older code still open and validate today (issue 15: "a database left by the
 * previous schema version opens ... with nothing lost"). The IndexedDB schema has one version
 * (db.ts MIGRATIONS), so what changes between versions of the app is the records' shapes: hosts
 * gained a street address, legs their terminals, settings the review, budget and language fields.
 * fixtures/older-records/<commit>.json hold records exactly as the code of two older commits wrote
 * them (frozen; see fixtures/older-records.md). For each:
 *   - every record passes today's schema of its store and keeps every field it had;
 *   - sealed by a vault of that time (no schema of today's in the way), they open in today's vault
 *     (VAULT_SCHEMAS) exactly as written, with nothing damaged, and save again through today's
 *     validation;
 *   - a backup of them restores into a new vault of today (every record checked by the restore).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KDF_FLOOR,
  RECORD_STORES,
  VAULT_SCHEMAS,
  Vault,
  canonicalJson,
  createBackup,
  hasProblems,
  readBackup,
  restoreBackup,
  type AnyWriteOp,
  type EntityStore,
  type StoredRecord,
} from '../../../src/storage';
import { PASSPHRASE, newVault, uniqueDbName } from './helpers';

interface OlderRecords {
  commit: string;
  records: Partial<Record<EntityStore, StoredRecord[]>>;
}

const COMMITS = ['02948f1', 'cdb2fa8'];
const BACKUP_PASS = 'hazel quarry mitten orbit lagoon cipher';

function load(commit: string): OlderRecords {
  return JSON.parse(
    readFileSync(join(__dirname, 'fixtures', 'older-records', `${commit}.json`), 'utf8'),
  ) as OlderRecords;
}

function puts(records: OlderRecords['records']): AnyWriteOp[] {
  return Object.entries(records).flatMap(([store, list]) =>
    (list ?? []).map((value): AnyWriteOp => ({ op: 'put', store: store as EntityStore, value })),
  );
}

const sorted = (list: readonly StoredRecord[]) => list.map(canonicalJson).sort();

/** `parsed` holds every field of `old` with the same value (it may add defaults of its own). */
function expectKeeps(parsed: Record<string, unknown>, old: Record<string, unknown>): void {
  const kept = Object.fromEntries(Object.keys(old).map((k) => [k, parsed[k]]));
  expect(canonicalJson(kept)).toBe(canonicalJson(old));
}

describe.each(COMMITS)('records written by the code of commit %s', (commit) => {
  const fixture = load(commit);

  it('are records of the kinds whose shape changed since (hosts, legs, settings among them)', () => {
    expect(fixture.commit).toBe(commit);
    for (const store of ['cases', 'people', 'hosts', 'stays', 'legs', 'settings'] as const)
      expect(fixture.records[store]?.length, store).toBeGreaterThan(0);
    const host = fixture.records.hosts?.[0] ?? {};
    const leg = fixture.records.legs?.[0] ?? {};
    expect('address' in host).toBe(false);
    expect(Object.keys((leg as { from?: object }).from ?? {})).not.toContain('terminal');
    expect(Object.keys(fixture.records.settings?.[0] ?? {}).sort()).toEqual(
      ['autoLockMinutes', 'demo', 'id', 'kind'].sort(),
    );
  });

  it('Given each record, When checked against today’s schema of its store, Then it passes and keeps every field', () => {
    for (const [store, list] of Object.entries(fixture.records)) {
      for (const old of list ?? []) {
        const result = VAULT_SCHEMAS[store as EntityStore].safeParse(old);
        expect(result.error?.issues ?? [], `${store} ${old.id}`).toEqual([]);
        expectKeeps(result.data as Record<string, unknown>, old);
      }
    }
  });

  it('Given them sealed by a vault of that time, When opened by today’s vault, Then every record is there as written, nothing damaged, and each saves again', async () => {
    const dbName = uniqueDbName(`older-${commit}`);
    const old = new Vault({ dbName });
    await old.createVault(PASSPHRASE, { kdfParams: KDF_FLOOR });
    await old.transaction(puts(fixture.records));
    old.lock();

    const today = new Vault({ dbName, schemas: VAULT_SCHEMAS });
    const result = await today.unlock(PASSPHRASE);
    await today.whenLoaded();
    expect(result.tampered).toEqual([]);
    expect(hasProblems(today.damageReport())).toBe(false);
    for (const store of RECORD_STORES.filter((s) => s !== 'audit'))
      expect(sorted(today.list(store)), store).toEqual(sorted(fixture.records[store] ?? []));
    await expect(today.transaction(puts(fixture.records))).resolves.toBeUndefined();
    today.lock();
  });

  it('Given a backup of them, When restored into a new vault of today, Then the restore accepts every record', async () => {
    const { vault: source } = await newVault(`older-src-${commit}`);
    await source.transaction(puts(fixture.records));
    const file = await createBackup(source, BACKUP_PASS, { scryptWorkFactor: 10 });
    source.lock();

    const { vault: target } = await newVault(`older-dst-${commit}`, { schemas: VAULT_SCHEMAS });
    const plan = await readBackup(target, file, BACKUP_PASS, { maxScryptWorkFactor: 12 });
    const count = puts(fixture.records).length;
    expect(plan.summary.total - (plan.summary.counts.audit ?? 0)).toBe(count);
    await restoreBackup(target, plan, { mode: 'empty' });
    for (const store of RECORD_STORES.filter((s) => s !== 'audit')) {
      const got = target.list(store);
      expect(got.length, store).toBe(fixture.records[store]?.length ?? 0);
      for (const old of fixture.records[store] ?? [])
        expectKeeps(target.get(store, old.id) as Record<string, unknown>, old);
    }
    target.lock();
  });
});
