/**
 * "Deleted · Undo": a notification after a deletion with a button that puts the deleted records
 * (and what the deletion changed with them) back. It stays a while (10 s), and a failed undo says so.
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { notifyFailure } from './notify-failure';

export const UNDO_VISIBLE_MS = 10_000;

export function showUndoNotification(
  t: TFunction,
  message: string,
  undo: () => Promise<void>,
): void {
  const id = `undo-${Math.random().toString(36).slice(2)}`;
  let done = false;
  notifications.show({
    id,
    color: 'teal',
    autoClose: UNDO_VISIBLE_MS,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-xs"
          variant="light"
          onClick={async () => {
            if (done) return;
            done = true;
            notifications.hide(id);
            try {
              await undo();
              notifications.show({ color: 'teal', message: t('form.undone'), autoClose: 2500 });
            } catch (e) {
              notifyFailure(t, t('form.undoFailed'), e);
            }
          }}
        >
          {t('form.undo')}
        </Button>
      </Group>
    ),
  });
}
