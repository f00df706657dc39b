/**
 * A deliberate confirmation for destructive actions: it names what will be lost and what
 * depends on it, and the button stays disabled until the coordinator types the item's name.
 * When something blocks the action (a host still in use), it says so and offers no button.
 */
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyFailure } from './notify-failure';

export interface ConfirmDestructiveProps {
  opened: boolean;
  title: string;
  /** The code name (or label) to type to confirm. */
  name: string;
  /** What is lost: one line each, e.g. "3 people", "2 travel legs". */
  consequences: string[];
  /** When present, the action cannot go ahead; each line says why. */
  blockers?: string[];
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

export function ConfirmDestructive(props: ConfirmDestructiveProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const blocked = (props.blockers?.length ?? 0) > 0;
  const close = (): void => {
    setTyped('');
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title} centered>
      <Stack gap="sm">
        {blocked ? (
          <Alert color="orange" title={t('confirm.blockedTitle')}>
            <List size="sm">
              {props.blockers?.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('confirm.willBeLost')}</Text>
            <List size="sm">
              {props.consequences.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <TextInput
              label={t('confirm.typeToConfirm', { name: props.name })}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {!blocked && (
            <Button
              color="red"
              disabled={typed.trim() !== props.name || busy}
              loading={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await props.onConfirm();
                  setTyped('');
                } catch (e) {
                  notifyFailure(t, t('form.deleteFailed'), e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {props.confirmLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
