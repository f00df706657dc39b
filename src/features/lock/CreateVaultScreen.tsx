/**
 * First run: choose a passphrase (with a strength meter and a minimum), confirm it, create the
 * vault. The button is disabled while the key is derived, so a double click cannot create twice.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../../shared/ui/notify-failure';
import { WorkingNote } from '../../shared/ui/WorkingNote';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
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
  const choice = useNewPassphrase();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (!choice.valid) return;
    setBusy(true);
    try {
      await onCreate(choice.passphrase);
    } catch (error) {
      setFailure(failureText(t, 'vault.create.failed', error));
      setBusy(false);
    }
  }

  return (
    <VaultCard title={demo ? t('vault.create.demoTitle') : t('vault.create.title')}>
      <Text size="sm">{t('vault.create.intro')}</Text>
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <NewPassphraseFields
            state={choice}
            submitted={submitted}
            label={t('vault.create.passphrase')}
            confirmLabel={t('vault.create.confirm')}
            disabled={busy}
            autoFocus
          />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <WorkingNote busy={busy}>{t('vault.create.working')}</WorkingNote>
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
