/**
 * Forgotten passphrase: the recovery code opens the vault and a new passphrase replaces the old
 * one (the data key is re-wrapped; the records are untouched).
 */
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoveryCodeFormatError, WrongSecretError } from '../../storage';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';
import { unlockFailureText } from './unlock-failure';
import { VaultCard } from './VaultCard';

export function RecoverScreen({
  onRecover,
  onBack,
}: {
  onRecover: (code: string, newPassphrase: string) => Promise<void>;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const choice = useNewPassphrase();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setCodeError(null);
    setFailure(null);
    if (!choice.valid || code.trim() === '') return;
    setBusy(true);
    try {
      await onRecover(code, choice.passphrase);
    } catch (error) {
      if (error instanceof RecoveryCodeFormatError) setCodeError(t('vault.recover.format'));
      else if (error instanceof WrongSecretError) setCodeError(t('vault.recover.wrong'));
      else setFailure(unlockFailureText(t, error));
      setBusy(false);
    }
  }

  return (
    <VaultCard title={t('vault.recover.title')}>
      <Text size="sm">{t('vault.recover.intro')}</Text>
      <form autoComplete="off" onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('vault.recover.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={codeError ?? (submitted && code.trim() === '' ? t('common.required') : null)}
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            autoFocus
            disabled={busy}
          />
          <NewPassphraseFields
            state={choice}
            submitted={submitted}
            label={t('vault.recover.newPassphrase')}
            confirmLabel={t('vault.recover.confirm')}
            disabled={busy}
          />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onBack} disabled={busy}>
              {t('vault.recover.back')}
            </Button>
            <Button type="submit" loading={busy} disabled={busy}>
              {t('vault.recover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </VaultCard>
  );
}
