/**
 * A new passphrase, typed twice, with the strength meter between: used wherever a passphrase is
 * chosen (vault creation, recovery, passphrase change, backups). The minimum strength and the
 * "the two differ" check are enforced the same way everywhere.
 */
import { PasswordInput } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseStrength, type PassphraseStrength } from '../../storage';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
  strength: PassphraseStrength;
  /** Strong enough, and typed the same twice. */
  valid: boolean;
  setPassphrase: (value: string) => void;
  setConfirm: (value: string) => void;
  reset: () => void;
}

export function useNewPassphrase(): NewPassphrase {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const strength = useMemo(() => passphraseStrength(passphrase), [passphrase]);
  const reset = useCallback(() => {
    setPassphrase('');
    setConfirm('');
  }, []);
  return {
    passphrase,
    confirm,
    strength,
    valid: strength.acceptable && confirm === passphrase,
    setPassphrase,
    setConfirm,
    reset,
  };
}

export function NewPassphraseFields({
  state,
  submitted,
  label,
  confirmLabel,
  disabled,
  autoFocus,
}: {
  state: NewPassphrase;
  /** After a submit attempt, every problem is shown; before it, only a confirmation that already differs. */
  submitted: boolean;
  label: string;
  confirmLabel: string;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { passphrase, confirm, strength } = state;
  const weak =
    submitted && !strength.acceptable
      ? t('vault.create.tooWeak', { hint: t(`vault.strength.hints.${strength.hintKey}`) })
      : null;
  const differs =
    confirm !== passphrase &&
    (submitted || (confirm.length > 0 && confirm.length >= passphrase.length))
      ? t('vault.create.mismatch')
      : null;
  return (
    <>
      <PasswordInput
        label={label}
        value={passphrase}
        onChange={(event) => state.setPassphrase(event.currentTarget.value)}
        error={weak}
        autoComplete="new-password"
        autoFocus={autoFocus}
        disabled={disabled}
      />
      <PassphraseStrengthMeter strength={strength} />
      <PasswordInput
        label={confirmLabel}
        value={confirm}
        onChange={(event) => state.setConfirm(event.currentTarget.value)}
        error={differs}
        autoComplete="new-password"
        disabled={disabled}
      />
    </>
  );
}
