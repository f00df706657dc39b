/**
 * The one failure notification: red, titled with what did not happen ("Not saved: nothing was
 * written"), worded by `errorMessage` (never the error's raw text), and kept on screen until
 * dismissed so a coordinator who looked away still sees it.
 */
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorMessage, type UserMessage } from './error-message';

/** The text of a message in the current language. */
export function messageText(t: TFunction, message: UserMessage): string {
  const { store, target } = message.params;
  // A refusal that names a kind of record (restore checks) names it in the coordinator's words.
  return t(message.key, {
    ...message.params,
    kind: typeof store === 'string' ? t(`settings.stores.${store}`) : '',
    targetKind: typeof target === 'string' ? t(`settings.stores.${target}`) : '',
  });
}

/**
 * A screen's own sentence about what did not happen ("Nothing was restored: {{message}}"), with
 * the failure in `message` worded by `errorMessage`, never by the error's raw text.
 */
export function failureText(t: TFunction, key: string, error: unknown): string {
  return t(key, { message: messageText(t, errorMessage(error)) });
}

export function notifyFailure(t: TFunction, title: string, error: unknown): void {
  notifications.show({
    color: 'red',
    title,
    message: messageText(t, errorMessage(error)),
    autoClose: false,
  });
}
