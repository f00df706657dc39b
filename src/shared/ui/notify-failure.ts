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

export function notifyFailure(t: TFunction, title: string, error: unknown): void {
  notifications.show({
    color: 'red',
    title,
    message: messageText(t, errorMessage(error)),
    autoClose: false,
  });
}
