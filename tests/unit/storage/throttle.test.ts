/**
 * The one shared throttle (src/storage/throttle.ts) and the unlock/lock state rules of the vault:
 * wrong secrets at unlock, recovery, change of passphrase and rotation all count against the same
 * failure count, which lives in the header's clear metadata and so survives a reload; unlock on an
 * unlocked vault still checks the passphrase; a lock asked for while unlocking is honoured; and a
 * header written before the count existed still opens.
 */
import { describe, expect, it } from 'vitest';
import {
  ThrottledError,
  Vault,
  VaultStateError,
  WrongSecretError,
  newId,
} from '../../../src/storage';
import { deriveWrappingKey, type KdfRunner } from '../../../src/storage/crypto/kdf-client';
import { generateRecoveryCode } from '../../../src/storage/crypto/recovery-code';
import {
  afterFailure,
  assertMayAttempt,
  retryAfterMs,
  type ThrottlePolicy,
} from '../../../src/storage/throttle';
import {
  OTHER_PASSPHRASE,
  PASSPHRASE,
  WRONG_PASSPHRASE,
  newVault,
  rawGet,
  rawPut,
  rejectsWith,
} from './helpers';

const POLICY: ThrottlePolicy = { freeAttempts: 2, baseDelayMs: 1000, maxDelayMs: 60_000 };

function countingKdf(onCall?: () => void): { kdf: KdfRunner; calls: () => number } {
  let n = 0;
  return {
    kdf: (pw, salt, params) => {
      n++;
      onCall?.();
      return deriveWrappingKey(pw, salt, params);
    },
    calls: () => n,
  };
}

describe('the throttle rules (pure)', () => {
  it('Given failures past the free ones, Then the wait doubles and is counted from the last failure', () => {
    let a = afterFailure(undefined, 10_000);
    expect(retryAfterMs(POLICY, a, 10_000)).toBe(0);
    a = afterFailure(a, 10_000);
    expect(retryAfterMs(POLICY, a, 10_000)).toBe(1000);
    expect(retryAfterMs(POLICY, a, 10_600)).toBe(400);
    a = afterFailure(a, 20_000);
    expect(retryAfterMs(POLICY, a, 20_000)).toBe(2000);
    expect(() => assertMayAttempt(POLICY, a, 21_000)).toThrow(ThrottledError);
    expect(() => assertMayAttempt(POLICY, a, 22_000)).not.toThrow();
  });

  it('Given a last failure in the future (a clock moved back), Then the wait never exceeds the delay', () => {
    const a = { failures: 40, lastFailureAt: 9e15 };
    expect(retryAfterMs(POLICY, a, 0)).toBe(POLICY.maxDelayMs);
  });
});

describe('one throttle, persisted in the header', () => {
  it('Given wrong passphrases, When the app reloads (a new Vault on the same database), Then the count and delay survive', async () => {
    const { vault, dbName } = await newVault('thr-reload');
    vault.lock();
    const now = 5_000_000;
    const first = new Vault({ dbName, now: () => now, throttle: POLICY });
    await rejectsWith(first.unlock(WRONG_PASSPHRASE), WrongSecretError);
    await rejectsWith(first.unlock(WRONG_PASSPHRASE), WrongSecretError);
    expect(await rawGet(dbName, 'meta', 'header')).toMatchObject({
      attempts: { failures: 2, lastFailureAt: now },
    });

    const counting = countingKdf();
    const reloaded = new Vault({ dbName, now: () => now, kdf: counting.kdf, throttle: POLICY });
    const refused = await rejectsWith(reloaded.unlock(PASSPHRASE), ThrottledError);
    expect(refused.retryAfterMs).toBe(1000);
    expect(counting.calls()).toBe(0);
    expect(reloaded.throttleStatus()).toEqual({ failures: 2, retryAfterMs: 1000 });

    const later = new Vault({ dbName, now: () => now + 1000, throttle: POLICY });
    await later.unlock(PASSPHRASE);
    expect(later.state).toBe('unlocked');
    expect(await rawGet(dbName, 'meta', 'header')).not.toHaveProperty('attempts');
    later.lock();
  });

  it('Given wrong current passphrases in change-passphrase and rotate-key, Then they count, and the next unlock is throttled too', async () => {
    const now = 7_000_000;
    const counting = countingKdf();
    const { vault, dbName } = await newVault('thr-shared', {
      now: () => now,
      kdf: counting.kdf,
      throttle: POLICY,
    });
    await rejectsWith(vault.changePassphrase(WRONG_PASSPHRASE, OTHER_PASSPHRASE), WrongSecretError);
    await rejectsWith(vault.rotateKey(WRONG_PASSPHRASE), WrongSecretError);
    const calls = counting.calls();
    await rejectsWith(vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE), ThrottledError);
    await rejectsWith(vault.rotateKey(PASSPHRASE), ThrottledError);
    expect(counting.calls()).toBe(calls);
    expect(vault.state).toBe('unlocked');
    vault.lock();

    const reloaded = new Vault({ dbName, now: () => now, throttle: POLICY });
    await rejectsWith(reloaded.unlock(PASSPHRASE), ThrottledError);
    await rejectsWith(
      reloaded.unlockWithRecoveryCode(generateRecoveryCode().code, OTHER_PASSPHRASE),
      ThrottledError,
    );
  });

  it('Given a wrong recovery code, Then it counts against the same throttle as the passphrase', async () => {
    const { vault, dbName } = await newVault('thr-recovery');
    vault.lock();
    const now = 9_000_000;
    const v = new Vault({ dbName, now: () => now, throttle: POLICY });
    await rejectsWith(
      v.unlockWithRecoveryCode(generateRecoveryCode().code, OTHER_PASSPHRASE),
      WrongSecretError,
    );
    await rejectsWith(v.unlock(WRONG_PASSPHRASE), WrongSecretError);
    await rejectsWith(v.unlock(PASSPHRASE), ThrottledError);
  });

  it('Given a header written before the count existed (no attempts field), When unlocking, Then it opens', async () => {
    const { vault, dbName } = await newVault('thr-old');
    const id = newId();
    await vault.repo('cases').put({ id, codeName: 'Kestrel' });
    vault.lock();
    const header = await rawGet<Record<string, unknown>>(dbName, 'meta', 'header');
    expect(header).not.toHaveProperty('attempts');
    const v = new Vault({ dbName, throttle: POLICY });
    await rejectsWith(v.unlock(WRONG_PASSPHRASE), WrongSecretError);
    await rawPut(dbName, 'meta', header); // back to the old shape
    await v.unlock(PASSPHRASE);
    expect(v.repo('cases').get(id)).toEqual({ id, codeName: 'Kestrel' });
    v.lock();
  });
});

describe('unlock and lock state', () => {
  it('Given an unlocked vault, When unlock is called with a wrong passphrase, Then WrongSecretError and it counts', async () => {
    const { vault } = await newVault('thr-unlocked', { throttle: POLICY });
    await rejectsWith(vault.unlock(WRONG_PASSPHRASE), WrongSecretError);
    expect(vault.throttleStatus().failures).toBe(1);
    expect(vault.state).toBe('unlocked');
    await vault.unlock(PASSPHRASE);
    expect(vault.throttleStatus().failures).toBe(0);
    vault.lock();
  });

  it('Given an unlock in progress, When lock() is asked for meanwhile, Then the unlock ends locked', async () => {
    const { vault, dbName } = await newVault('thr-lock-during');
    const id = newId();
    await vault.repo('cases').put({ id, codeName: 'Plover' });
    vault.lock();
    let v: Vault | null = null;
    const counting = countingKdf(() => v?.lock());
    v = new Vault({ dbName, kdf: counting.kdf });
    const states: string[] = [];
    v.onLockChange((state) => states.push(state));
    await rejectsWith(v.unlock(PASSPHRASE), VaultStateError);
    expect(counting.calls()).toBe(1);
    expect(v.state).toBe('locked');
    expect(states).not.toContain('unlocked');
    expect(() => v.list('cases')).toThrow();
  });
});
