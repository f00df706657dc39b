/**
 * First run: choose a passphrase (with a strength meter and a minimum), confirm it, create the
 * vault. The button is disabled while the key is derived, so a double click cannot create twice.
 */
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../../storage';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import { VaultCard } from './VaultCard';

export function CreateVaultScreen({
  demo,
  onCreate,
  onBack,
}: {
  demo: boolean;
  onCreate: (passphrase: string) => Promise<void>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const strength = useMemo(() => passphraseStrength(passphrase), [passphrase]);

  const weakError =
    submitted && !strength.acceptable
      ? t('vault.create.tooWeak', { hint: t(`vault.strength.hints.${strength.hintKey}`) })
      : null;
  const mismatchError =
    confirm !== passphrase &&
    (submitted || confirm.length >= passphrase.length) &&
    (submitted || confirm.length > 0)
      ? t('vault.create.mismatch')
      : null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (!strength.acceptable || confirm !== passphrase) return;
    setBusy(true);
    try {
      await onCreate(passphrase);
    } catch (error) {
      setFailure(
        t('vault.create.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
      setBusy(false);
    }
  }

  return (
    <VaultCard title={demo ? t('vault.create.demoTitle') : t('vault.create.title')}>
      <Text size="sm">{t('vault.create.intro')}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('vault.create.passphrase')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={weakError}
            autoComplete="new-password"
            data-autofocus
            autoFocus
            disabled={busy}
          />
          <PassphraseStrengthMeter strength={strength} />
          <PasswordInput
            label={t('vault.create.confirm')}
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={mismatchError}
            autoComplete="new-password"
            disabled={busy}
          />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {busy && (
            <Text size="sm" c="dimmed" role="status">
              {t('vault.create.working')}
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onBack} disabled={busy}>
              {t('vault.create.back')}
            </Button>
            <Button type="submit" loading={busy} disabled={busy}>
              {demo ? t('vault.create.submitDemo') : t('vault.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </VaultCard>
  );
}
