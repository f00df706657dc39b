/**
 * One function words every failure: each storage error, backup refusal and lifecycle refusal
 * becomes an English-locale key that exists, and no error's own text reaches the message.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { transition, type TransitionError } from '../../../../src/domain/lifecycle';
import { resources } from '../../../../src/i18n';
import {
  BackupError,
  DamagedDataError,
  HeaderError,
  KdfParamsError,
  LockedError,
  PlaintextGuardError,
  RecordValidationError,
  RecoveryCodeFormatError,
  StorageError,
  TamperError,
  ThrottledError,
  VaultStateError,
  WeakPassphraseError,
  WrongSecretError,
} from '../../../../src/storage';
import {
  backupMessage,
  errorMessage,
  failureReason,
  transitionMessage,
  type UserMessage,
} from '../../../../src/shared/ui/error-message';
import { messageText } from '../../../../src/shared/ui/notify-failure';
import { makeCase } from '../../builders';

const SECRET = 'Record cases/0123abcd holds Amal Haddad, Rue de la Paix 3';

const t = i18next.t.bind(i18next);
beforeAll(async () => {
  await i18next.init({ lng: 'en', resources, interpolation: { escapeValue: false } });
});

function shown(message: UserMessage): string {
  expect(i18next.exists(message.key), `${message.key} exists in English`).toBe(true);
  const text = messageText(t, message);
  expect(text).not.toContain('$t(');
  expect(text).not.toContain('{{');
  return text;
}

describe('error messages', () => {
  it('Given each storage error, When worded, Then it has its own English message and never the error text', () => {
    const errors = [
      new TamperError('cases', '0123abcd'),
      new LockedError(SECRET),
      new WrongSecretError(SECRET),
      new ThrottledError(30_500),
      new HeaderError(SECRET),
      new KdfParamsError(SECRET),
      new PlaintextGuardError(SECRET),
      new RecordValidationError(SECRET),
      new BackupError(SECRET, 'wrong-passphrase'),
      new DamagedDataError(SECRET, 'rotate-damaged', 2),
      new VaultStateError(SECRET),
      new WeakPassphraseError(SECRET),
      new RecoveryCodeFormatError(SECRET),
      new StorageError(SECRET),
      new DOMException(SECRET, 'QuotaExceededError'),
      new Error(SECRET),
      SECRET,
    ];
    const texts = errors.map((e) => shown(errorMessage(e)));
    for (const text of texts) expect(text).not.toContain('Amal');
    expect(new Set(errors.map(failureReason)).size).toBe(errors.length - 1);
    expect(texts[3]).toBe('Too many wrong attempts. Wait 31 s before trying again.');
    expect(texts[0]).toContain('cases');
    expect(texts[14]).toBe('The disk is full');
  });

  it('Given each backup refusal, When worded, Then the key exists', () => {
    const reasons: BackupError['reason'][] = [
      'too-large',
      'not-age',
      'work-factor',
      'wrong-passphrase',
      'damaged-file',
      'dangling-reference',
      'json',
      'schema',
      'limits',
      'not-empty',
      'tampered-vault',
    ];
    for (const r of reasons) shown(backupMessage(r));
  });

  it('Given lifecycle refusals, When worded, Then statuses are translated words', () => {
    const refused = transition(makeCase({ status: 'purged' }), 'planning', {
      at: '2026-03-01T10:00:00.000Z' as never,
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(shown(transitionMessage(refused.error))).toBe('A case in Purged cannot change status.');
    const cases: TransitionError[] = [
      { code: 'same_status', status: 'in_transit' },
      { code: 'forbidden', from: 'request', to: 'relocated', allowed: ['assessment'] },
      { code: 'reason_required', to: 'cancelled' },
      { code: 'approver_required' },
      { code: 'plan_dates_required' },
      { code: 'arrival_date_required' },
      { code: 'arrival_date_invalid', value: 'soon' },
      { code: 'arrival_in_future', arrival: '2027-01-02' as never, today: '2027-01-01' as never },
      { code: 'no_step_back', status: 'request' },
      { code: 'bad_timestamp' },
    ];
    const texts = cases.map((e) => shown(transitionMessage(e)));
    expect(texts[0]).toBe('The case is already in In transit.');
    expect(texts[1]).toBe(
      'A case in Request cannot move to Relocated. Choose one of the moves offered.',
    );
  });
});
