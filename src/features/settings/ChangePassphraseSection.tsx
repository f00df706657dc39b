/** Change the passphrase: the data key is re-wrapped; records and the recovery code stay as they are. */
import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ThrottledError, WrongSecretError, vault } from '../../storage';
import { NewPassphraseFields, useNewPassphrase } from '../lock';
import { useLongWork } from './use-long-work';

export function ChangePassphraseSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const choice = useNewPassphrase();
  const [submitted, setSubmitted] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const work = useLongWork();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setCurrentError(null);
    if (current === '' || !choice.valid) return;
    await work.run(async () => {
      try {
        await vault.changePassphrase(current, choice.passphrase);
        setCurrent('');
        choice.reset();
        setSubmitted(false);
        notifications.show({ message: t('settings.changePassphrase.done'), color: 'teal' });
      } catch (error) {
        if (error instanceof WrongSecretError)
          setCurrentError(t('settings.changePassphrase.wrongCurrent'));
        else if (error instanceof ThrottledError)
          setCurrentError(
            t('vault.unlock.throttled', { seconds: Math.ceil(error.retryAfterMs / 1000) }),
          );
        else throw error;
      }
    });
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm" maw={480}>
        <Title order={2} size="h4">
          {t('settings.changePassphrase.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.changePassphrase.hint')}
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
        <Group>
          <Button type="submit" loading={work.busy} disabled={work.busy}>
            {t('settings.changePassphrase.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
