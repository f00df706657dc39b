/**
 * Unlock with the passphrase. A wrong passphrase says so and changes nothing; repeated failures
 * are slowed down by the vault, and the screen counts the wait down before the next try.
 */
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ThrottledError, WrongSecretError } from '../../storage';
import { unlockFailureText } from './unlock-failure';
import { VaultCard } from './VaultCard';

export function UnlockScreen({
  onUnlock,
  onUseRecovery,
  notice,
}: {
  onUnlock: (passphrase: string) => Promise<void>;
  onUseRecovery: () => void;
  notice?: string | null;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (waitUntil <= now) return;
    const handle = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(handle);
  }, [waitUntil, now]);

  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || waitSeconds > 0 || passphrase.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await onUnlock(passphrase);
    } catch (failure) {
      setPassphrase('');
      if (failure instanceof ThrottledError) {
        setWaitUntil(Date.now() + failure.retryAfterMs);
        setNow(Date.now());
      }
      setError(
        failure instanceof WrongSecretError
          ? t('vault.unlock.wrong')
          : unlockFailureText(t, failure),
      );
      setBusy(false);
    }
  }

  return (
    <VaultCard title={t('vault.unlock.title')}>
      {notice && (
        <Alert color="teal" variant="light" role="status">
          {notice}
        </Alert>
      )}
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('vault.unlock.passphrase')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={error}
            autoComplete="current-password"
            autoFocus
            disabled={busy}
          />
          {waitSeconds > 0 && (
            <Text size="sm" c="orange" role="status">
              {t('vault.unlock.throttled', { seconds: waitSeconds })}
            </Text>
          )}
          <Group justify="space-between">
            <Anchor component="button" type="button" size="sm" onClick={onUseRecovery}>
              {t('vault.unlock.useRecovery')}
            </Anchor>
            <Button type="submit" loading={busy} disabled={busy || waitSeconds > 0}>
              {t('vault.unlock.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </VaultCard>
  );
}
