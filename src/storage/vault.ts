/**
 * The Vault service: creates, unlocks and locks the encrypted store, and is the only holder of the
 * record key. What lives where:
 *   - on disk (IndexedDB "haven", or after a re-key the database "haven-pointer" names, see
 *     rekey.ts): the non-secret header in "meta" (header.ts) and sealed rows `{id, v, c}` in the
 *     record stores (crypto/seal.ts);
 *   - in memory, only while unlocked (session.ts): the non-extractable record key, the header, and
 *     the decrypted records (one RecordCache per store) that repositories serve. lock() drops it.
 * Raw data-key bytes exist only for the moment they are wrapped or unwrapped, then are wiped.
 *
 * The pieces: key slots and the one unlock path (key-slots.ts, secret-check.ts), writes
 * (writes.ts, validated by serialise.ts against the schemas the vault is created with), the
 * audit trail (audit.ts), re-keys and the write gate they hold (rekey-flow.ts, write-gate.ts),
 * and the backup port (backup-port.ts).
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import { newRecordId, randomBytes, wipe } from './crypto/bytes';
import { deriveWrappingKey, type KdfRunner } from './crypto/kdf-client';
import { assertParamsAtLeastFloor, calibrate, type KdfParams } from './crypto/kdf';
import { deriveRecordKey, generateDataKey } from './crypto/keys';
import { decodeRecoveryCode, generateRecoveryCode } from './crypto/recovery-code';
import { DB_NAME, META_STORE, RECORD_STORES, createDatabase } from './db';
import type { EntityStore, RecordStore } from './stores';
import { LockedError, RecordValidationError, type TamperError, VaultStateError } from './errors';
import { HEADER_ID, VAULT_FORMAT, VAULT_FORMAT_VERSION, parseHeader } from './header';
import type { VaultHeader } from './header';
import type { DamageReport } from './integrity';
import { AuditIndex, auditRowOf, groupAuditEntries, type AuditAction } from './audit';
import type { AuditEvent } from './audit';
import { registerBackupPort } from './backup-port';
import { assertStrong, buildSlots, passphraseUnwrap, recoveryUnwrap } from './key-slots';
import { rewrapPassphraseSlot, type Unwrap } from './key-slots';
import { frozenCopy } from './record-cache';
import { Rekeys } from './rekey-flow';
import { Repository, type StoredRecord } from './repository';
import type { StoreSchemas } from './schemas';
import { SecretCheck } from './secret-check';
import { serialise } from './serialise';
import { Session } from './session';
import { StoreEvents } from './store-events';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './throttle';
import { WriteGate } from './write-gate';
import { commitOps, settleDamage, writeRecords, type AnyWriteOp } from './writes';
import type { WriteContext } from './writes';

export type VaultState = 'locked' | 'unlocked';
export type { ThrottlePolicy } from './throttle';

export interface UnlockResult {
  /** Rows that failed their integrity check: kept on disk, not loaded, reported here. */
  tampered: TamperError[];
}

export interface CreateVaultOptions {
  onProgress?: (fraction: number) => void;
  /** Argon2id parameters; default: calibrated to about 1 s on this machine. Never below the floor. */
  kdfParams?: KdfParams;
}

export interface VaultOptions {
  /** IndexedDB database name (default "haven"; tests use their own). */
  dbName?: string;
  /**
   * The schema of each store, checked on every write and every restored record (the app passes
   * VAULT_SCHEMAS, schemas.ts). A store without one is checked for its id and JSON form only,
   * or against a schema given to `repo()` for it.
   */
  schemas?: StoreSchemas;
  /** Argon2id runner (default: Web Worker, or inline without Worker support). */
  kdf?: KdfRunner;
  /** Clock in ms (injectable for throttling tests). */
  now?: () => number;
  throttle?: Partial<ThrottlePolicy>;
  /** Target unlock time for calibration (default 1000 ms). */
  calibrationTargetMs?: number;
  /** Filler written after deleting an old database, so that LevelDB compacts it away (rekey.ts). */
  flushBytes?: number;
}

const ENTITY_STORE_SET: ReadonlySet<string> = new Set(RECORD_STORES.filter((s) => s !== 'audit'));

export class Vault {
  private session: Session | null = null;
  private readonly events = new StoreEvents();
  private readonly audit: AuditIndex;
  private readonly repos = new Map<EntityStore, Repository<StoredRecord>>();
  /** Schemas by store: those the vault was created with (fixed), then any given to repo(). */
  private readonly schemas: Map<RecordStore, z.ZodType>;
  private readonly fixedSchemas: ReadonlySet<RecordStore>;
  private readonly gate = new WriteGate();
  private readonly secrets: SecretCheck;
  private readonly rekeys: Rekeys;
  /** Counts lock() calls: an unlock that sees it change while it runs ends locked. */
  private lockEpoch = 0;
  private busy = false;
  readonly dbName: string;
  private readonly kdf: KdfRunner;
  private readonly now: () => number;
  private readonly calibrationTargetMs: number;

  constructor(opts: VaultOptions = {}) {
    this.dbName = opts.dbName ?? DB_NAME;
    this.kdf = opts.kdf ?? deriveWrappingKey;
    this.now = opts.now ?? (() => Date.now());
    this.calibrationTargetMs = opts.calibrationTargetMs ?? 1000;
    this.schemas = new Map(Object.entries(opts.schemas ?? {}) as [RecordStore, z.ZodType][]);
    this.fixedSchemas = new Set(this.schemas.keys());
    this.secrets = new SecretCheck({ ...DEFAULT_THROTTLE, ...opts.throttle }, this.now);
    this.audit = new AuditIndex(() => this.list('audit'));
    this.rekeys = new Rekeys({
      dbName: this.dbName,
      kdf: this.kdf,
      flushBytes: opts.flushBytes,
      gate: this.gate,
      now: this.now,
      current: () => this.session,
      lock: () => this.lock(),
      checkPassphrase: async (s, passphrase, wrong) =>
        wipe(
          (await this.check(s.db, s.header, passphraseUnwrap(this.kdf, passphrase), wrong)).dataKey,
        ),
      auditChanged: () => this.changed('audit'),
    });
    registerBackupPort(this, {
      damageReport: () => this.damageReport(),
      records: () => this.allRecords(),
      damagedRows: () => this.damagedRows(),
      validate: (store, value) => frozenCopy(serialise(store, value, this.schemas.get(store)).json),
      newAuditRow: (entries) => auditRowOf(groupAuditEntries(entries), this.now()),
      writeRaw: (records, row) =>
        this.gate.tracked(() => writeRecords(this.writeContext(), records, row)),
    });
  }

  // ---------------------------------------------------------------- state

  get state(): VaultState {
    return this.session ? 'unlocked' : 'locked';
  }

  isUnlocked(): boolean {
    return this.session !== null;
  }

  /** Subscribes to lock/unlock; returns the unsubscribe function. */
  onLockChange(listener: (state: VaultState) => void): () => void {
    return this.events.onLock(() => listener(this.state));
  }

  /** True when a vault (a header) exists in this profile. Creates nothing. */
  async vaultExists(): Promise<boolean> {
    if (this.session) return true;
    const name = await this.rekeys.activeDbName();
    if (!(await Dexie.exists(name))) return false;
    const db = createDatabase(name);
    try {
      await db.open();
      return (await db.table(META_STORE).get(HEADER_ID)) !== undefined;
    } finally {
      db.close();
    }
  }

  /** Seconds-resolution throttle state for the unlock screen. */
  throttleStatus(): { failures: number; retryAfterMs: number } {
    return this.secrets.status();
  }

  // ---------------------------------------------------------------- create / unlock / lock

  /**
   * Creates a vault: a random data key, wrapped in a passphrase slot (Argon2id) and a recovery slot.
   * Returns the recovery code, to be shown once. Leaves the vault unlocked and empty.
   */
  async createVault(
    passphrase: string,
    opts: CreateVaultOptions = {},
  ): Promise<{ recoveryCode: string }> {
    assertStrong(passphrase);
    return this.exclusive(async () => {
      if (this.session || (await this.vaultExists()))
        throw new VaultStateError('A vault already exists here.');
      const params = opts.kdfParams ?? (await this.calibrate(opts.onProgress));
      assertParamsAtLeastFloor(params);
      const dataKey = generateDataKey();
      const recovery = generateRecoveryCode();
      try {
        const createdAt = new Date(this.now()).toISOString();
        const fixed = { vaultId: newRecordId(), createdAt, keyGeneration: 1 };
        const slots = await buildSlots(
          this.kdf,
          fixed,
          dataKey,
          passphrase,
          params,
          recovery.bytes,
        );
        opts.onProgress?.(0.95);
        const header = parseHeader({
          id: HEADER_ID,
          format: VAULT_FORMAT,
          version: VAULT_FORMAT_VERSION,
          ...fixed,
          slots,
        });
        const recordKey = await deriveRecordKey(dataKey);
        const db = createDatabase(await this.rekeys.activeDbName());
        try {
          await db.open();
          await db.table(META_STORE).add(header);
        } catch (e) {
          db.close();
          throw e;
        }
        this.startSession(await Session.empty(db, header, recordKey));
        opts.onProgress?.(1);
        return { recoveryCode: recovery.code };
      } finally {
        wipe(dataKey);
        wipe(recovery.bytes);
      }
    });
  }

  /**
   * Unlocks with the passphrase: Argon2id in a worker, unwrap the data key, load and decrypt every
   * store. A wrong passphrase fails closed (WrongSecretError): nothing is opened or wiped, and the
   * only write is the failure count in the header's clear metadata. After `freeAttempts` failures
   * (counted across unlock, recovery, change and rotation, and across reloads), further attempts
   * are refused (ThrottledError) until a delay that doubles with each failure has passed. On an
   * unlocked vault the passphrase is still checked. A lock() asked for while this runs is honoured:
   * the unlock ends locked (VaultStateError).
   */
  async unlock(passphrase: string): Promise<UnlockResult> {
    return this.exclusive(async () => {
      const unwrap = passphraseUnwrap(this.kdf, passphrase);
      const open = this.session;
      if (open) {
        // Already unlocked: the passphrase is still checked (and throttled), never taken on trust.
        wipe((await this.check(open.db, open.header, unwrap, 'Wrong passphrase.')).dataKey);
        return { tampered: this.tampered() };
      }
      return this.unlockWith(unwrap, 'Wrong passphrase.');
    });
  }

  /**
   * Unlocks with the recovery code and sets a new passphrase: a fresh database (rekey.ts) under
   * it with the same recovery code, so the old passphrase slot does not stay behind in
   * IndexedDB's log files (or, when damaged rows forbid a re-key, the passphrase slot re-wrapped
   * in place). A mistyped code is refused before any work (RecoveryCodeFormatError, not counted
   * as an attempt); a wrong one fails closed.
   */
  async unlockWithRecoveryCode(code: string, newPassphrase: string): Promise<UnlockResult> {
    assertStrong(newPassphrase);
    const codeBytes = decodeRecoveryCode(code);
    return this.exclusive(async () => {
      if (this.session) throw new VaultStateError('The vault is already unlocked.');
      try {
        return await this.unlockWith(recoveryUnwrap(codeBytes), 'Wrong recovery code.', (s, key) =>
          this.afterRecovery(s, key, newPassphrase, codeBytes),
        );
      } finally {
        wipe(codeBytes);
      }
    });
  }

  /** Closes the database, drops the key and every decrypted record, and notifies subscribers. */
  lock(): void {
    this.lockEpoch++;
    const s = this.session;
    if (!s) return;
    this.session = null;
    this.rekeys.cancel();
    s.clear();
    this.audit.reset();
    this.events.lockChanged();
  }

  // ---------------------------------------------------------------- passphrase and keys

  /**
   * Changes the passphrase by re-keying (rekey-flow.ts): a new data key re-encrypts every record
   * into a fresh database under the new passphrase and a new recovery code, returned to be shown
   * once. Nothing changes on disk for the old secrets until confirmRekey(): until then (a lock, a
   * crash, a closed window) the old passphrase and the old recovery code keep opening the vault.
   */
  async changePassphrase(
    current: string,
    next: string,
    onProgress?: (fraction: number) => void,
  ): Promise<{ recoveryCode: string }> {
    assertStrong(next);
    return this.exclusive(async () =>
      this.rekeys.start(this.requireSession(), current, next, 'change-passphrase', onProgress),
    );
  }

  /**
   * Rotates the data key the same way as changePassphrase (same passphrase): every record
   * re-encrypted into a fresh database, a new recovery code returned to be shown once. The old
   * recovery code keeps working until confirmRekey().
   */
  async rotateKey(
    passphrase: string,
    onProgress?: (fraction: number) => void,
  ): Promise<{ recoveryCode: string }> {
    return this.exclusive(async () =>
      this.rekeys.start(this.requireSession(), passphrase, passphrase, 'rotate-key', onProgress),
    );
  }

  /** True while a re-key is written and verified but its new recovery code not yet confirmed. */
  rekeyPending(): boolean {
    return this.rekeys.isPending();
  }

  /**
   * The coordinator has kept the new recovery code: the pointer now names the fresh database (the
   * commit point), the session moves to it, and the old database (old slots, old ciphertexts) is
   * deleted. From here only the new passphrase and the new recovery code open the vault.
   */
  async confirmRekey(): Promise<void> {
    return this.rekeys.confirm(this.requireSession());
  }

  // ---------------------------------------------------------------- records

  /**
   * The repository of a store. `schema`, for a store the vault was created without a schema for,
   * validates every later write of that store; for a store the vault has one for, it must be that
   * same schema (RecordValidationError otherwise), so feature modules may keep passing theirs.
   */
  repo<T extends StoredRecord>(store: EntityStore, schema?: z.ZodType<T>): Repository<T> {
    if (!ENTITY_STORE_SET.has(store)) {
      throw new RecordValidationError(`"${store}" is not a record store that features may write.`);
    }
    if (schema && this.schemas.get(store) !== schema) {
      if (this.fixedSchemas.has(store))
        throw new RecordValidationError(`"${store}" is validated by the vault's own schema.`);
      this.schemas.set(store, schema);
    }
    let r = this.repos.get(store);
    if (!r) {
      r = new Repository<StoredRecord>(this, store);
      this.repos.set(store, r);
    }
    return r as unknown as Repository<T>;
  }

  /** Decrypted records of a store (frozen array, same instance until the store changes). Throws when locked. */
  list(store: RecordStore): readonly StoredRecord[] {
    const s = this.requireSession();
    return this.events.snapshot(store, () => s.cacheOf(store).values());
  }

  /** One decrypted record, undefined if absent; TamperError if its row failed the integrity check. */
  get(store: RecordStore, id: string): StoredRecord | undefined {
    const s = this.requireSession();
    const bad = s.tampered.get(store)?.get(id);
    if (bad) throw bad;
    return s.cacheOf(store).get(id);
  }

  /** Every decrypted record of every store. Throws when locked. */
  allRecords(): Record<RecordStore, StoredRecord[]> {
    const s = this.requireSession();
    const out = {} as Record<RecordStore, StoredRecord[]>;
    for (const store of RECORD_STORES) out[store] = s.cacheOf(store).values();
    return out;
  }

  /** Subscribes to changes of a store (including lock/unlock); returns the unsubscribe function. */
  subscribe(store: RecordStore, listener: () => void): () => void {
    return this.events.onStore(store, listener);
  }

  /** @internal The store's snapshot, or an empty one while locked (for the React hooks). */
  snapshotOrEmpty(store: RecordStore): readonly StoredRecord[] {
    return this.session ? this.list(store) : EMPTY;
  }

  /** Rows that failed their integrity check at unlock (still on disk, never silently dropped). */
  tampered(): TamperError[] {
    return this.session ? this.session.tamperedList() : [];
  }

  /**
   * Writes several changes atomically: every row and one audit row are sealed first, then written
   * in one transaction; the cache changes only after the commit. `auditAction` names the change in
   * the audit trail instead of create/update/delete (e.g. "transition"). Each record is checked
   * against its store's schema first: one invalid record and nothing is written.
   */
  async transaction(
    ops: readonly AnyWriteOp[],
    opts: { auditAction?: AuditAction } = {},
  ): Promise<void> {
    return this.gate.tracked(() => commitOps(this.writeContext(), ops, opts.auditAction));
  }

  /** The audit trail of one record, oldest first (served from an index rebuilt when the audit store changes). */
  auditFor(entityId: string): AuditEvent[] {
    return this.audit.eventsOf(entityId);
  }

  /** Delete events of records that belonged to case `caseId` (legs, stays, people ...), oldest first. */
  deletionsIn(caseId: string): AuditEvent[] {
    return this.audit.deletionsIn(caseId);
  }

  // ---------------------------------------------------------------- damaged data (integrity.ts)

  /** What failed its integrity check or changed outside Haven, and the coordinator's decision. */
  damageReport(): DamageReport {
    return this.session ? this.session.integrity.current() : NO_DAMAGE;
  }

  /** Subscribes to changes of the damage report (including lock/unlock); returns the unsubscribe function. */
  onDamageChange(listener: () => void): () => void {
    return this.events.onDamage(listener);
  }

  /**
   * Keeps the damaged rows on disk, quarantined (not served; a backup may carry them sealed or
   * leave them out), and accepts the stores as they are now. Recorded in the sealed manifest and
   * the audit trail.
   */
  async keepDamaged(): Promise<void> {
    return this.gate.tracked(() => settleDamage(this.writeContext(), 'keep'));
  }

  /** Deletes every row that fails its integrity check (audited), and accepts the stores as they are. */
  async deleteDamaged(): Promise<void> {
    return this.gate.tracked(() => settleDamage(this.writeContext(), 'delete'));
  }

  // ---------------------------------------------------------------- private

  private async damagedRows(): ReturnType<Session['damagedRows']> {
    const s = this.requireSession();
    const rows = await s.damagedRows();
    this.assertSession(s);
    return rows;
  }

  private writeContext(): WriteContext {
    const s = this.requireSession();
    return {
      session: s,
      schemaOf: (store) => this.schemas.get(store),
      now: this.now,
      stillOpen: () => this.assertSession(s),
      isOpen: () => this.session === s,
      changed: (store) => this.changed(store),
      damageChanged: () => this.events.damageChanged(),
    };
  }

  private calibrate(onProgress?: (fraction: number) => void): Promise<KdfParams> {
    return calibrate({
      targetMs: this.calibrationTargetMs,
      onProgress: (f) => onProgress?.(f * 0.8),
      // Measured through the same runner as unlock (the worker), so the UI stays responsive.
      measure: async (params) => {
        const t0 = performance.now();
        wipe(await this.kdf(randomBytes(16), randomBytes(16), params));
        return performance.now() - t0;
      },
    });
  }

  /**
   * The one unlock path, for the passphrase and the recovery code alike: open the header, check
   * the secret `unwrap` opens under the shared throttle, load and decrypt every store, then run
   * `after` (the recovery's re-key) with the data key. The database is closed on failure.
   */
  private async unlockWith(
    unwrap: Unwrap,
    wrongMessage: string,
    after?: (s: Session, dataKey: Uint8Array) => Promise<void>,
  ): Promise<UnlockResult> {
    const epoch = this.lockEpoch;
    const { db, header: stored } = await this.openHeader();
    let dataKey: Uint8Array | null = null;
    try {
      const checked = await this.check(db, stored, unwrap, wrongMessage);
      dataKey = checked.dataKey;
      const s = await Session.load(db, checked.header, await deriveRecordKey(dataKey));
      if (epoch !== this.lockEpoch) {
        // lock() was asked for while this unlock ran: honour it, the unlock ends locked.
        s.clear();
        throw new VaultStateError('The vault was locked while it was being unlocked.');
      }
      this.startSession(s);
      const result = { tampered: this.tampered() };
      await after?.(s, dataKey);
      return result;
    } catch (e) {
      if (!this.session) db.close();
      throw e;
    } finally {
      wipe(dataKey);
    }
  }

  private async afterRecovery(
    s: Session,
    dataKey: Uint8Array,
    next: string,
    codeBytes: Uint8Array,
  ): Promise<void> {
    if (await this.rekeys.afterRecovery(s, next, codeBytes)) return;
    const current = this.requireSession();
    const header = await rewrapPassphraseSlot(this.kdf, current.header, dataKey, next);
    await current.db.table(META_STORE).put(header);
    current.header = header;
  }

  /** Checks a secret (secret-check.ts); an open session's header follows what is stored. */
  private check(db: Dexie, header: VaultHeader, unwrap: Unwrap, wrongMessage: string) {
    return this.secrets.check(db, header, unwrap, wrongMessage, (stored) => {
      if (this.session?.header === header) this.session.header = stored;
    });
  }

  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy) throw new VaultStateError('Another vault operation is in progress.');
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
    }
  }

  private async openHeader(): Promise<{ db: Dexie; header: VaultHeader }> {
    const name = await this.rekeys.activeDbName();
    if (!(await Dexie.exists(name))) throw new VaultStateError('No vault exists here.');
    const db = createDatabase(name);
    await db.open();
    try {
      const raw: unknown = await db.table(META_STORE).get(HEADER_ID);
      if (raw === undefined) throw new VaultStateError('No vault exists here.');
      return { db, header: parseHeader(raw) };
    } catch (e) {
      db.close();
      throw e;
    }
  }

  private startSession(s: Session): void {
    this.session = s;
    s.integrity.subscribe(() => {
      if (this.session === s) this.events.damageChanged();
    });
    this.audit.reset();
    this.events.lockChanged();
  }

  private requireSession(): Session {
    if (!this.session) throw new LockedError();
    return this.session;
  }

  private assertSession(s: Session): void {
    if (this.session !== s) throw new LockedError('The vault was locked during the operation.');
  }

  private changed(store: RecordStore): void {
    if (store === 'audit') this.audit.reset();
    this.events.storeChanged(store);
  }
}

const EMPTY: readonly StoredRecord[] = Object.freeze([]);
const NO_DAMAGE: DamageReport = Object.freeze({
  damaged: [],
  changed: [],
  manifest: 'ok',
  decision: 'pending',
});
