/**
 * One place turns a failure into words for people: a storage error (storage/errors.ts), a domain
 * refusal (a lifecycle move the rules refuse) or anything unexpected becomes an i18n key and its
 * parameters. Each switch ends in `assertNever`, so a new reason cannot be left without a message.
 * The error's own English `message` is for logs and tests, never for the screen: it can name
 * stores and ids, and it is not translated.
 */
import { assertNever } from '../../domain/assert';
import type { TransitionError } from '../../domain/lifecycle';
import * as storage from '../../storage';

/** What to show: a translation key (under `errors.`) and the values it interpolates. */
export interface UserMessage {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Why something failed, as far as the screen needs to know. */
export type FailureReason =
  | 'tampered'
  | 'locked'
  | 'wrong_secret'
  | 'throttled'
  | 'header'
  | 'kdf_params'
  | 'plaintext_guard'
  | 'invalid_record'
  | 'backup'
  | 'damaged'
  | 'vault_state'
  | 'weak_passphrase'
  | 'recovery_code_format'
  | 'disk_full'
  | 'storage'
  | 'unexpected';

export function failureReason(error: unknown): FailureReason {
  if (error instanceof storage.TamperError) return 'tampered';
  if (error instanceof storage.LockedError) return 'locked';
  if (error instanceof storage.WrongSecretError) return 'wrong_secret';
  if (error instanceof storage.ThrottledError) return 'throttled';
  if (error instanceof storage.HeaderError) return 'header';
  if (error instanceof storage.KdfParamsError) return 'kdf_params';
  if (error instanceof storage.PlaintextGuardError) return 'plaintext_guard';
  if (error instanceof storage.RecordValidationError) return 'invalid_record';
  if (error instanceof storage.BackupError) return 'backup';
  if (error instanceof storage.DamagedDataError) return 'damaged';
  if (error instanceof storage.VaultStateError) return 'vault_state';
  if (error instanceof storage.WeakPassphraseError) return 'weak_passphrase';
  if (error instanceof storage.RecoveryCodeFormatError) return 'recovery_code_format';
  if (error instanceof storage.StorageError) return 'storage';
  // IndexedDB (and Dexie's wrapper of it) name a full disk this way.
  if (typeof error === 'object' && error !== null && 'name' in error) {
    if (error.name === 'QuotaExceededError') return 'disk_full';
  }
  return 'unexpected';
}

const m = (key: string, params: Record<string, string | number> = {}): UserMessage => ({
  key,
  params,
});

/** The message for any failure a screen catches. */
export function errorMessage(error: unknown): UserMessage {
  const reason = failureReason(error);
  switch (reason) {
    case 'tampered':
      return m('errors.tampered', { store: (error as storage.TamperError).store });
    case 'locked':
      return m('errors.locked');
    case 'wrong_secret':
      return m('errors.wrongSecret');
    case 'throttled':
      return m('errors.throttled', {
        seconds: Math.ceil((error as storage.ThrottledError).retryAfterMs / 1000),
      });
    case 'header':
      return m('errors.header');
    case 'kdf_params':
      return m('errors.kdfParams');
    case 'plaintext_guard':
      return m('errors.plaintextGuard');
    case 'invalid_record':
      return m('errors.invalidRecord');
    case 'backup': {
      // A refusal that names its record (restore checks) carries its own key and values.
      const refusal = error as storage.BackupError;
      return refusal.i18n
        ? m(refusal.i18n.key, refusal.i18n.values)
        : backupMessage(refusal.reason);
    }
    case 'damaged':
      return (error as storage.DamagedDataError).reason === 'rotate-damaged'
        ? m('errors.damaged.rotate', { count: (error as storage.DamagedDataError).count })
        : m('errors.damaged.undecided');
    case 'vault_state':
      return m('errors.vaultState');
    case 'weak_passphrase':
      return m('errors.weakPassphrase');
    case 'recovery_code_format':
      return m('errors.recoveryCodeFormat');
    case 'disk_full':
      return m('errors.diskFull');
    case 'storage':
      return m('errors.storage');
    case 'unexpected':
      return m('errors.unexpected');
    default:
      return assertNever(reason, 'failure reason');
  }
}

/** Why a backup file was refused. */
export function backupMessage(reason: storage.BackupError['reason']): UserMessage {
  switch (reason) {
    case 'too-large':
      return m('errors.backup.tooLarge');
    case 'not-age':
      return m('errors.backup.notAge');
    case 'work-factor':
      return m('errors.backup.workFactor');
    case 'wrong-passphrase':
      return m('errors.backup.wrongPassphrase');
    case 'damaged-file':
      return m('errors.backup.damagedFile');
    case 'dangling-reference':
      return m('errors.backup.danglingReference');
    case 'json':
    case 'schema':
      return m('errors.backup.invalid');
    case 'limits':
      return m('errors.backup.limits');
    case 'not-empty':
      return m('errors.backup.notEmpty');
    case 'tampered-vault':
      return m('errors.backup.tamperedVault');
    default:
      return assertNever(reason, 'backup refusal');
  }
}

/** Why the lifecycle refused a status change (statuses are translated through `status.*`). */
export function transitionMessage(e: TransitionError): UserMessage {
  switch (e.code) {
    case 'same_status':
      return m('errors.transition.sameStatus', { status: e.status });
    case 'forbidden':
      return e.allowed.length === 0
        ? m('errors.transition.final', { from: e.from })
        : m('errors.transition.forbidden', { from: e.from, to: e.to });
    case 'reason_required':
      return m('case.transition.reasonRequired');
    case 'approver_required':
      return m('case.transition.approverRequired');
    case 'plan_dates_required':
      return m('errors.transition.planDatesRequired');
    case 'arrival_date_required':
      return m('case.transition.arrivalRequired');
    case 'arrival_date_invalid':
      return m('case.transition.arrivalInvalid');
    case 'arrival_in_future':
      return m('case.transition.arrivalFuture', { today: e.today });
    case 'no_step_back':
      return m('errors.transition.noStepBack', { status: e.status });
    case 'bad_timestamp':
      return m('errors.transition.badTimestamp');
    default:
      return assertNever(e, 'transition error');
  }
}
