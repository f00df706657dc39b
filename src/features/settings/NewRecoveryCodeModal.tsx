/**
 * The new recovery code after a re-key (key rotation or passphrase change). Nothing changes for
 * the old secrets until the coordinator passes the kept-it check: only then is the re-encrypted
 * vault switched in (vault.confirmRekey) and the old one deleted. Locking or closing before that
 * keeps the old passphrase and recovery code working.
 */
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vault } from '../../storage';
import { RecoveryCodePanel } from '../lock';

export function NewRecoveryCodeModal({
  code,
  onConfirmed,
}: {
  code: string | null;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function kept(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await vault.confirmRekey();
      onConfirmed();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={code !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('settings.rotate.newCodeTitle')}
      size="lg"
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{t('settings.rotate.newCodeIntro')}</Text>
        {code && (
          <RecoveryCodePanel
            code={code}
            onDone={() => void kept()}
            doneLabel={t('settings.rotate.kept')}
          />
        )}
        {busy && (
          <Text size="sm" role="status">
            {t('settings.rotate.confirming')}
          </Text>
        )}
        {failed && (
          <Alert color="red" role="alert">
            {t('settings.rotate.confirmFailed')}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
