/**
 * Why the vault did not open, for the unlock and recovery screens: too many wrong attempts says
 * how long to wait; anything else says it could not be opened, worded by the one
 * error-to-message function (never the error's raw text). A wrong secret is worded by each
 * screen at its own field.
 */
import type { TFunction } from 'i18next';
import { ThrottledError } from '../../storage';
import { failureText } from '../../shared/ui/notify-failure';

export function unlockFailureText(t: TFunction, error: unknown): string {
  if (error instanceof ThrottledError)
    return t('vault.unlock.throttled', { seconds: Math.ceil(error.retryAfterMs / 1000) });
  return failureText(t, 'vault.unlock.failed', error);
}
