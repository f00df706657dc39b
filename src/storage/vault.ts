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
import type { z } from 'zod';
import { wipe } from './crypto/bytes';
import { deriveWrappingKey } from './crypto/kdf-client';
import { decodeRecoveryCode } from './crypto/recovery-code';
import { DB_NAME, RECORD_STORES } from './db';
import type { EntityStore, RecordStore } from './stores';
import { LockedError, RecordValidationError, type TamperError, VaultStateError } from './errors';
import type { DamageReport } from './integrity';
import { AuditIndex, auditRowOf, groupAuditEntries, type AuditAction } from './audit';
import type { AuditEvent } from './audit';
import { registerBackupPort } from './backup-port';
import { assertStrong, passphraseUnwrap } from './key-slots';
import { frozenCopy } from './record-cache';
import { Rekeys } from './rekey-flow';
import { Repository, type StoredRecord } from './repository';
import { SchemaSet } from './schemas';
import { SecretCheck } from './secret-check';
import { serialise } from './serialise';
import type { Session } from './session';
import { SessionLoading } from './session-loading';
import type { UnlockResult, CreateVaultOptions, VaultOptions } from './vault-options';
import { StoreEvents } from './store-events';
import { DEFAULT_THROTTLE } from './throttle';
import { Unlocker } from './unlock';
import { headerExists } from './vault-db';
import { WriteGate } from './write-gate';
import { commitOps, detachedOps, settleDamage, writeRecords, type AnyWriteOp } from './writes';
import type { WriteContext } from './writes';

export type VaultState = 'locked' | 'unlocked';
export type { ThrottlePolicy } from './throttle';

export type { CreateVaultOptions, UnlockResult, VaultOptions } from './vault-options';

const ENTITY_STORE_SET: ReadonlySet<string> = new Set(RECORD_STORES.filter((s) => s !== 'audit'));

export class Vault {
  private session: Session | null = null;
  private readonly events = new StoreEvents();
  private readonly audit: AuditIndex;
  private readonly repos = new Map<EntityStore, Repository<StoredRecord>>();
  private readonly schemas: SchemaSet;
  private readonly gate = new WriteGate();
  private readonly secrets: SecretCheck;
  private readonly rekeys: Rekeys;
  private readonly unlocker: Unlocker;
  /** Counts lock() calls: an unlock that sees it change while it runs ends locked. */
  private lockEpoch = 0;
  private busy = false;
  private readonly loading: SessionLoading;
  readonly dbName: string;
  private readonly now: () => number;

  constructor(opts: VaultOptions = {}) {
    this.dbName = opts.dbName ?? DB_NAME;
    const kdf = opts.kdf ?? deriveWrappingKey;
    this.now = opts.now ?? (() => Date.now());
    this.schemas = new SchemaSet(opts.schemas);
    this.secrets = new SecretCheck({ ...DEFAULT_THROTTLE, ...opts.throttle }, this.now);
    this.audit = new AuditIndex(() => this.list('audit'));
    this.loading = new SessionLoading({
      current: () => this.session,
      prepare: (stores) => {
        if (stores.includes('audit')) this.audit.reset();
        this.events.storesPrepared(stores);
      },
      announce: (stores) => this.events.announce(stores),
      damageChanged: () => this.events.damageChanged(),
    });
    this.rekeys = new Rekeys({
      dbName: this.dbName,
      kdf,
      flushBytes: opts.flushBytes,
      gate: this.gate,
      now: this.now,
      current: () => this.session,
      lock: () => this.lock(),
      checkPassphrase: async (s, passphrase, wrong) => {
        const unwrap = passphraseUnwrap(kdf, passphrase);
        wipe((await this.unlocker.check(s.db, s.header, unwrap, wrong)).dataKey);
      },
      auditChanged: () => this.changed(['audit']),
    });
    this.unlocker = new Unlocker({
      kdf,
      secrets: this.secrets,
      rekeys: this.rekeys,
      calibrationTargetMs: opts.calibrationTargetMs ?? 1000,
      loadPlan: opts.firstStores ? { first: opts.firstStores, slicer: opts.slicer } : undefined,
      now: this.now,
      current: () => this.session,
      lockEpoch: () => this.lockEpoch,
      start: (s) => this.startSession(s),
    });
    registerBackupPort(this, {
      damageReport: () => this.damageReport(),
      records: () => this.allRecords(),
      damagedRows: async () => {
        const s = this.requireSession();
        const rows = await s.damagedRows();
        this.assertSession(s);
        return rows;
      },
      validate: (store, value) => frozenCopy(serialise(store, value, this.schemas.get(store)).json),
      newAuditRow: (entries) => auditRowOf(groupAuditEntries(entries), this.now()),
      loaded: () => this.whenLoaded(),
      writeRaw: (records, row) =>
        this.gate.tracked(() => this.afterLoad((c) => writeRecords(c, records, row))),
    });
  }

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
    return headerExists(await this.rekeys.activeDbName());
  }

  /** Stores still being opened after a staged unlock (empty once everything is readable). */
  loadingStores(): readonly RecordStore[] {
    return this.loading.pendingStores();
  }

  /** Subscribes to changes of loadingStores() (lock and unlock included); returns the unsubscribe. */
  onLoadingChange(listener: () => void): () => void {
    return this.loading.onChange(listener);
  }

  /**
   * Calls `listener` with stores whose records a staged unlock has just made readable, a turn
   * before their listeners are told: what derives from several stores can be built then, so that
   * building it and re-rendering the screens are two tasks. Returns the unsubscribe function.
   */
  onStoresReadable(listener: (stores: readonly RecordStore[]) => void): () => void {
    return this.events.onPrepare(listener);
  }

  /** Settles once every store of the open session is readable and checked. Throws when locked. */
  async whenLoaded(): Promise<void> {
    await this.loaded();
  }

  private loaded = (): Promise<Session> => this.loading.ready(this.requireSession());

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
      return this.unlocker.create(passphrase, opts);
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
      await this.unlocker.withPassphrase(passphrase);
      return { tampered: this.tampered() };
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
        await this.unlocker.withRecoveryCode(codeBytes, newPassphrase);
        return { tampered: this.tampered() };
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
    this.loading.emit();
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
      this.rekeys.start(await this.loaded(), current, next, 'change-passphrase', onProgress),
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
      this.rekeys.start(await this.loaded(), passphrase, passphrase, 'rotate-key', onProgress),
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
    if (schema) this.schemas.use(store, schema);
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
    return this.requireSession().get(store, id);
  }

  /** Every decrypted record of every store. Throws when locked. */
  allRecords(): Record<RecordStore, StoredRecord[]> {
    return this.requireSession().allRecords();
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
    // While a staged unlock runs the write waits: what the caller passed is copied now.
    const held = this.session?.isLoaded === false ? detachedOps(ops) : ops;
    return this.gate.tracked(() => this.afterLoad((c) => commitOps(c, held, opts.auditAction)));
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
    return this.gate.tracked(() => this.afterLoad((c) => settleDamage(c, 'keep')));
  }

  /** Deletes every row that fails its integrity check (audited), and accepts the stores as they are. */
  async deleteDamaged(): Promise<void> {
    return this.gate.tracked(() => this.afterLoad((c) => settleDamage(c, 'delete')));
  }

  /** Runs a write now on a loaded session, or once a staged unlock has opened every store. */
  private afterLoad<T>(write: (c: WriteContext) => Promise<T>): Promise<T> {
    const s = this.requireSession();
    if (s.isLoaded) return write(this.writeContext());
    return this.loading.ready(s).then(() => {
      this.assertSession(s);
      return write(this.writeContext());
    });
  }

  private writeContext(): WriteContext {
    const s = this.requireSession();
    return {
      session: s,
      schemaOf: (store) => this.schemas.get(store),
      now: this.now,
      stillOpen: () => this.assertSession(s),
      isOpen: () => this.session === s,
      changed: (stores) => this.changed(stores),
      damageChanged: () => this.events.damageChanged(),
    };
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

  private startSession(s: Session): void {
    this.session = s;
    this.loading.start(s);
    this.audit.reset();
    this.events.lockChanged();
    this.loading.emit();
  }

  private requireSession(): Session {
    if (!this.session) throw new LockedError();
    return this.session;
  }

  private assertSession(s: Session): void {
    if (this.session !== s) throw new LockedError('The vault was locked during the operation.');
  }

  /** Stores changed in memory, together: every snapshot is dropped before any listener is told. */
  private changed(stores: readonly RecordStore[]): void {
    if (stores.includes('audit')) this.audit.reset();
    this.events.storesChanged(stores);
  }
}

const EMPTY: readonly StoredRecord[] = Object.freeze([]);
const NO_DAMAGE: DamageReport = Object.freeze({
  damaged: [],
  changed: [],
  manifest: 'ok',
  decision: 'pending',
});
