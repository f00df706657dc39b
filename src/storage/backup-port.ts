/**
 * The narrow port between the vault and backup.ts: what a backup reads from an unlocked vault and
 * the one write a restore makes. Each Vault registers its port here when it is made; nothing
 * outside storage reaches it (it is not exported from storage/index.ts).
 */
import type { AuditEntry, AuditRow } from './audit';
import type { SealedRow } from './crypto/seal';
import { VaultStateError } from './errors';
import type { DamageReport } from './integrity';
import type { StoredRecord } from './repository';
import type { RecordStore } from './stores';

export interface BackupPort {
  /** What failed its integrity check or changed outside Haven, and the coordinator's decision. */
  damageReport(): DamageReport;
  /** Settles once a staged unlock has opened every store (call before records()). */
  loaded(): Promise<void>;
  /** Every decrypted record of every store. Throws when locked. */
  records(): Record<RecordStore, StoredRecord[]>;
  /** The damaged rows exactly as stored (opaque sealed rows). */
  damagedRows(): Promise<Partial<Record<RecordStore, SealedRow[]>>>;
  /** Checks a record against its store's schema; returns the frozen copy that would be stored. */
  validate(store: RecordStore, value: StoredRecord): StoredRecord;
  /** A new audit row for `entries` (not yet written). */
  newAuditRow(entries: readonly AuditEntry[]): AuditRow;
  /** Puts rows of many stores and `auditRow` in one transaction, each validated and sealed first. */
  writeRaw(
    records: Partial<Record<RecordStore, readonly StoredRecord[]>>,
    auditRow: AuditRow,
  ): Promise<void>;
}

const ports = new WeakMap<object, BackupPort>();

/** Called once by each vault as it is made. */
export function registerBackupPort(vault: object, port: BackupPort): void {
  ports.set(vault, port);
}

export function backupPortOf(vault: object): BackupPort {
  const port = ports.get(vault);
  if (!port) throw new VaultStateError('This is not a vault.');
  return port;
}
