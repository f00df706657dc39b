/**
 * The frame shared by the two re-encryptions (change passphrase, rotate key): heading and hints,
 * the caller's fields, progress while every record is re-encrypted, the submit button, and the
 * new recovery code shown once afterwards (NewRecoveryCodeModal) with a done notification.
 */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionHeading } from '../../shared/ui/SectionHeading';
import { ThrottledError, WrongSecretError } from '../../storage';
import { errorMessage } from '../../shared/ui/error-message';
import { messageText } from '../../shared/ui/notify-failure';
import { NewRecoveryCodeModal } from './NewRecoveryCodeModal';
import { problemMessage } from './problem-message';
import type { LongWork } from './use-long-work';

/** Words a refused re-encryption for its secret field; anything unexpected is thrown on. */
export function rekeyFailureText(t: TFunction, failure: unknown, wrongSecret: string): string {
  if (failure instanceof WrongSecretError) return wrongSecret;
  if (failure instanceof ThrottledError) return messageText(t, errorMessage(failure));
  const problem = problemMessage(t, failure);
  if (problem) return problem;
  throw failure;
}

interface RekeyFormProps {
  title: string;
  hint: string;
  submitLabel: string;
  submitColor?: string;
  doneMessage: string;
  work: LongWork;
  onSubmit: (event: FormEvent) => Promise<void>;
  newCode: string | null;
  onCodeConfirmed: () => void;
  children: ReactNode;
}

export function RekeyForm(props: RekeyFormProps) {
  const { t } = useTranslation();
  const { work } = props;
  const fraction = work.progress ?? 0;
  return (
    <>
      <form autoComplete="off" onSubmit={(event) => void props.onSubmit(event)} noValidate>
        <Stack gap="sm" maw={480}>
          <SectionHeading title={props.title} hint={props.hint} />
          <Text size="sm" c="dimmed">
            {t('settings.disk.note')}
          </Text>
          {props.children}
          {work.busy && (
            <Stack gap={4} role="status">
              <Progress value={fraction * 100} aria-label={props.title} />
              <Text size="xs" c="dimmed">
                {t('settings.rotate.working', { percent: Math.round(fraction * 100) })}
              </Text>
            </Stack>
          )}
          <Group>
            <Button
              type="submit"
              color={props.submitColor}
              loading={work.busy}
              disabled={work.busy}
            >
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
      <NewRecoveryCodeModal
        code={props.newCode}
        onConfirmed={() => {
          props.onCodeConfirmed();
          notifications.show({ message: props.doneMessage, color: 'teal' });
        }}
      />
    </>
  );
}
