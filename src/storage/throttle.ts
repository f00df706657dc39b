/**
 * One throttle for every secret the vault checks: the passphrase at unlock, the recovery code, and
 * the current passphrase asked again by change-passphrase and key rotation. Its state, the number
 * of wrong attempts in a row and the time of the last one, is persisted in the vault header's
 * clear metadata (`attempts`, not secret: the header holds no secret), so reloading the app does
 * not reset it. An old header without the field means no failure yet.
 *
 * The delay after `freeAttempts` failures doubles with each further one, up to `maxDelayMs`. The
 * wait is counted from the last failure and never exceeds the delay itself, so a clock that jumps
 * backwards (or a timestamp from the future) cannot lock the coordinator out for longer.
 *
 * Someone who can edit the disk can also reset the count; the throttle is against guessing at the
 * keyboard. Offline guessing is slowed by Argon2id, not by this.
 */
import { z } from 'zod';
import { ThrottledError } from './errors';

export interface ThrottlePolicy {
  /** Wrong attempts allowed without delay. */
  freeAttempts: number;
  /** Delay after the first throttled failure; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeAttempts: 3,
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
};

/** The header's `attempts` field: wrong attempts in a row, and when the last one happened (ms). */
export const attemptsSchema = z.strictObject({
  failures: z.number().int().min(1).max(1_000_000),
  lastFailureAt: z.number().int().min(0).max(8.64e15),
});

export type Attempts = z.infer<typeof attemptsSchema>;

/** The delay owed after `failures` wrong attempts in a row. */
export function delayAfter(policy: ThrottlePolicy, failures: number): number {
  const over = failures - policy.freeAttempts;
  if (over < 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over, 52));
}

/** Milliseconds until the next attempt is allowed (0: now). */
export function retryAfterMs(
  policy: ThrottlePolicy,
  attempts: Attempts | undefined,
  now: number,
): number {
  if (!attempts) return 0;
  const delay = delayAfter(policy, attempts.failures);
  return Math.min(delay, Math.max(0, attempts.lastFailureAt + delay - now));
}

/** Throws ThrottledError while an attempt is not allowed yet. */
export function assertMayAttempt(
  policy: ThrottlePolicy,
  attempts: Attempts | undefined,
  now: number,
): void {
  const wait = retryAfterMs(policy, attempts, now);
  if (wait > 0) throw new ThrottledError(wait);
}

/** The state after one more wrong attempt at `now`. */
export function afterFailure(attempts: Attempts | undefined, now: number): Attempts {
  return {
    failures: Math.min(1_000_000, (attempts?.failures ?? 0) + 1),
    lastFailureAt: Math.max(0, Math.floor(now)),
  };
}
