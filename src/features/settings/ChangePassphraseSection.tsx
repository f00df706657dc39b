/**
 * Change the passphrase: like a key rotation, every record is re-encrypted under a new key into a
 * fresh database, and a new recovery code is shown. The change takes effect after the kept-it check
 * (NewRecoveryCodeModal); until then the old passphrase and recovery code keep working.
 */
import { PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { vault } from '../../storage';
import { NewPassphraseFields, useNewPassphrase } from '../lock';
import { RekeyForm, rekeyFailureText } from './RekeyForm';
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
        setCurrentError(rekeyFailureText(t, error, t('settings.changePassphrase.wrongCurrent')));
      }
    });
  }

  return (
    <RekeyForm
      title={t('settings.changePassphrase.title')}
      hint={t('settings.changePassphrase.hint')}
      submitLabel={t('settings.changePassphrase.submit')}
      doneMessage={t('settings.changePassphrase.done')}
      work={work}
      onSubmit={submit}
      newCode={newCode}
      onCodeConfirmed={() => setNewCode(null)}
    >
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
    </RekeyForm>
  );
}
