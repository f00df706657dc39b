/**
 * Checking one secret under the one shared throttle (throttle.ts), for unlock, recovery, change of
 * passphrase and rotation alike: the one unlock path, whichever slot `unwrap` opens (key-slots.ts).
 */
import type Dexie from 'dexie';
import { wipe } from './crypto/bytes';
import { META_STORE } from './stores';
import { WrongSecretError } from './errors';
import type { VaultHeader } from './header';
import type { Unwrap } from './key-slots';
import {
  afterFailure,
  assertMayAttempt,
  retryAfterMs,
  type Attempts,
  type ThrottlePolicy,
} from './throttle';

export class SecretCheck {
  /** The throttle's state as last read from or written to the header. */
  private attempts: Attempts | undefined = undefined;

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => number,
  ) {}

  /** Seconds-resolution throttle state for the unlock screen. */
  status(): { failures: number; retryAfterMs: number } {
    return {
      failures: this.attempts?.failures ?? 0,
      retryAfterMs: retryAfterMs(this.policy, this.attempts, this.now()),
    };
  }

  /**
   * Refused with ThrottledError before any KDF run while a delay is owed. The result is persisted
   * in the header's clear `attempts` on `db` before it is returned: a wrong secret counts one more
   * failure (then WrongSecretError with `wrongMessage`), a right one clears the count. Returns the
   * data key (the caller wipes it) and the header as now stored (also passed to `onStored` as
   * soon as it is stored, wrong secret or not).
   */
  async check(
    db: Dexie,
    header: VaultHeader,
    unwrap: Unwrap,
    wrongMessage: string,
    onStored?: (stored: VaultHeader) => void,
  ): Promise<{ dataKey: Uint8Array; header: VaultHeader }> {
    this.attempts = header.attempts;
    assertMayAttempt(this.policy, header.attempts, this.now());
    const dataKey = await unwrap(header);
    const attempts = dataKey ? undefined : afterFailure(header.attempts, this.now());
    let stored = header;
    if (attempts || header.attempts) {
      stored = { ...header };
      if (attempts) stored.attempts = attempts;
      else delete stored.attempts;
      try {
        await db.table(META_STORE).put(stored);
      } catch (e) {
        wipe(dataKey);
        throw e;
      }
      onStored?.(stored);
    }
    this.attempts = attempts;
    if (!dataKey) throw new WrongSecretError(wrongMessage);
    return { dataKey, header: stored };
  }
}
