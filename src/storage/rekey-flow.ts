/**
 * Re-keying an unlocked session (change of passphrase, key rotation, recovery): a new data key
 * re-encrypts every record into a fresh database (rekey.ts) while new writes wait at the write
 * gate; confirm() moves the pointer (the commit point) and the session to it and deletes the old
 * database; a lock or a failure before that undoes it. Pointer and database housekeeping run one
 * step at a time in `queue`.
 */
import type { KdfRunner } from './crypto/kdf-client';
import { createDatabase } from './db';
import { wipe } from './crypto/bytes';
import { deriveRecordKey, generateDataKey } from './crypto/keys';
import { generateRecoveryCode } from './crypto/recovery-code';
import { seal } from './crypto/seal';
import { DamagedDataError, LockedError, VaultStateError } from './errors';
import { kdfParamsOf, parseHeader, type HeaderFixedFields, type VaultHeader } from './header';
import { MANIFEST_ID, damagedCount, isPending, type IntegrityPlan } from './integrity';
import { buildSlots, fixedOf, slotsOpen } from './key-slots';
import {
  dropDatabase,
  flushDeleted,
  freshDbName,
  settleDatabases,
  verifyFreshDatabase,
  writeFreshDatabase,
  writePointer,
} from './rekey';
import { auditRowOf, type AuditAction, type AuditRow } from './audit';
import type { Session } from './session';
import { META_STORE } from './stores';
import type { WriteGate } from './write-gate';

/** What a re-key needs from the vault. */
export interface RekeyHost {
  readonly dbName: string;
  readonly kdf: KdfRunner;
  readonly flushBytes: number | undefined;
  readonly gate: WriteGate;
  now(): number;
  current(): Session | null;
  lock(): void;
  /** Checks the current passphrase of `s` under the shared throttle (wipes the key). */
  checkPassphrase(s: Session, passphrase: string, wrongMessage: string): Promise<void>;
  /** The audit store of the session changed. */
  auditChanged(): void;
}

interface Pending {
  session: Session;
  oldName: string;
  name: string;
  header: VaultHeader;
  recordKey: CryptoKey;
  auditRow: AuditRow;
  /** The integrity manifest of the fresh database, applied to the session when it switches. */
  manifest: IntegrityPlan;
  open: () => void;
  confirming: boolean;
}

function damagedError(report: ReturnType<Session['integrity']['current']>): DamagedDataError {
  const n = damagedCount(report);
  // A damaged row cannot be re-encrypted under a new key, and dropping it silently would hide it.
  return n > 0
    ? new DamagedDataError(
        `${n} damaged record(s) cannot be re-encrypted under a new key. Delete them first (see the notice at the top; make a backup that includes them sealed if you want to keep them), then rotate.`,
        'rotate-damaged',
        n,
      )
    : new DamagedDataError(
        'Some records changed outside Haven. Review the notice at the top and choose what to do first, then rotate.',
        'undecided',
        0,
      );
}

export class Rekeys {
  private pending: Pending | null = null;
  private cleanup: Promise<void> = Promise.resolve();

  constructor(private readonly host: RekeyHost) {}

  /** True while a re-key is written and verified but its new recovery code not yet confirmed. */
  isPending(): boolean {
    return this.pending !== null;
  }

  /** The name of the active database, after finishing what an interrupted re-key left. */
  activeDbName(): Promise<string> {
    return this.queue(() => settleDatabases(this.host.dbName, this.host.flushBytes));
  }

  /**
   * Writes and verifies a fresh database under `next` (after checking `current`), and keeps it
   * pending until confirm(). New writes wait; writes already in flight finish first.
   */
  async start(
    s: Session,
    current: string,
    next: string,
    action: AuditAction,
    onProgress?: (fraction: number) => void,
  ): Promise<{ recoveryCode: string }> {
    if (this.pending)
      throw new VaultStateError('Confirm the new recovery code shown before starting again.');
    const open = this.host.gate.close();
    try {
      await this.host.gate.drain();
      await this.cleanup;
      const wrong =
        action === 'rotate-key' ? 'Wrong passphrase.' : 'The current passphrase is wrong.';
      const built = await this.build(s, { current, wrong }, next, action, onProgress);
      this.pending = { ...built, open, confirming: false };
      return { recoveryCode: built.recoveryCode };
    } catch (e) {
      open();
      throw e;
    }
  }

  /**
   * After a recovery-code unlock: re-keys into a fresh database under the new passphrase, keeping
   * the same recovery code, and commits at once (the code the coordinator holds is unchanged).
   * False when it cannot (damaged rows), and the caller re-wraps the passphrase slot in place.
   */
  async afterRecovery(s: Session, next: string, codeBytes: Uint8Array): Promise<boolean> {
    if (s.tamperedList().length > 0) return false;
    const open = this.host.gate.close();
    try {
      await this.cleanup;
      const built = await this.build(s, null, next, 'recover', undefined, codeBytes);
      this.pending = { ...built, open, confirming: false };
    } catch (e) {
      open();
      if (e instanceof LockedError) throw e;
      return false;
    }
    await this.confirm(s);
    return true;
  }

  /**
   * The coordinator has kept the new recovery code: the pointer now names the fresh database (the
   * commit point), the session moves to it, and the old database is deleted.
   */
  async confirm(s: Session): Promise<void> {
    const p = this.pending;
    if (!p || p.session !== s)
      throw new VaultStateError('No new recovery code is waiting to be confirmed.');
    p.confirming = true;
    const { dbName } = this.host;
    try {
      await this.queue(() => writePointer(dbName, { name: p.name, retired: p.oldName }));
    } catch (e) {
      p.confirming = false;
      if (this.host.current() !== s) this.cancel();
      throw e;
    }
    this.pending = null;
    try {
      if (this.host.current() === s) {
        const db = createDatabase(p.name);
        await db.open();
        if (this.host.current() === s) {
          const oldDb = s.db;
          s.db = db;
          s.recordKey = p.recordKey;
          s.header = p.header;
          p.manifest.apply();
          oldDb.close();
          s.keepAudit(p.auditRow);
          this.host.auditChanged();
        } else db.close();
      }
    } catch (e) {
      // The new database is the vault now; never keep writing into the one about to be deleted.
      this.host.lock();
      throw e;
    } finally {
      p.open();
    }
    await this.queue(() => this.switchTo(p.name, p.oldName));
  }

  /** Undoes an unconfirmed re-key after a lock: the fresh database goes, the old one stays. */
  cancel(): void {
    const p = this.pending;
    if (!p || p.confirming) return;
    this.pending = null;
    p.open();
    void this.queue(() => this.switchTo(p.oldName, p.name)).catch(() => undefined);
  }

  private async build(
    s: Session,
    check: { current: string; wrong: string } | null,
    next: string,
    action: AuditAction,
    onProgress?: (fraction: number) => void,
    keepRecovery?: Uint8Array,
  ): Promise<Omit<Pending, 'open' | 'confirming'> & { recoveryCode: string }> {
    const report = s.integrity.current();
    if (damagedCount(report) > 0 || isPending(report)) throw damagedError(report);
    if (check) await this.host.checkPassphrase(s, check.current, check.wrong);
    onProgress?.(0.05);
    const { dbName, kdf } = this.host;
    const dataKey = generateDataKey();
    const recovery = keepRecovery
      ? { bytes: keepRecovery.slice(), code: '' }
      : generateRecoveryCode();
    const oldName = s.db.name;
    const name = freshDbName(dbName);
    try {
      const fixed: HeaderFixedFields = {
        ...fixedOf(s.header),
        keyGeneration: s.header.keyGeneration + 1,
      };
      const params = kdfParamsOf(s.header);
      const slots = await buildSlots(kdf, fixed, dataKey, next, params, recovery.bytes);
      const header = parseHeader({ ...s.header, ...fixed, slots });
      const recordKey = await deriveRecordKey(dataKey);
      onProgress?.(0.3);
      const entry = { store: META_STORE, action, fields: [], entityIds: [s.header.vaultId] };
      const auditRow = auditRowOf([entry], this.host.now());
      const texts = s.texts();
      texts.get('audit')?.ids.push(auditRow.id);
      texts.get('audit')?.jsons.push(JSON.stringify(auditRow));
      this.assertCurrent(s);
      let manifest: IntegrityPlan | null = null;
      await this.queue(() => writePointer(dbName, { name: oldName, pending: name }));
      try {
        await writeFreshDatabase(
          name,
          header,
          recordKey,
          texts,
          (f) => onProgress?.(0.3 + f * 0.5),
          // The fresh database gets its own integrity manifest (integrity.ts) over its new rows.
          async (sealedRows) => {
            manifest = s.integrity.rebuildPlan(sealedRows);
            return seal(recordKey, manifest.record, 'audit', MANIFEST_ID);
          },
        );
        onProgress?.(0.8);
        await verifyFreshDatabase(name, header, recordKey, texts, (stored) =>
          slotsOpen(kdf, stored, next, recovery.bytes, dataKey),
        );
        this.assertCurrent(s);
      } catch (e) {
        void this.queue(() => this.switchTo(oldName, name)).catch(() => undefined);
        throw e;
      }
      if (!manifest) throw new VaultStateError('The re-encrypted copy has no integrity manifest.');
      onProgress?.(1);
      const recoveryCode = recovery.code;
      return { session: s, oldName, name, header, recordKey, auditRow, manifest, recoveryCode };
    } finally {
      wipe(dataKey);
      wipe(recovery.bytes);
    }
  }

  private assertCurrent(s: Session): void {
    if (this.host.current() !== s)
      throw new LockedError('The vault was locked during the operation.');
  }

  /** The pointer names `keep` again and `drop` is deleted (undo, or retiring the old database). */
  private async switchTo(keep: string, drop: string): Promise<void> {
    const { dbName, flushBytes } = this.host;
    await dropDatabase(dbName, drop);
    await writePointer(dbName, { name: keep });
    await flushDeleted(dbName, flushBytes);
  }

  /** Runs pointer and database housekeeping one step at a time. */
  private queue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.cleanup.then(fn);
    this.cleanup = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
