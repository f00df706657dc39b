/**
 * A storage refusal that carries its own words (a backup or restore problem, damaged data blocking
 * a rotation) in the coordinator's language, worded by the one error-to-message function; null
 * for anything else, which the caller words itself.
 */
import type { TFunction } from 'i18next';
import { errorMessage } from '../../shared/ui/error-message';
import { messageText } from '../../shared/ui/notify-failure';
import { BackupError, DamagedDataError } from '../../storage';

export function problemMessage(t: TFunction, error: unknown): string | null {
  if ((error instanceof BackupError && error.i18n) || error instanceof DamagedDataError)
    return messageText(t, errorMessage(error));
  return null;
}
