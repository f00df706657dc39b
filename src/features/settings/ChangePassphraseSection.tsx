/** Change the passphrase: the data key is re-wrapped; records and the recovery code stay as they are. */
import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WrongSecretError, passphraseStrength, vault } from '../../storage';
import { PassphraseStrengthMeter } from '../lock';
import { useLongWork } from './use-long-work';

export function ChangePassphraseSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const work = useLongWork();
  const strength = useMemo(() => passphraseStrength(next), [next]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    setCurrentError(null);
    if (current === '' || !strength.acceptable || confirm !== next) return;
    await work.run(async () => {
      try {
        await vault.changePassphrase(current, next);
        setCurrent('');
        setNext('');
        setConfirm('');
        setSubmitted(false);
        notifications.show({ message: t('settings.changePassphrase.done'), color: 'teal' });
      } catch (error) {
        if (error instanceof WrongSecretError)
          setCurrentError(t('settings.changePassphrase.wrongCurrent'));
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
        <PasswordInput
          label={t('settings.changePassphrase.next')}
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          error={
            submitted && !strength.acceptable
              ? t('vault.create.tooWeak', { hint: t(`vault.strength.hints.${strength.hintKey}`) })
              : null
          }
          autoComplete="new-password"
        />
        <PassphraseStrengthMeter strength={strength} />
        <PasswordInput
          label={t('settings.changePassphrase.confirm')}
          value={confirm}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          error={submitted && confirm !== next ? t('vault.create.mismatch') : null}
          autoComplete="new-password"
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
