/**
 * Known-answer fixture (security.md test 6): a vault written by format version 1 (committed raw,
 * in fixtures/vault-v1.json) still opens with its passphrase and with its recovery code, and yields
 * exactly the records it was written with. The rows are loaded through raw IndexedDB into a
 * database created the way schema version 1 created it, so this also checks that today's
 * migrations open data written by version 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RECORD_STORES,
  Vault,
  WrongSecretError,
  canonicalJson,
  type StoredRecord,
} from '../../../src/storage';
import { rawSnapshotExceptAttempts, rejectsWith, uniqueDbName } from './helpers';

interface Fixture {
  version: number;
  schemaVersion: number;
  passphrase: string;
  recoveryCode: string;
  expected: Record<string, StoredRecord[]>;
  rows: Record<string, Record<string, unknown>[]>;
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'vault-v1.json'), 'utf8'),
) as Fixture;

/** Creates the database exactly as schema version 1 did (Dexie stores version N as IndexedDB version N*10) and loads the raw rows. */
async function loadFixture(): Promise<string> {
  const name = uniqueDbName('fixture-v1');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, fixture.schemaVersion * 10);
    r.onupgradeneeded = () => {
      for (const store of Object.keys(fixture.rows))
        r.result.createObjectStore(store, { keyPath: 'id' });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction(Object.keys(fixture.rows), 'readwrite');
  for (const [store, rows] of Object.entries(fixture.rows)) {
    for (const row of rows) {
      tx.objectStore(store).put(
        store === 'meta'
          ? row
          : { ...row, c: new Uint8Array(Buffer.from(row.c as string, 'base64')) },
      );
    }
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return name;
}

const sorted = (list: readonly StoredRecord[]) => list.map(canonicalJson).sort();

describe('known-answer fixture: format version 1', () => {
  it('Given the v1 fixture, When unlocked with its passphrase, Then every store yields exactly the expected records and nothing is tampered', async () => {
    expect(fixture.version).toBe(1);
    const dbName = await loadFixture();
    const vault = new Vault({ dbName });
    const result = await vault.unlock(fixture.passphrase);
    expect(result.tampered).toEqual([]);
    for (const store of RECORD_STORES) {
      expect(sorted(vault.list(store)), store).toEqual(sorted(fixture.expected[store] ?? []));
    }
    expect(vault.repo('people').list()[0]!.legalName).toBe('Ана Ковальчук');
    const caseId = vault.repo('cases').list()[0]!.id;
    expect(vault.auditFor(caseId).map((a) => [a.action, a.fields])).toEqual([
      ['create', ['codeName', 'status', 'country', 'startDate']],
      ['update', ['status']],
    ]);
    vault.lock();
  });

  it('Given the v1 fixture, When a wrong passphrase is tried, Then it fails closed and the rows are unchanged', async () => {
    const dbName = await loadFixture();
    const before = await rawSnapshotExceptAttempts(dbName);
    await rejectsWith(new Vault({ dbName }).unlock(`${fixture.passphrase}x`), WrongSecretError);
    expect(await rawSnapshotExceptAttempts(dbName)).toBe(before);
  });

  it('Given the v1 fixture, When recovered with its recovery code, Then it opens with the same records', async () => {
    const dbName = await loadFixture();
    const vault = new Vault({ dbName });
    await vault.unlockWithRecoveryCode(
      fixture.recoveryCode,
      'amber tunnel violet harness cedar plume',
    );
    expect(sorted(vault.list('cases'))).toEqual(sorted(fixture.expected.cases!));
    vault.lock();
  });
});
