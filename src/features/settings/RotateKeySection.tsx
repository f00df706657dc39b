/**
 * Rotate the encryption key: every record is re-encrypted under a new key into a fresh database
 * (with progress), and a new recovery code is shown once. The rotation takes effect only after the
 * kept-it check (NewRecoveryCodeModal); until then the old recovery code keeps working.
 */
import { PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { vault } from '../../storage';
import { RekeyForm, rekeyFailureText } from './RekeyForm';
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
        setError(rekeyFailureText(t, failure, t('settings.rotate.wrong')));
      }
    });
  }

  return (
    <RekeyForm
      title={t('settings.rotate.title')}
      hint={t('settings.rotate.hint')}
      submitLabel={t('settings.rotate.submit')}
      submitColor="orange"
      doneMessage={t('settings.rotate.done')}
      work={work}
      onSubmit={submit}
      newCode={newCode}
      onCodeConfirmed={() => setNewCode(null)}
    >
      <PasswordInput
        label={t('settings.rotate.passphrase')}
        value={passphrase}
        onChange={(event) => setPassphrase(event.currentTarget.value)}
        error={error}
        autoComplete="current-password"
        disabled={work.busy}
      />
    </RekeyForm>
  );
}
