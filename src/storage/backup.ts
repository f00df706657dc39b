/**
 * Encrypted backups: one file in the age format (https://age-encryption.org/v1), encrypted with a
 * passphrase (age's scrypt recipient), so anyone can check or decrypt it with the standard `age`
 * tool. age authenticates its header (HMAC) and its payload in 64 KiB STREAM chunks with a final
 * chunk flag, so bit flips and truncation are detected. Inside, versioned JSON:
 *   { format: "haven-backup", version: 1, createdAt, stores: { <store>: records[] } }
 * with the decrypted records of every store (audit trail included). Nothing is written anywhere by
 * this module: the caller saves the bytes (platform layer).
 *
 * Import never trusts the file (backup-checks.ts): size, the age header's scrypt work factor,
 * decryption, JSON limits and the file's schema, then each store's record schema and every
 * reference. Only then is a plan with a summary returned; restoring it seals everything first and
 * commits all rows in one transaction: a bad file changes nothing.
 */
import { Encrypter } from 'age-encryption';
import { backupPortOf } from './backup-port';
import { checkRecords, decryptContent } from './backup-checks';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DEFAULT_BACKUP_LIMITS,
  DEFAULT_SCRYPT_WORK_FACTOR,
  canonicalJson,
  type BackupContent,
  type BackupLimits,
  type BackupPlan,
  type BackupSummary,
  type RestoreOptions,
  type RestoreResult,
} from './backup-format';
import { RECORD_STORES, ENTITY_STORES, type RecordStore } from './db';
import { BackupError, StorageError } from './errors';
import { utf8 } from './crypto/bytes';
import { b64 } from './header';
import { damagedCount, isPending } from './integrity';
import type { StoredRecord } from './repository';
import type { Vault } from './vault';

/** Encrypts every record of the open vault into an age file. */
export async function createBackup(
  vault: Vault,
  passphrase: string,
  opts: {
    scryptWorkFactor?: number;
    /**
     * What to do with rows that fail their integrity check, once the coordinator kept them
     * quarantined: carry them sealed (unreadable, as evidence) or leave them out. Without a
     * choice, a vault with damaged rows is not backed up.
     */
    damaged?: 'include-sealed' | 'leave-out';
  } = {},
): Promise<Uint8Array> {
  const port = backupPortOf(vault);
  await port.loaded();
  const report = port.damageReport();
  const count = damagedCount(report);
  if (isPending(report)) {
    throw new BackupError(
      'Some records are damaged or changed outside Haven. Choose what to do in the notice at the top first (keep them quarantined, or delete them), then back up.',
      'tampered-vault',
      { key: 'integrity.backup.undecided', values: { count } },
    );
  }
  if (count > 0 && !opts.damaged) {
    throw new BackupError(
      `${count} damaged record(s) are kept quarantined. Choose whether the backup carries them sealed or leaves them out.`,
      'tampered-vault',
      { key: 'integrity.backup.chooseDamaged', values: { count } },
    );
  }
  const all = port.records();
  const content: BackupContent = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    stores: {},
  };
  for (const store of RECORD_STORES) content.stores[store] = all[store];
  if (count > 0 && opts.damaged === 'include-sealed') {
    const rows = await port.damagedRows();
    content.sealed = {};
    for (const store of RECORD_STORES) {
      const list = rows[store];
      if (list?.length)
        content.sealed[store] = list.map((r) => ({
          id: r.id,
          v: r.v,
          c: b64.encode(new Uint8Array(r.c)),
        }));
    }
  }
  const e = new Encrypter();
  e.setScryptWorkFactor(opts.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
  e.setPassphrase(passphrase.normalize('NFC'));
  return e.encrypt(utf8.encode(JSON.stringify(content)));
}

/**
 * Decrypts and validates a backup against the open vault and returns a plan with its summary.
 * Writes nothing. Throws BackupError with a reason on any problem.
 */
export async function readBackup(
  vault: Vault,
  file: Uint8Array,
  passphrase: string,
  limitsIn: Partial<BackupLimits> = {},
): Promise<BackupPlan> {
  const limits = { ...DEFAULT_BACKUP_LIMITS, ...limitsIn };
  if (file.length > limits.maxBytes) {
    throw new BackupError(
      `The backup is larger than the ${Math.round(limits.maxBytes / 1e6)} MB limit.`,
      'too-large',
    );
  }
  const content = await decryptContent(file, passphrase, limits);
  const counts: BackupSummary['counts'] = {};
  const conflicts: BackupSummary['conflicts'] = [];
  let total = 0;
  let identical = 0;
  const port = backupPortOf(vault);
  await port.loaded();
  const local = port.records();
  checkRecords(content, local);
  for (const store of RECORD_STORES) {
    const list = content.stores[store];
    if (!list) continue;
    const localById = new Map(local[store].map((r) => [r.id, r]));
    list.forEach((rec, i) => {
      let valid: StoredRecord;
      try {
        valid = port.validate(store, rec);
      } catch (e) {
        if (e instanceof StorageError)
          throw new BackupError(`The backup holds an invalid record: ${e.message}`, 'schema', {
            key: 'integrity.restore.invalidField',
            values: { store, n: i + 1, id: rec.id.slice(0, 8), field: 'record', reason: '' },
          });
        throw e;
      }
      list[i] = valid;
      const mine = localById.get(rec.id);
      if (mine) {
        if (canonicalJson(mine) === canonicalJson(valid)) identical++;
        else conflicts.push({ store, id: rec.id });
      }
    });
    counts[store] = list.length;
    total += list.length;
  }
  let sealedDamaged = 0;
  for (const list of Object.values(content.sealed ?? {})) sealedDamaged += list.length;
  return {
    summary: { createdAt: content.createdAt, counts, total, conflicts, identical, sealedDamaged },
    content,
  };
}

/** Restores a validated plan in one transaction (everything sealed first). */
export async function restoreBackup(
  vault: Vault,
  plan: BackupPlan,
  opts: RestoreOptions,
): Promise<RestoreResult> {
  const port = backupPortOf(vault);
  await port.loaded();
  const local = port.records();
  if (opts.mode === 'empty') {
    const nonEmpty = ENTITY_STORES.filter((s) => local[s].length > 0);
    if (nonEmpty.length > 0) {
      throw new BackupError(
        'Restoring into a new vault needs an empty vault; use merge instead.',
        'not-empty',
      );
    }
  }
  const takeBackup = opts.onConflict === 'take-backup';
  const toWrite: Partial<Record<RecordStore, StoredRecord[]>> = {};
  let written = 0;
  let skipped = 0;
  for (const store of RECORD_STORES) {
    const list = plan.content.stores[store];
    if (!list) continue;
    const localById = new Map(local[store].map((r) => [r.id, r]));
    const out: StoredRecord[] = [];
    for (const rec of list) {
      const mine = localById.get(rec.id);
      if (mine && (!takeBackup || canonicalJson(mine) === canonicalJson(rec))) {
        skipped++;
        continue;
      }
      out.push(rec);
    }
    written += out.length;
    toWrite[store] = out;
  }
  const audit = port.newAuditRow([
    {
      store: 'meta',
      entityId: 'backup',
      action: opts.mode === 'empty' ? 'restore-backup' : 'merge-backup',
      fields: RECORD_STORES.filter((s) => (toWrite[s]?.length ?? 0) > 0),
    },
  ]);
  await port.writeRaw(toWrite, audit);
  return { written, skipped };
}
