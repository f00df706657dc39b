/**
 * Unlocking and its failures: wrong passphrase and wrong recovery code fail closed with the stored
 * bytes unchanged (security.md test 3), repeated failures are throttled, header downgrades and
 * corrupted slots are refused (test 5), and lock() drops every decrypted record (test 10, the part
 * that belongs to storage: the idle timer is UI-driven).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HeaderError,
  KDF_FLOOR,
  LockedError,
  RecoveryCodeFormatError,
  ThrottledError,
  Vault,
  VaultStateError,
  WeakPassphraseError,
  WrongSecretError,
  newId,
} from '../../../src/storage';
import { deriveWrappingKey, type KdfRunner } from '../../../src/storage/crypto/kdf-client';
import {
  PASSPHRASE,
  OTHER_PASSPHRASE,
  WRONG_PASSPHRASE,
  newVault,
  rawGet,
  rawPut,
  rawSnapshot,
  rawSnapshotExceptAttempts,
  rejectsWith,
} from './helpers';

function countingKdf(): { kdf: KdfRunner; calls: () => number } {
  let n = 0;
  return {
    kdf: (pw, salt, params) => {
      n++;
      return deriveWrappingKey(pw, salt, params);
    },
    calls: () => n,
  };
}

describe('wrong passphrase and wrong recovery code fail closed', () => {
  let vault: Vault;
  let dbName: string;
  let recoveryCode: string;
  const id = newId();

  beforeAll(async () => {
    ({ vault, dbName, recoveryCode } = await newVault('wrong'));
    await vault.repo('cases').put({ id, codeName: 'Heron' });
    vault.lock();
  });
  afterAll(() => vault.lock());

  it('Given a locked vault, When unlocking with a wrong passphrase, Then WrongSecretError, still locked, and every stored byte unchanged', async () => {
    const before = await rawSnapshotExceptAttempts(dbName);
    const fresh = new Vault({ dbName });
    await rejectsWith(fresh.unlock(WRONG_PASSPHRASE), WrongSecretError);
    expect(fresh.state).toBe('locked');
    expect(() => fresh.repo('cases').list()).toThrow(LockedError);
    expect(await rawSnapshotExceptAttempts(dbName)).toBe(before);
  });

  it('Given a locked vault, When recovering with a valid-looking but wrong code, Then WrongSecretError and every stored byte unchanged', async () => {
    const before = await rawSnapshotExceptAttempts(dbName);
    const fresh = new Vault({ dbName });
    // A different, well-formed code (checksum valid).
    const { generateRecoveryCode } = await import('../../../src/storage/crypto/recovery-code');
    await rejectsWith(
      fresh.unlockWithRecoveryCode(generateRecoveryCode().code, OTHER_PASSPHRASE),
      WrongSecretError,
    );
    expect(fresh.state).toBe('locked');
    expect(await rawSnapshotExceptAttempts(dbName)).toBe(before);
  });

  it('Given a mistyped recovery code, When recovering, Then RecoveryCodeFormatError before any work, bytes unchanged, no attempt counted', async () => {
    const before = await rawSnapshotExceptAttempts(dbName);
    const fresh = new Vault({ dbName });
    const typo = (recoveryCode[0] === 'A' ? 'B' : 'A') + recoveryCode.slice(1);
    await rejectsWith(
      fresh.unlockWithRecoveryCode(typo, OTHER_PASSPHRASE),
      RecoveryCodeFormatError,
    );
    expect(fresh.throttleStatus().failures).toBe(0);
    expect(await rawSnapshotExceptAttempts(dbName)).toBe(before);
  });

  it('Given the right passphrase after failures, When unlocking, Then the records are there', async () => {
    // The failures of the tests above are persisted in the header: allow enough free attempts.
    const fresh = new Vault({ dbName, throttle: { freeAttempts: 10 } });
    await rejectsWith(fresh.unlock(WRONG_PASSPHRASE), WrongSecretError);
    await fresh.unlock(PASSPHRASE);
    expect(fresh.repo('cases').get(id)).toEqual({ id, codeName: 'Heron' });
    expect(fresh.throttleStatus().failures).toBe(0);
    fresh.lock();
  });

  it('Given no vault, When unlocking, Then VaultStateError and no database is created', async () => {
    const v = new Vault({ dbName: 'haven-test-none' });
    await rejectsWith(v.unlock(PASSPHRASE), VaultStateError);
    expect(await v.vaultExists()).toBe(false);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('haven-test-none');
  });

  it('Given an existing vault, When creating another in the same database, Then it is refused', async () => {
    await rejectsWith(
      new Vault({ dbName }).createVault(PASSPHRASE, { kdfParams: KDF_FLOOR }),
      VaultStateError,
    );
  });

  it('Given a weak passphrase, When creating a vault, Then WeakPassphraseError', async () => {
    await rejectsWith(
      new Vault({ dbName: 'haven-test-weak' }).createVault('monkey123', { kdfParams: KDF_FLOOR }),
      WeakPassphraseError,
    );
  });
});

describe('throttling repeated wrong attempts', () => {
  it('Given 3 wrong attempts, When trying again at once, Then ThrottledError without running the KDF, and the delay doubles', async () => {
    const { dbName } = await newVault('throttle').then((r) => (r.vault.lock(), r));
    let now = 1_000_000;
    const counting = countingKdf();
    const v = new Vault({
      dbName,
      now: () => now,
      kdf: counting.kdf,
      throttle: { freeAttempts: 3, baseDelayMs: 1000 },
    });
    for (let i = 0; i < 3; i++) await rejectsWith(v.unlock(WRONG_PASSPHRASE), WrongSecretError);
    expect(counting.calls()).toBe(3);
    const t1 = await rejectsWith(v.unlock(PASSPHRASE), ThrottledError);
    expect(t1.retryAfterMs).toBe(1000);
    expect(counting.calls()).toBe(3);
    now += 1000;
    await rejectsWith(v.unlock(WRONG_PASSPHRASE), WrongSecretError); // 4th failure
    const t2 = await rejectsWith(v.unlock(PASSPHRASE), ThrottledError);
    expect(t2.retryAfterMs).toBe(2000);
    now += 2000;
    await v.unlock(PASSPHRASE);
    expect(v.state).toBe('unlocked');
    expect(v.throttleStatus()).toEqual({ failures: 0, retryAfterMs: 0 });
    v.lock();
  });
});

describe('header downgrade and corrupted slots are refused', () => {
  let dbName: string;
  let header: Record<string, unknown> & {
    slots: {
      passphrase: { kdf: Record<string, unknown>; wrapped: string };
      recovery: { wrapped: string };
    };
  };
  let recoveryCode: string;

  beforeAll(async () => {
    const r = await newVault('downgrade');
    r.vault.lock();
    dbName = r.dbName;
    recoveryCode = r.recoveryCode;
    header = await rawGet(dbName, 'meta', 'header');
  });

  async function withHeader(
    mutated: unknown,
    fn: (v: Vault, kdfCalls: () => number) => Promise<void>,
  ): Promise<void> {
    await rawPut(dbName, 'meta', mutated);
    try {
      const counting = countingKdf();
      await fn(new Vault({ dbName, kdf: counting.kdf }), counting.calls);
    } finally {
      await rawPut(dbName, 'meta', header);
    }
  }

  const lowered: [string, Record<string, number>][] = [
    ['m=32 MiB', { m: 32_768 }],
    ['t=1', { t: 1 }],
    ['p=1', { p: 1 }],
    ['m=1 KiB, t=1, p=1', { m: 1024, t: 1, p: 1 }],
  ];

  it.each(lowered)(
    'Given a header lowered to %s, When unlocking with the right passphrase, Then HeaderError before any KDF run, bytes unchanged',
    async (_n, change) => {
      const mutated = structuredClone(header);
      Object.assign(mutated.slots.passphrase.kdf, change);
      await withHeader(mutated, async (v, calls) => {
        const before = await rawSnapshot(dbName);
        const err = await rejectsWith(v.unlock(PASSPHRASE), HeaderError);
        expect(err.message).toMatch(/below the security floor/);
        expect(calls()).toBe(0);
        expect(v.state).toBe('locked');
        expect(await rawSnapshot(dbName)).toBe(before);
      });
    },
  );

  it('Given a header asking for more than the 1 GiB cap, When unlocking, Then HeaderError before any KDF run', async () => {
    const mutated = structuredClone(header);
    mutated.slots.passphrase.kdf.m = 4 * 1024 * 1024;
    await withHeader(mutated, async (v, calls) => {
      await rejectsWith(v.unlock(PASSPHRASE), HeaderError);
      expect(calls()).toBe(0);
    });
  });

  it('Given raised parameters (not below the floor) without re-wrapping, When unlocking, Then it fails closed (the parameters are bound to the slot)', async () => {
    const mutated = structuredClone(header);
    mutated.slots.passphrase.kdf.t = 4;
    await withHeader(mutated, async (v) => {
      await rejectsWith(v.unlock(PASSPHRASE), WrongSecretError);
    });
  });

  it('Given a bit flipped in the wrapped key of the passphrase slot, When unlocking with the right passphrase, Then it is refused', async () => {
    const mutated = structuredClone(header);
    const bytes = Buffer.from(mutated.slots.passphrase.wrapped, 'base64');
    bytes[5]! ^= 0x01;
    mutated.slots.passphrase.wrapped = bytes.toString('base64');
    await withHeader(mutated, async (v) => {
      const before = await rawSnapshotExceptAttempts(dbName);
      await rejectsWith(v.unlock(PASSPHRASE), WrongSecretError);
      expect(await rawSnapshotExceptAttempts(dbName)).toBe(before);
    });
  });

  it('Given a corrupted recovery slot, When recovering with the right code, Then it is refused', async () => {
    const mutated = structuredClone(header);
    const bytes = Buffer.from(mutated.slots.recovery.wrapped, 'base64');
    bytes[40]! ^= 0x80;
    mutated.slots.recovery.wrapped = bytes.toString('base64');
    await withHeader(mutated, async (v) => {
      await rejectsWith(v.unlockWithRecoveryCode(recoveryCode, OTHER_PASSPHRASE), WrongSecretError);
    });
  });

  it('Given a truncated slot or a missing field, When unlocking, Then HeaderError with a clear reason', async () => {
    const truncated = structuredClone(header);
    truncated.slots.passphrase.wrapped = truncated.slots.passphrase.wrapped.slice(0, 20);
    await withHeader(truncated, async (v) => {
      const err = await rejectsWith(v.unlock(PASSPHRASE), HeaderError);
      expect(err.message).toMatch(/slots\.passphrase\.wrapped/);
    });
    const missing = structuredClone(header) as Record<string, unknown>;
    delete missing.keyGeneration;
    await withHeader(missing, async (v) => {
      await rejectsWith(v.unlock(PASSPHRASE), HeaderError);
    });
  });

  it('Given a fixed field edited (creation time), When unlocking, Then the slot fails (the header is bound as associated data)', async () => {
    const mutated = structuredClone(header);
    mutated.createdAt = '2020-01-01T00:00:00.000Z';
    await withHeader(mutated, async (v) => {
      await rejectsWith(v.unlock(PASSPHRASE), WrongSecretError);
    });
  });

  it('Given the original header restored, When unlocking, Then it opens (the refusals above were caused by the edits)', async () => {
    const v = new Vault({ dbName });
    await v.unlock(PASSPHRASE);
    expect(v.state).toBe('unlocked');
    v.lock();
  });
});

describe('lock', () => {
  it('Given an unlocked vault with records and a subscriber, When locked, Then caches are empty, repositories throw LockedError and subscribers are told', async () => {
    const { vault } = await newVault('lock');
    const cases = vault.repo('cases');
    const id = newId();
    await cases.put({ id, codeName: 'Kestrel' });
    const listBefore = cases.list();
    expect(listBefore).toHaveLength(1);
    const states: string[] = [];
    let storeEvents = 0;
    const offLock = vault.onLockChange((s) => states.push(s));
    const offStore = cases.subscribe(() => storeEvents++);
    vault.lock();
    expect(states).toEqual(['locked']);
    expect(storeEvents).toBeGreaterThan(0);
    expect(vault.state).toBe('locked');
    expect(() => cases.list()).toThrow(LockedError);
    expect(() => cases.get(id)).toThrow(LockedError);
    expect(() => vault.auditFor(id)).toThrow(LockedError);
    expect(vault.snapshotOrEmpty('cases')).toEqual([]);
    await rejectsWith(cases.put({ id: newId(), codeName: 'x' }), LockedError);
    offLock();
    offStore();
    vault.lock(); // idempotent
    expect(states).toEqual(['locked']);
  });
});
