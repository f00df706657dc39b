/**
 * Re-keying into a fresh database (rekey.ts), security.md test 11: until the coordinator confirms
 * the new recovery code, a lock or a crash keeps the old passphrase and the old recovery code
 * working with every record there; after the confirmation only the new database is left.
 * A "crash" here is a Vault abandoned without lock(): its memory is gone, the disk stays as it was.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LockedError, Vault, WrongSecretError, newId } from '../../../src/storage';
import {
  activeDatabase,
  pointerDbName,
  readPointer,
  writePointer,
} from '../../../src/storage/rekey';
import { OTHER_PASSPHRASE, PASSPHRASE, newVault, rejectsWith } from './helpers';

async function seeded(prefix: string) {
  const made = await newVault(prefix);
  const records = Array.from({ length: 12 }, (_, i) => ({ id: newId(), codeName: `K${i}` }));
  await made.vault.repo('cases').bulkPut(records);
  return { ...made, records };
}

const sorted = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.id.localeCompare(b.id));

async function vaultDatabases(base: string): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter((n) => n.startsWith(base)).sort();
}

describe('a lock or a crash before the new recovery code is confirmed', () => {
  it('Given a rotation whose new code is on screen, When the vault locks, Then the old recovery code still unlocks with every record, the new code is refused, and the fresh database is gone', async () => {
    const { vault, dbName, recoveryCode, records } = await seeded('lock-mid-rotate');
    const { recoveryCode: shown } = await vault.rotateKey(PASSPHRASE);
    expect(vault.rekeyPending()).toBe(true);
    vault.lock();
    expect(vault.rekeyPending()).toBe(false);

    const v = new Vault({ dbName, throttle: { freeAttempts: 100 } });
    await rejectsWith(v.unlockWithRecoveryCode(shown, OTHER_PASSPHRASE), WrongSecretError);
    await v.unlockWithRecoveryCode(recoveryCode, OTHER_PASSPHRASE);
    expect(sorted(v.repo('cases').list())).toEqual(sorted(records));
    v.lock();
    // The recovery re-keyed into a database of its own; the never-confirmed copy is gone.
    const active = await activeDatabase(dbName);
    expect(await vaultDatabases(dbName)).toEqual([active, pointerDbName(dbName)].sort());
  });

  it('Given a passphrase change whose new code is on screen, When the vault locks, Then the old passphrase still unlocks and the new one is refused', async () => {
    const { vault, dbName, records } = await seeded('lock-mid-change');
    await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    vault.lock();
    const v = new Vault({ dbName, throttle: { freeAttempts: 100 } });
    await rejectsWith(v.unlock(OTHER_PASSPHRASE), WrongSecretError);
    await v.unlock(PASSPHRASE);
    expect(sorted(v.repo('cases').list())).toEqual(sorted(records));
    v.lock();
  });

  it('Given a write waiting behind an unconfirmed rotation, When the vault locks, Then the write is refused and nothing of it reaches the disk', async () => {
    const { vault, dbName, records } = await seeded('write-mid-rotate');
    await vault.rotateKey(PASSPHRASE);
    const late = vault.repo('cases').put({ id: newId(), codeName: 'late' });
    vault.lock();
    await rejectsWith(late, LockedError);
    const v = new Vault({ dbName, throttle: { freeAttempts: 100 } });
    await v.unlock(PASSPHRASE);
    expect(sorted(v.repo('cases').list())).toEqual(sorted(records));
    v.lock();
  });

  it('Given a crash while the new code is on screen, When the app opens again, Then the leftover database is deleted and the old passphrase and recovery code work', async () => {
    const { vault, dbName, recoveryCode, records } = await seeded('crash-mid-rotate');
    await vault.rotateKey(PASSPHRASE);
    const pending = (await readPointer(dbName))?.pending;
    expect(pending).toBeDefined();
    // Crash: the instance is abandoned (its connection to the old database stays open, as a
    // killed renderer's would until the browser notices).
    const v = new Vault({ dbName, throttle: { freeAttempts: 100 } });
    expect(await v.vaultExists()).toBe(true);
    expect(await Dexie.exists(pending!)).toBe(false);
    expect(await readPointer(dbName)).toEqual({ id: 'active', name: dbName });
    await v.unlockWithRecoveryCode(recoveryCode, OTHER_PASSPHRASE);
    expect(sorted(v.repo('cases').list())).toEqual(sorted(records));
    v.lock();
    void vault;
  });

  it('Given a crash after the pointer names the new database but before the old one is deleted, When the app opens again, Then the old database is deleted and the new passphrase opens every record', async () => {
    const { vault, dbName, records } = await seeded('crash-after-commit');
    await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    const fresh = (await readPointer(dbName))!.pending!;
    // The commit point written, then the crash.
    await writePointer(dbName, { name: fresh, retired: dbName });
    void vault; // abandoned: its open connection to the old database is closed by the deletion
    const v = new Vault({ dbName, throttle: { freeAttempts: 100 } });
    await rejectsWith(v.unlock(PASSPHRASE), WrongSecretError);
    await v.unlock(OTHER_PASSPHRASE);
    expect(sorted(v.repo('cases').list())).toEqual(sorted(records));
    v.lock();
    expect(await vaultDatabases(dbName)).toEqual([fresh, pointerDbName(dbName)].sort());
  });
});

describe('a recovery-code unlock', () => {
  it('Given a recovery-code unlock with a new passphrase, When done, Then the vault lives in a fresh database (the old passphrase slot is deleted with the old one), the same code still works and the old passphrase does not', async () => {
    const { vault, dbName, recoveryCode, records } = await seeded('recover');
    vault.lock();
    const v = new Vault({ dbName, throttle: { freeAttempts: 100 } });
    await v.unlockWithRecoveryCode(recoveryCode, OTHER_PASSPHRASE);
    v.lock();
    const active = await activeDatabase(dbName);
    expect(active).not.toBe(dbName);
    expect(await vaultDatabases(dbName)).toEqual([active, pointerDbName(dbName)].sort());
    await rejectsWith(v.unlock(PASSPHRASE), WrongSecretError);
    await v.unlock(OTHER_PASSPHRASE);
    v.lock();
    await v.unlockWithRecoveryCode(recoveryCode, PASSPHRASE);
    expect(sorted(v.repo('cases').list())).toEqual(sorted(records));
    v.lock();
  });
});

describe('a confirmed re-key', () => {
  it('Given a rotation and then a passphrase change, each confirmed, When done, Then only the newest database and the pointer remain, and only the newest secrets open it', async () => {
    const { vault, dbName, recoveryCode, records } = await seeded('confirmed');
    const { recoveryCode: second } = await vault.rotateKey(PASSPHRASE);
    await vault.confirmRekey();
    const afterRotation = await activeDatabase(dbName);
    const { recoveryCode: third } = await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    await vault.confirmRekey();
    const active = await activeDatabase(dbName);
    expect(active).not.toBe(afterRotation);
    expect(await vaultDatabases(dbName)).toEqual([active, pointerDbName(dbName)].sort());
    expect(await readPointer(dbName)).toEqual({ id: 'active', name: active });
    // Writes go on into the new database.
    const extra = { id: newId(), codeName: 'after' };
    await vault.repo('cases').put(extra);
    vault.lock();

    const v = new Vault({ dbName, throttle: { freeAttempts: 100 } });
    await rejectsWith(v.unlock(PASSPHRASE), WrongSecretError);
    await rejectsWith(v.unlockWithRecoveryCode(recoveryCode, PASSPHRASE), WrongSecretError);
    await rejectsWith(v.unlockWithRecoveryCode(second, PASSPHRASE), WrongSecretError);
    await v.unlockWithRecoveryCode(third, PASSPHRASE);
    expect(sorted(v.repo('cases').list())).toEqual(sorted([...records, extra]));
    v.lock();
  });
});
