/**
 * Rotate the encryption key: every record is re-encrypted under a new key into a fresh database
 * (with progress), and a new recovery code is shown once. The rotation takes effect only after the
 * kept-it check (NewRecoveryCodeModal); until then the old recovery code keeps working.
 */
import { Button, Group, PasswordInput, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ThrottledError, WrongSecretError, vault } from '../../storage';
import { NewRecoveryCodeModal } from './NewRecoveryCodeModal';
import { problemMessage } from './problem-message';
import { errorMessage } from '../../shared/ui/error-message';
import { messageText } from '../../shared/ui/notify-failure';
import { useLongWork } from './use-long-work';

export function RotateKeySection() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [newCode, setNewCode] = useState<string | null>(null);
  const work = useLongWork();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    if (passphrase === '') {
      setError(t('common.required'));
      return;
    }
    await work.run(async (report) => {
      try {
        const { recoveryCode } = await vault.rotateKey(passphrase, report);
        setPassphrase('');
        setNewCode(recoveryCode);
      } catch (failure) {
        if (failure instanceof WrongSecretError) setError(t('settings.rotate.wrong'));
        else if (failure instanceof ThrottledError) setError(messageText(t, errorMessage(failure)));
        else if (problemMessage(t, failure)) setError(problemMessage(t, failure));
        else throw failure;
      }
    });
  }

  return (
    <>
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm" maw={480}>
          <Title order={2} size="h4">
            {t('settings.rotate.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.rotate.hint')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.disk.note')}
          </Text>
          <PasswordInput
            label={t('settings.rotate.passphrase')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={error}
            autoComplete="current-password"
            disabled={work.busy}
          />
          {work.busy && (
            <Stack gap={4} role="status">
              <Progress
                value={(work.progress ?? 0) * 100}
                aria-label={t('settings.rotate.title')}
              />
              <Text size="xs" c="dimmed">
                {t('settings.rotate.working', { percent: Math.round((work.progress ?? 0) * 100) })}
              </Text>
            </Stack>
          )}
          <Group>
            <Button type="submit" color="orange" loading={work.busy} disabled={work.busy}>
              {t('settings.rotate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <NewRecoveryCodeModal
        code={newCode}
        onConfirmed={() => {
          setNewCode(null);
          notifications.show({ message: t('settings.rotate.done'), color: 'teal' });
        }}
      />
    </>
  );
}
