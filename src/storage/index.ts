/**
 * The public face of Haven's storage layer. Features import from here only.
 *
 * What is stored where, and why:
 *   - IndexedDB database "haven" (db.ts). Store "meta" holds the vault header (header.ts): format
 *     version, Argon2id parameters, salts and the two key slots wrapping the data key. It is not
 *     secret. Every other store holds sealed rows `{id, v, c}` only (crypto/seal.ts): a random id,
 *     a format version and AES-256-GCM ciphertext; no index, no plaintext field.
 *   - After a key rotation, passphrase change or recovery, the vault lives in a fresh database
 *     "haven.<random>" and the small database "haven-pointer" names it (rekey.ts); the old one
 *     is deleted once the new one is verified and, for a new recovery code, confirmed.
 *   - Memory, only while unlocked (vault.ts, session.ts): the non-extractable record key and the decrypted
 *     records that repositories and hooks serve. lock() drops them.
 *   - Backups (backup.ts): an age file encrypted with a passphrase; the caller saves the bytes.
 *
 * Usage:
 *   import { vault, useRecords, newId } from '../../storage';
 *   if (!(await vault.vaultExists())) { const { recoveryCode } = await vault.createVault(p); }
 *   await vault.unlock(p);
 *   const cases = vault.repo<Case>('cases'); // validated by the vault's CaseSchema
 *   await cases.put({ id: newId(), ... });
 *   vault.lock();
 */
export { FIRST_STORES, vault } from './instance';
export { DEFAULT_SLICER, yieldToEventLoop, type Slicer } from './staged-load';
export {
  Vault,
  type CreateVaultOptions,
  type ThrottlePolicy,
  type UnlockResult,
  type VaultOptions,
  type VaultState,
} from './vault';
export {
  changedFields,
  type AuditAction,
  type AuditEntry,
  type AuditEvent,
  type AuditRow,
} from './audit';
export { type AnyWriteOp, type RecordOf, type WriteOp } from './writes';
export { newRecordOp, saveRecord, type EntityInput } from './save';
export { VAULT_SCHEMAS, type StoreSchemas } from './schemas';
export { Repository, type StoredRecord } from './repository';
export { commitRestorable, type Restore } from './restorable';
export {
  DB_NAME,
  ENTITY_STORES,
  META_STORE,
  MIGRATIONS,
  RECORD_STORES,
  isRecordStore,
  type EntityStore,
  type RecordStore,
} from './db';
export { createBackup, readBackup, restoreBackup } from './backup';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DEFAULT_BACKUP_LIMITS,
  DEFAULT_SCRYPT_WORK_FACTOR,
  canonicalJson,
  type BackupLimits,
  type BackupPlan,
  type BackupSummary,
  type RestoreMode,
  type RestoreOptions,
  type RestoreResult,
} from './backup-format';
export {
  MIN_PASSPHRASE_BITS,
  passphraseStrength,
  type PassphraseStrength,
} from './passphrase-strength';
export {
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
} from './errors';
export { KDF_CAP, KDF_FLOOR, type KdfParams } from './crypto/kdf';
export { isRecordId, newRecordId as newId } from './crypto/bytes';
export { useDamageReport, useRecord, useRecords, useVaultLoading, useVaultState } from './react';
export {
  damagedCount,
  hasProblems,
  isPending,
  type DamageReport,
  type StoreChange,
} from './integrity';
export {
  PlanningSessionProvider,
  createPlanningSession,
  usePlanningIndex,
  usePlanningSession,
  type PlanningIndex,
  type PlanningSession,
  type SessionLocal,
} from './planning';
