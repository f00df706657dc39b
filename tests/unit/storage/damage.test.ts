/**
 * Damaged data is seen, not hidden (issue 9): a row that fails its integrity check, a row put
 * back to an older valid copy, and a removed row are all reported after unlock by store and
 * count; the coordinator keeps damaged rows quarantined (backups then carry them sealed or leave
 * them out) or deletes them; backup and key rotation refuse with a clear reason until then.
 */
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  DamagedDataError,
  createBackup,
  newId,
  readBackup,
  type StoredRecord,
  type Vault,
} from '../../../src/storage';
import { backupPortOf } from '../../../src/storage/backup-port';
import { validRecords } from './records';
import { PASSPHRASE, newVault, rawDelete, rawDump, rawGet, rawPut, rejectsWith } from './helpers';

type Row = { id: string; v: number; c: Uint8Array };
const BACKUP_PASS = 'harbor copper meadow signal ember quiver';
const WF = 10;

async function vaultWithCases(prefix: string, n = 4) {
  const made = await newVault(prefix);
  const records = validRecords(n);
  const cases: StoredRecord[] = records.cases;
  await made.vault.repo('cases').bulkPut(cases);
  await made.vault.repo('people').put(records.people[0]!);
  return { ...made, cases };
}

async function reopen(vault: Vault): Promise<void> {
  vault.lock();
  await vault.unlock(PASSPHRASE);
}

async function flipByte(dbName: string, store: string, id: string): Promise<void> {
  const row = await rawGet<Row>(dbName, store, id);
  const c = new Uint8Array(row.c);
  c[20]! ^= 0x01;
  await rawPut(dbName, store, { ...row, c });
}

describe('damaged rows', () => {
  it('Given a case row with a flipped byte, When unlocked, Then the report names 1 damaged case, and backup and rotation refuse with a reason', async () => {
    const { vault, dbName, cases } = await vaultWithCases('damage-report');
    vault.lock();
    await flipByte(dbName, 'cases', cases[1]!.id);
    await vault.unlock(PASSPHRASE);
    const report = vault.damageReport();
    expect(report.damaged).toEqual([{ store: 'cases', ids: [cases[1]!.id] }]);
    expect(report.decision).toBe('pending');
    expect(report.changed).toEqual([]);
    const backupErr = await rejectsWith(createBackup(vault, BACKUP_PASS), BackupError);
    expect(backupErr.reason).toBe('tampered-vault');
    expect(backupErr.i18n?.key).toBe('integrity.backup.undecided');
    const rotateErr = await rejectsWith(vault.rotateKey(PASSPHRASE), DamagedDataError);
    expect(rotateErr.reason).toBe('rotate-damaged');
    expect(rotateErr.message).toContain('Delete them first');
    // The row is still on disk (nothing was dropped by the refusals).
    expect(await rawGet(dbName, 'cases', cases[1]!.id)).toBeDefined();
    vault.lock();
  });

  it('Given damaged rows kept quarantined, When backing up, Then a choice is required; "include sealed" carries the row opaque, "leave out" omits it; the decision survives a reload', async () => {
    const { vault, dbName, cases } = await vaultWithCases('damage-keep');
    vault.lock();
    // cases[0] has a person pointing to it; cases[1] has none.
    await flipByte(dbName, 'cases', cases[0]!.id);
    await flipByte(dbName, 'cases', cases[1]!.id);
    await vault.unlock(PASSPHRASE);
    await vault.keepDamaged();
    expect(vault.damageReport().decision).toBe('kept');
    // The rest of the vault works.
    await vault.repo('cases').put(validRecords(1).cases[0]!);
    const err = await rejectsWith(
      createBackup(vault, BACKUP_PASS, { scryptWorkFactor: WF }),
      BackupError,
    );
    expect(err.i18n?.key).toBe('integrity.backup.chooseDamaged');
    const sealedFile = await createBackup(vault, BACKUP_PASS, {
      scryptWorkFactor: WF,
      damaged: 'include-sealed',
    });
    const leftOut = await createBackup(vault, BACKUP_PASS, {
      scryptWorkFactor: WF,
      damaged: 'leave-out',
    });
    const target = (await newVault('damage-keep-target')).vault;
    const withSealed = await readBackup(target, sealedFile, BACKUP_PASS);
    expect(withSealed.summary.sealedDamaged).toBe(2);
    expect(withSealed.content.sealed?.cases?.map((r) => r.id).sort()).toEqual(
      [cases[0]!.id, cases[1]!.id].sort(),
    );
    expect(withSealed.summary.counts.cases).toBe(cases.length - 1); // 2 intact + 1 new
    // Left out, the damaged case is missing: the person that points to it cannot be restored,
    // and the refusal says which record and why.
    const dangling = await rejectsWith(readBackup(target, leftOut, BACKUP_PASS), BackupError);
    expect(dangling.reason).toBe('dangling-reference');
    expect(dangling.i18n?.values).toMatchObject({ store: 'people', n: 1, target: 'cases' });
    target.lock();
    // Still reported after a reload, as kept (not pending): a backup with a choice works.
    await reopen(vault);
    const again = vault.damageReport();
    expect(again.damaged.map((d) => [d.store, d.ids.length])).toEqual([['cases', 2]]);
    expect(again.decision).toBe('kept');
    expect(again.changed).toEqual([]);
    vault.lock();
  });

  it('Given a damaged row, When deleted from the report, Then the raw row is gone, the report is clean after a reload, and rotation works', async () => {
    const { vault, dbName, cases } = await vaultWithCases('damage-delete');
    vault.lock();
    await flipByte(dbName, 'cases', cases[2]!.id);
    await vault.unlock(PASSPHRASE);
    await vault.deleteDamaged();
    expect(await rawGet(dbName, 'cases', cases[2]!.id)).toBeUndefined();
    expect(vault.damageReport().damaged).toEqual([]);
    await reopen(vault);
    expect(vault.damageReport()).toEqual({
      damaged: [],
      changed: [],
      manifest: 'ok',
      decision: 'pending',
    });
    expect(vault.repo('cases').list()).toHaveLength(cases.length - 1);
    await vault.rotateKey(PASSPHRASE);
    await reopen(vault);
    expect(vault.damageReport().changed).toEqual([]);
    expect(vault.repo('cases').list()).toHaveLength(cases.length - 1);
    vault.lock();
  });
});

describe('rollback and deletion', () => {
  it('Given an older valid ciphertext put back for the same id, When unlocked, Then the report says a case was replaced by an older copy', async () => {
    const { vault, dbName, cases } = await vaultWithCases('rollback');
    const old = await rawGet<Row>(dbName, 'cases', cases[0]!.id);
    await vault.repo('cases').put({ ...cases[0]!, codeName: 'Renamed' });
    vault.lock();
    await rawPut(dbName, 'cases', old);
    await vault.unlock(PASSPHRASE);
    // The old row still authenticates on its own ...
    expect(vault.tampered()).toEqual([]);
    // ... but the store no longer matches its sealed manifest.
    expect(vault.damageReport().changed).toEqual([
      { store: 'cases', removed: 0, added: 0, replaced: true },
    ]);
    expect(vault.damageReport().decision).toBe('pending');
    // A write before the decision does not make it disappear.
    await vault.repo('people').put({ id: newId(), codeName: 'Later' });
    await reopen(vault);
    expect(vault.damageReport().changed).toEqual([
      { store: 'cases', removed: 0, added: 0, replaced: true },
    ]);
    // Keeping the vault as it is settles it.
    await vault.keepDamaged();
    await reopen(vault);
    expect(vault.damageReport().changed).toEqual([]);
    vault.lock();
  });

  it('Given a row removed, or a deleted row put back, When unlocked, Then the report counts them per store', async () => {
    const { vault, dbName, cases } = await vaultWithCases('deletion');
    const gone = newId();
    await vault.repo('people').put({ id: gone, codeName: 'Deleted later' });
    const deletedRow = await rawGet<Row>(dbName, 'people', gone);
    await vault.repo('people').delete(gone);
    vault.lock();
    await rawDelete(dbName, 'cases', cases[3]!.id);
    await rawPut(dbName, 'people', deletedRow);
    await vault.unlock(PASSPHRASE);
    expect(vault.damageReport().changed).toEqual([
      { store: 'cases', removed: 1, added: 0, replaced: false },
      { store: 'people', removed: 0, added: 1, replaced: false },
    ]);
    await rejectsWith(createBackup(vault, BACKUP_PASS), BackupError);
    vault.lock();
  });

  it('Given the sealed manifest row removed, When unlocked, Then the report says removals can no longer be checked', async () => {
    const { vault, dbName } = await vaultWithCases('manifest-gone');
    vault.lock();
    const dump = await rawDump(dbName);
    const manifest = dump.audit!.find((r) => r.key === '0'.repeat(32));
    expect(manifest).toBeDefined();
    await rawDelete(dbName, 'audit', manifest!.key);
    await vault.unlock(PASSPHRASE);
    expect(vault.damageReport().manifest).toBe('missing');
    expect(vault.damageReport().decision).toBe('pending');
    vault.lock();
  });
});

describe('the manifest follows every write', () => {
  it('Given writes in flight together, a restore-style raw write and a key rotation, When reopened, Then nothing is reported', async () => {
    const { vault } = await vaultWithCases('manifest-concurrent');
    const more = validRecords(6);
    await Promise.all([
      vault.repo('cases').bulkPut(more.cases.slice(0, 3)),
      vault.repo('cases').bulkPut(more.cases.slice(3)),
      vault.repo('hosts').put(more.hosts[0]!),
      vault.repo('cases').delete(more.cases[0]!.id),
    ]);
    const port = backupPortOf(vault);
    await port.writeRaw({ hosts: more.hosts.slice(1) }, port.newAuditRow([]));
    await reopen(vault);
    expect(vault.damageReport().changed).toEqual([]);
    expect(vault.damageReport().manifest).toBe('ok');
    await vault.rotateKey(PASSPHRASE);
    await reopen(vault);
    expect(vault.damageReport()).toMatchObject({ damaged: [], changed: [], manifest: 'ok' });
    vault.lock();
  });

  it('Given a rotation confirmed into a fresh database, When written to and reopened, Then its own manifest covers every row and nothing is reported', async () => {
    const { vault, cases } = await vaultWithCases('manifest-rekey');
    await vault.rotateKey(PASSPHRASE);
    await vault.confirmRekey();
    await reopen(vault);
    expect(vault.damageReport()).toMatchObject({ damaged: [], changed: [], manifest: 'ok' });
    const more = validRecords(2);
    await vault.repo('cases').put(more.cases[0]!);
    await vault.repo('cases').delete(cases[0]!.id);
    await reopen(vault);
    expect(vault.damageReport()).toMatchObject({ damaged: [], changed: [], manifest: 'ok' });
    expect(vault.repo('cases').list()).toHaveLength(cases.length);
    vault.lock();
  });
});
