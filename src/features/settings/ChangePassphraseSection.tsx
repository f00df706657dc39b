/**
 * Change the passphrase: like a key rotation, every record is re-encrypted under a new key into a
 * fresh database, and a new recovery code is shown. The change takes effect after the kept-it check
 * (NewRecoveryCodeModal); until then the old passphrase and recovery code keep working.
 */
import { Button, Group, PasswordInput, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ThrottledError, WrongSecretError, vault } from '../../storage';
import { NewPassphraseFields, useNewPassphrase } from '../lock';
import { NewRecoveryCodeModal } from './NewRecoveryCodeModal';
import { errorMessage } from '../../shared/ui/error-message';
import { messageText } from '../../shared/ui/notify-failure';
import { problemMessage } from './problem-message';
import { useLongWork } from './use-long-work';

export function ChangePassphraseSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const choice = useNewPassphrase();
  const [submitted, setSubmitted] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [newCode, setNewCode] = useState<string | null>(null);
  const work = useLongWork();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setCurrentError(null);
    if (current === '' || !choice.valid) return;
    await work.run(async (report) => {
      try {
        const { recoveryCode } = await vault.changePassphrase(current, choice.passphrase, report);
        setCurrent('');
        choice.reset();
        setSubmitted(false);
        setNewCode(recoveryCode);
      } catch (error) {
        if (error instanceof WrongSecretError)
          setCurrentError(t('settings.changePassphrase.wrongCurrent'));
        else if (error instanceof ThrottledError)
          setCurrentError(messageText(t, errorMessage(error)));
        else if (problemMessage(t, error)) setCurrentError(problemMessage(t, error));
        else throw error;
      }
    });
  }

  return (
    <>
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm" maw={480}>
          <Title order={2} size="h4">
            {t('settings.changePassphrase.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.changePassphrase.hint')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.disk.note')}
          </Text>
          <PasswordInput
            label={t('settings.changePassphrase.current')}
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={currentError ?? (submitted && current === '' ? t('common.required') : null)}
            autoComplete="current-password"
          />
          <NewPassphraseFields
            state={choice}
            submitted={submitted}
            label={t('settings.changePassphrase.next')}
            confirmLabel={t('settings.changePassphrase.confirm')}
            disabled={work.busy}
          />
          {work.busy && (
            <Stack gap={4} role="status">
              <Progress
                value={(work.progress ?? 0) * 100}
                aria-label={t('settings.changePassphrase.title')}
              />
              <Text size="xs" c="dimmed">
                {t('settings.rotate.working', { percent: Math.round((work.progress ?? 0) * 100) })}
              </Text>
            </Stack>
          )}
          <Group>
            <Button type="submit" loading={work.busy} disabled={work.busy}>
              {t('settings.changePassphrase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <NewRecoveryCodeModal
        code={newCode}
        onConfirmed={() => {
          setNewCode(null);
          notifications.show({ message: t('settings.changePassphrase.done'), color: 'teal' });
        }}
      />
    </>
  );
}
