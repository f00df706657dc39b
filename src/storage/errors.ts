/**
 * Typed errors of the storage layer. Nothing secret is ever put in an error message: a store name
 * and a random record id at most (both are visible on disk anyway), never a field value.
 */

/** Base class so callers can tell storage failures from programming errors. */
export class StorageError extends Error {
  override readonly name: string = 'StorageError';
}

/** A storage error class with its own `name` (what logs and tests see), and no fields of its own. */
function named<N extends string>(name: N) {
  return class extends StorageError {
    override readonly name: N = name;
  };
}

/** A sealed row failed authentication: it was altered, moved to another row or store, or corrupted. */
export class TamperError extends StorageError {
  override readonly name = 'TamperError';
  constructor(
    readonly store: string,
    readonly id: string,
    readonly reason = 'authentication failed',
  ) {
    super(
      `Record ${store}/${id} failed its integrity check (${reason}); it was altered or corrupted.`,
    );
  }
}

/** The vault is locked (or was locked while the operation ran). */
export class LockedError extends StorageError {
  override readonly name = 'LockedError';
  constructor(message = 'The vault is locked.') {
    super(message);
  }
}

/** Wrong passphrase or recovery code. Nothing was opened, written or wiped. */
export class WrongSecretError extends named('WrongSecretError') {}

/** Too many wrong attempts: try again after `retryAfterMs`. */
export class ThrottledError extends StorageError {
  override readonly name = 'ThrottledError';
  constructor(readonly retryAfterMs: number) {
    super(`Too many wrong attempts. Try again in ${Math.ceil(retryAfterMs / 1000)} s.`);
  }
}

/** The vault header is malformed, weakened (KDF below the floor) or its slot is corrupted. */
export class HeaderError extends named('HeaderError') {}

/** KDF parameters below the security floor or above the sanity cap. */
export class KdfParamsError extends named('KdfParamsError') {}

/** A write of an unsealed value (or of anything not `{id, v, c}`) reached the database. */
export class PlaintextGuardError extends named('PlaintextGuardError') {}

/** A record failed schema validation or has an invalid id. */
export class RecordValidationError extends named('RecordValidationError') {}

/** A backup file was refused (corrupted, truncated, wrong passphrase, too large, invalid content). */
export class BackupError extends StorageError {
  override readonly name = 'BackupError';
  constructor(
    message: string,
    readonly reason:
      | 'too-large'
      | 'not-age'
      | 'work-factor'
      | 'json'
      | 'schema'
      | 'limits'
      | 'not-empty'
      | 'tampered-vault'
      | 'wrong-passphrase'
      | 'damaged-file'
      | 'dangling-reference',
    /** What to show the coordinator: an i18n key (settings.restore.problem.*) and its values. */
    readonly i18n?: { key: string; values: Record<string, string | number> },
  ) {
    super(message);
  }
}

/** Damaged rows (or rows changed outside Haven) block the operation until the coordinator decides. */
export class DamagedDataError extends StorageError {
  override readonly name = 'DamagedDataError';
  constructor(
    message: string,
    readonly reason: 'rotate-damaged' | 'undecided',
    readonly count: number,
  ) {
    super(message);
  }
}

/** Operation not possible in the vault's current state (e.g. creating a vault when one exists). */
export class VaultStateError extends named('VaultStateError') {}

/** The new passphrase is too weak (below about 64 bits, five random words). */
export class WeakPassphraseError extends named('WeakPassphraseError') {}

/** The recovery code is mistyped (wrong length, invalid symbol or checksum): no attempt was counted. */
export class RecoveryCodeFormatError extends named('RecoveryCodeFormatError') {}
