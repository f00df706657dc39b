/**
 * The Vault service: creates, unlocks and locks the encrypted store, and is the only holder of the
 * record key. What lives where:
 *   - on disk (IndexedDB "haven", or after a re-key the database "haven-pointer" names, see
 *     rekey.ts): the non-secret header in "meta" (header.ts) and sealed rows `{id, v, c}` in the
 *     record stores (crypto/seal.ts);
 *   - in memory, only while unlocked: the non-extractable record CryptoKey, the header, and the
 *     decrypted records (one Map per store) that repositories serve. lock() drops all of it.
 * Raw data-key bytes exist only for the moment they are wrapped or unwrapped, then are wiped.
 *
 * Every write seals first (WebCrypto outside any transaction), then writes all rows and one sealed
 * audit row in a single Dexie transaction, then updates the in-memory cache and notifies.
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import { isRecordId, newRecordId, utf8, wipe } from './crypto/bytes';
import { deriveWrappingKey, type KdfRunner } from './crypto/kdf-client';
import { assertParamsAtLeastFloor, calibrate, type KdfParams } from './crypto/kdf';
import {
  deriveRecordKey,
  generateDataKey,
  recoveryWrappingKey,
  unwrapDataKey,
  wrapDataKey,
} from './crypto/keys';
import { decodeRecoveryCode, generateRecoveryCode } from './crypto/recovery-code';
import { openMany, seal, sealJsonBatch, type OpenManyResult, type SealedRow } from './crypto/seal';
import { randomBytes } from './crypto/bytes';
import {
  DB_NAME,
  ENTITY_STORES,
  META_STORE,
  RECORD_STORES,
  createDatabase,
  type EntityStore,
  type RecordStore,
} from './db';
import {
  DamagedDataError,
  LockedError,
  RecordValidationError,
  type TamperError,
  VaultStateError,
  WeakPassphraseError,
  WrongSecretError,
} from './errors';
import {
  HEADER_ID,
  VAULT_FORMAT,
  VAULT_FORMAT_VERSION,
  b64,
  kdfParamsOf,
  parseHeader,
  passphraseSlotAad,
  recoverySlotAad,
  type HeaderFixedFields,
  type VaultHeader,
} from './header';
import { passphraseStrength } from './passphrase-strength';
import {
  Integrity,
  MANIFEST_ID,
  damagedCount,
  hasProblems,
  isPending,
  type DamageReport,
  type IntegrityPlan,
  type ManifestRecord,
} from './integrity';
import {
  dropDatabase,
  flushDeleted,
  freshDbName,
  settleDatabases,
  verifyFreshDatabase,
  writeFreshDatabase,
  writePointer,
  type RecordTexts,
} from './rekey';
import { Repository, type StoredRecord } from './repository';
import {
  DEFAULT_THROTTLE,
  afterFailure,
  assertMayAttempt,
  retryAfterMs,
  type Attempts,
  type ThrottlePolicy,
} from './throttle';

export type VaultState = 'locked' | 'unlocked';

/** One change in a write. Deletes need only the id. */
export type WriteOp =
  | { op: 'put'; store: EntityStore; value: StoredRecord }
  | { op: 'delete'; store: EntityStore; id: string };

export type AuditAction = 'create' | 'update' | 'delete' | (string & {});

/** One audited change: which record, what kind of change, the NAMES of the changed fields (never values). */
export interface AuditEvent {
  /** Id of the sealed audit row that holds this event. */
  id: string;
  /** ISO 8601 time of the write. */
  at: string;
  store: string;
  entityId: string;
  action: AuditAction;
  fields: string[];
  /** For a deleted record that belonged to a case: that case's id (so its History can show it). */
  caseId?: string;
}

/** One audited change, as the writer describes it. */
export interface AuditEntry {
  store: string;
  entityId: string;
  action: AuditAction;
  fields: string[];
  caseId?: string;
}

/**
 * The shape of a sealed audit row: one per write transaction. Changes with the same store, action
 * and field names are grouped (a bulk import of 50,000 records is one group, not 50,000 copies
 * of the same field list).
 */
export interface AuditRow {
  id: string;
  at: string;
  groups: {
    store: string;
    action: AuditAction;
    fields: string[];
    entityIds: string[];
    /** Deletes only: the case the deleted records belonged to (an id, never a value). */
    caseId?: string;
  }[];
  /** Set on every row written since the integrity manifest exists (see integrity.ts). */
  m?: 1;
}

type AuditGroup = AuditRow['groups'][number];

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Collects audit entries into groups that share store, action and fields (order of first
 * appearance kept). A bulk write repeats one group many times in a row, so the last group is
 * tried first, without building a key.
 */
class AuditGrouper {
  private readonly groups = new Map<string, AuditGroup>();
  private last: AuditGroup | null = null;
  add(
    store: string,
    action: AuditAction,
    fields: string[],
    entityId: string,
    caseId?: string,
  ): void {
    let g = this.last;
    if (
      !g ||
      g.store !== store ||
      g.action !== action ||
      g.caseId !== caseId ||
      !sameFields(g.fields, fields)
    ) {
      const k = `${store}\u0000${action}\u0000${caseId ?? ''}\u0000${fields.join('\u0000')}`;
      g = this.groups.get(k) ?? null;
      if (!g) {
        g = caseId
          ? { store, action, fields, entityIds: [], caseId }
          : { store, action, fields, entityIds: [] };
        this.groups.set(k, g);
      }
      this.last = g;
    }
    g.entityIds.push(entityId);
  }
  result(): AuditGroup[] {
    return [...this.groups.values()];
  }
}

/** Groups audit entries that share store, action and fields (order of first appearance kept). */
export function groupAuditEntries(entries: readonly AuditEntry[]): AuditRow['groups'] {
  const grouper = new AuditGrouper();
  for (const e of entries) grouper.add(e.store, e.action, e.fields, e.entityId, e.caseId);
  return grouper.result();
}

export interface UnlockResult {
  /** Rows that failed their integrity check: kept on disk, not loaded, reported here. */
  tampered: TamperError[];
}

export interface CreateVaultOptions {
  onProgress?: (fraction: number) => void;
  /** Argon2id parameters; default: calibrated to about 1 s on this machine. Never below the floor. */
  kdfParams?: KdfParams;
}

export type { ThrottlePolicy } from './throttle';

export interface VaultOptions {
  /** IndexedDB database name (default "haven"; tests use their own). */
  dbName?: string;
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

interface Session {
  db: Dexie;
  recordKey: CryptoKey;
  header: VaultHeader;
  caches: Map<RecordStore, RecordCache>;
  tampered: Map<RecordStore, Map<string, TamperError>>;
  /** Whole-store integrity (integrity.ts) and the queue that orders manifest updates. */
  integrity: Integrity;
  manifestQueue: Promise<unknown>;
}

interface PendingRekey {
  session: Session;
  oldName: string;
  name: string;
  header: VaultHeader;
  recordKey: CryptoKey;
  auditRow: AuditRow;
  /** The integrity manifest of the fresh database, applied to the session when it switches. */
  manifest: IntegrityPlan;
  settle: () => void;
  confirming: boolean;
}

function passphraseBytes(p: string): Uint8Array {
  return utf8.encode(p.normalize('NFC'));
}

function fixedOf(
  h: Pick<VaultHeader, 'vaultId' | 'createdAt' | 'keyGeneration'>,
): HeaderFixedFields {
  return { vaultId: h.vaultId, createdAt: h.createdAt, keyGeneration: h.keyGeneration };
}

function assertStrong(passphrase: string): void {
  const s = passphraseStrength(passphrase);
  if (!s.acceptable) {
    throw new WeakPassphraseError(
      `The passphrase is too weak (about ${s.bits} bits; at least 64 needed). ${s.hint}`,
    );
  }
}

const ENTITY_STORE_SET: ReadonlySet<string> = new Set(ENTITY_STORES);

/** A checked record and the JSON text that will be sealed. */
interface Serialised {
  value: StoredRecord;
  json: string;
}

/** Whether JSON.stringify of `v` is exactly its own enumerable fields, with `id` as a plain string field. */
function isPlainRecord(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  if ('toJSON' in v) return false;
  const d = Object.getOwnPropertyDescriptor(v, 'id');
  return !!d && 'value' in d && d.enumerable === true && typeof d.value === 'string';
}

/** The cached form of a record: a frozen parse of the JSON text that was sealed. */
function frozenCopy(json: string): StoredRecord {
  return Object.freeze(JSON.parse(json) as StoredRecord);
}

/**
 * The decrypted records of one store, in memory while the vault is unlocked. A record written in
 * this session is kept as the JSON text that was sealed until something reads it, then parsed
 * and frozen once: a bulk write does not build 50,000 objects that nothing may ever look at, and
 * what is read is exactly what is on disk, detached from the writer's objects.
 */
class RecordCache {
  private readonly map = new Map<string, StoredRecord | string>();
  get size(): number {
    return this.map.size;
  }
  get(id: string): StoredRecord | undefined {
    const v = this.map.get(id);
    if (typeof v !== 'string') return v;
    const record = frozenCopy(v);
    this.map.set(id, record);
    return record;
  }
  /** Keeps a frozen record. */
  set(id: string, record: StoredRecord): void {
    this.map.set(id, record);
  }
  /** Keeps the JSON text of a record just sealed; it is parsed on first read. */
  setSealedJson(id: string, json: string): void {
    this.map.set(id, json);
  }
  delete(id: string): void {
    this.map.delete(id);
  }
  clear(): void {
    this.map.clear();
  }
  /** Every record's id and JSON text (in insertion order), without parsing pending ones. */
  texts(): { ids: string[]; jsons: string[] } {
    const ids: string[] = [];
    const jsons: string[] = [];
    for (const [id, v] of this.map) {
      ids.push(id);
      jsons.push(typeof v === 'string' ? v : JSON.stringify(v));
    }
    return { ids, jsons };
  }
  /** Every record (in insertion order), parsed where still pending. */
  values(): StoredRecord[] {
    const out: StoredRecord[] = new Array<StoredRecord>(this.map.size);
    let i = 0;
    for (const [id, v] of this.map) {
      out[i++] = typeof v === 'string' ? (this.get(id) as StoredRecord) : v;
    }
    return out;
  }
}

/** Names of the top-level fields that differ between two versions of a record (never their values). */
export function changedFields(
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): string[] {
  if (!after) return [];
  if (!before) {
    const out: string[] = [];
    for (const k in after) if (k !== 'id' && Object.hasOwn(after, k)) out.push(k);
    return out;
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const k of keys) {
    if (k === 'id') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out.push(k);
  }
  return out;
}

export class Vault {
  private session: Session | null = null;
  private readonly lockListeners = new Set<(state: VaultState) => void>();
  private readonly damageListeners = new Set<() => void>();
  private readonly storeListeners = new Map<RecordStore, Set<() => void>>();
  private readonly snapshots = new Map<RecordStore, readonly StoredRecord[]>();
  private readonly repos = new Map<EntityStore, Repository<StoredRecord>>();
  private readonly schemas = new Map<EntityStore, z.ZodType<StoredRecord>>();
  private auditIndex: Map<string, AuditEvent[]> | null = null;
  /** Delete events by the case the deleted records belonged to (rebuilt with `auditIndex`). */
  private deletionIndex: Map<string, AuditEvent[]> | null = null;
  /** Writes in flight (key rotation waits for them) and whether a rotation is running (writes wait for it). */
  private readonly writesInFlight = new Set<Promise<unknown>>();
  private rotation: Promise<unknown> | null = null;
  /** The shared throttle's state as last read from or written to the header (throttle.ts). */
  private attempts: Attempts | undefined = undefined;
  /** Counts lock() calls: an unlock that sees it change while it runs ends locked. */
  private lockEpoch = 0;
  /** A re-key written and verified, waiting for the coordinator to confirm the new recovery code. */
  private pendingRekey: PendingRekey | null = null;
  /** Pointer and database housekeeping (rekey.ts), one step at a time. */
  private cleanup: Promise<void> = Promise.resolve();
  private busy = false;
  readonly dbName: string;
  private readonly kdf: KdfRunner;
  private readonly now: () => number;
  private readonly throttle: ThrottlePolicy;
  private readonly calibrationTargetMs: number;
  private readonly flushBytes: number | undefined;

  constructor(opts: VaultOptions = {}) {
    this.dbName = opts.dbName ?? DB_NAME;
    this.kdf = opts.kdf ?? deriveWrappingKey;
    this.now = opts.now ?? (() => Date.now());
    this.throttle = { ...DEFAULT_THROTTLE, ...opts.throttle };
    this.calibrationTargetMs = opts.calibrationTargetMs ?? 1000;
    this.flushBytes = opts.flushBytes;
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
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** True when a vault (a header) exists in this profile. Creates nothing. */
  async vaultExists(): Promise<boolean> {
    if (this.session) return true;
    const name = await this.activeDbName();
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
    return {
      failures: this.attempts?.failures ?? 0,
      retryAfterMs: retryAfterMs(this.throttle, this.attempts, this.now()),
    };
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
      const params =
        opts.kdfParams ??
        (await calibrate({
          targetMs: this.calibrationTargetMs,
          onProgress: (f) => opts.onProgress?.(f * 0.8),
          // Measured through the same runner as unlock (the worker), so the UI stays responsive.
          measure: async (params) => {
            const t0 = performance.now();
            wipe(await this.kdf(randomBytes(16), randomBytes(16), params));
            return performance.now() - t0;
          },
        }));
      assertParamsAtLeastFloor(params);
      const dataKey = generateDataKey();
      const recovery = generateRecoveryCode();
      try {
        const fixed: HeaderFixedFields = {
          vaultId: newRecordId(),
          createdAt: new Date(this.now()).toISOString(),
          keyGeneration: 1,
        };
        const slots = await this.buildSlots(fixed, dataKey, passphrase, params, recovery.bytes);
        opts.onProgress?.(0.95);
        const header: VaultHeader = parseHeader({
          id: HEADER_ID,
          format: VAULT_FORMAT,
          version: VAULT_FORMAT_VERSION,
          ...fixed,
          slots,
        });
        const recordKey = await deriveRecordKey(dataKey);
        const db = createDatabase(await this.activeDbName());
        try {
          await db.open();
          await db.table(META_STORE).add(header);
        } catch (e) {
          db.close();
          throw e;
        }
        this.startSession({
          db,
          recordKey,
          header,
          caches: emptyCaches(),
          tampered: emptyTampered(),
          integrity: await Integrity.load(new Map(), new Map(), undefined, false),
          manifestQueue: Promise.resolve(),
        });
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
      const open = this.session;
      if (open) {
        // Already unlocked: the passphrase is still checked (and throttled), never taken on trust.
        const checked = await this.attempt(open.db, open.header, passphrase, 'Wrong passphrase.');
        wipe(checked.dataKey);
        return { tampered: this.tampered() };
      }
      const epoch = this.lockEpoch;
      const { db, header: stored } = await this.openHeader();
      let dataKey: Uint8Array | null = null;
      try {
        const checked = await this.attempt(db, stored, passphrase, 'Wrong passphrase.');
        dataKey = checked.dataKey;
        const recordKey = await deriveRecordKey(dataKey);
        return await this.loadSession(db, checked.header, recordKey, epoch);
      } catch (e) {
        if (!this.session) db.close();
        throw e;
      } finally {
        wipe(dataKey);
      }
    });
  }

  /**
   * Unlocks with the recovery code and sets a new passphrase (re-wrapping the passphrase slot only;
   * the recovery code stays valid). A mistyped code is refused before any work
   * (RecoveryCodeFormatError, not counted as an attempt); a wrong one fails closed.
   */
  async unlockWithRecoveryCode(code: string, newPassphrase: string): Promise<UnlockResult> {
    assertStrong(newPassphrase);
    const codeBytes = decodeRecoveryCode(code);
    return this.exclusive(async () => {
      if (this.session) throw new VaultStateError('The vault is already unlocked.');
      const epoch = this.lockEpoch;
      const { db, header: stored } = await this.openHeader();
      let dataKey: Uint8Array | null = null;
      try {
        const checked = await this.attempt(db, stored, null, 'Wrong recovery code.', async () => {
          const slot = stored.slots.recovery;
          const wk = await recoveryWrappingKey(codeBytes, b64.decode(slot.salt));
          const key = await unwrapDataKey(
            wk,
            { nonce: b64.decode(slot.nonce), wrapped: b64.decode(slot.wrapped) },
            recoverySlotAad(fixedOf(stored), slot),
          );
          wipe(wk);
          return key;
        });
        dataKey = checked.dataKey;
        const header = checked.header;
        const recordKey = await deriveRecordKey(dataKey);
        const result = await this.loadSession(db, header, recordKey, epoch);
        // The new passphrase gets a fresh database (rekey.ts) with the same recovery code, so the
        // old passphrase slot does not stay behind in IndexedDB's log files.
        if (!(await this.rekeyAfterRecovery(newPassphrase, codeBytes))) {
          const s = this.requireSession();
          const newHeader = await this.rewrapPassphraseSlot(s.header, dataKey, newPassphrase);
          await s.db.table(META_STORE).put(newHeader);
          s.header = newHeader;
        }
        return result;
      } catch (e) {
        if (!this.session) db.close();
        throw e;
      } finally {
        wipe(dataKey);
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
    const pending = this.pendingRekey;
    if (pending && !pending.confirming) this.cancelRekey(pending);
    s.db.close();
    for (const c of s.caches.values()) c.clear();
    s.caches.clear();
    s.tampered.clear();
    this.snapshots.clear();
    this.auditIndex = null;
    this.deletionIndex = null;
    this.emitLock();
    for (const store of RECORD_STORES) this.emitStore(store);
  }

  // ---------------------------------------------------------------- passphrase and keys

  /**
   * Changes the passphrase by re-keying (rekey.ts): a new data key re-encrypts every record into a
   * fresh database under the new passphrase and a new recovery code, returned to be shown once.
   * Nothing changes on disk for the old secrets until confirmRekey(): until then (a lock, a crash,
   * a closed window) the old passphrase and the old recovery code keep opening the vault.
   */
  async changePassphrase(
    current: string,
    next: string,
    onProgress?: (fraction: number) => void,
  ): Promise<{ recoveryCode: string }> {
    assertStrong(next);
    return this.rekey(current, next, 'change-passphrase', onProgress);
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
    return this.rekey(passphrase, passphrase, 'rotate-key', onProgress);
  }

  /** True while a re-key is written and verified but its new recovery code not yet confirmed. */
  rekeyPending(): boolean {
    return this.pendingRekey !== null;
  }

  /**
   * The coordinator has kept the new recovery code: the pointer now names the fresh database (the
   * commit point), the session moves to it, and the old database (old slots, old ciphertexts) is
   * deleted. From here only the new passphrase and the new recovery code open the vault.
   */
  async confirmRekey(): Promise<void> {
    const s = this.requireSession();
    const p = this.pendingRekey;
    if (!p || p.session !== s)
      throw new VaultStateError('No new recovery code is waiting to be confirmed.');
    p.confirming = true;
    try {
      await this.queue(() => writePointer(this.dbName, { name: p.name, retired: p.oldName }));
    } catch (e) {
      p.confirming = false;
      if (this.session !== s) this.cancelRekey(p);
      throw e;
    }
    this.pendingRekey = null;
    try {
      if (this.session === s) {
        const db = createDatabase(p.name);
        await db.open();
        if (this.session === s) {
          const oldDb = s.db;
          s.db = db;
          s.recordKey = p.recordKey;
          s.header = p.header;
          p.manifest.apply();
          oldDb.close();
          const audit = Object.freeze(p.auditRow) as unknown as StoredRecord;
          this.cacheOf(s, 'audit').set(p.auditRow.id, audit);
          this.invalidate('audit');
        } else db.close();
      }
    } catch (e) {
      // The new database is the vault now; never keep writing into the one about to be deleted.
      this.lock();
      throw e;
    } finally {
      p.settle();
    }
    await this.queue(() => this.retire(p.oldName, p.name));
  }

  private rekey(
    current: string,
    next: string,
    action: AuditAction,
    onProgress?: (fraction: number) => void,
  ): Promise<{ recoveryCode: string }> {
    return this.exclusive(async () => {
      this.requireSession();
      if (this.pendingRekey)
        throw new VaultStateError('Confirm the new recovery code shown before starting again.');
      // New writes wait until the re-key is confirmed or undone; writes already in flight finish
      // first (a row written to the old database after the copy would be lost).
      let settle!: () => void;
      const gate = new Promise<void>((resolve) => {
        settle = () => {
          if (this.rotation === gate) this.rotation = null;
          resolve();
        };
      });
      this.rotation = gate;
      try {
        await Promise.allSettled([...this.writesInFlight]);
        await this.cleanup;
        const built = await this.buildRekey(current, next, action, onProgress);
        this.pendingRekey = { ...built, settle, confirming: false };
        return { recoveryCode: built.recoveryCode };
      } catch (e) {
        settle();
        throw e;
      }
    });
  }

  /**
   * After a recovery-code unlock: re-keys into a fresh database under the new passphrase, keeping
   * the same recovery code, and commits at once (the code the coordinator holds is unchanged).
   * False when it cannot (damaged rows), and the caller re-wraps the passphrase slot in place.
   */
  private async rekeyAfterRecovery(next: string, codeBytes: Uint8Array): Promise<boolean> {
    if (this.tampered().length > 0) return false;
    let settle!: () => void;
    const gate = new Promise<void>((resolve) => {
      settle = () => {
        if (this.rotation === gate) this.rotation = null;
        resolve();
      };
    });
    this.rotation = gate;
    try {
      await this.cleanup;
      const built = await this.buildRekey(null, next, 'recover', undefined, codeBytes);
      this.pendingRekey = { ...built, settle, confirming: false };
    } catch (e) {
      settle();
      if (e instanceof LockedError) throw e;
      return false;
    }
    await this.confirmRekey();
    return true;
  }

  private async buildRekey(
    current: string | null,
    next: string,
    action: AuditAction,
    onProgress?: (fraction: number) => void,
    keepRecovery?: Uint8Array,
  ): Promise<Omit<PendingRekey, 'settle' | 'confirming'> & { recoveryCode: string }> {
    const s = this.requireSession();
    const report = s.integrity.current();
    if (damagedCount(report) > 0 || isPending(report)) {
      // A damaged row cannot be re-encrypted under a new key, and dropping it silently would hide it.
      throw damagedCount(report) > 0
        ? new DamagedDataError(
            `${damagedCount(report)} damaged record(s) cannot be re-encrypted under a new key. Delete them first (see the notice at the top; make a backup that includes them sealed if you want to keep them), then rotate.`,
            'rotate-damaged',
            damagedCount(report),
          )
        : new DamagedDataError(
            'Some records changed outside Haven. Review the notice at the top and choose what to do first, then rotate.',
            'undecided',
            0,
          );
    }
    if (current !== null) {
      const checked = await this.attempt(
        s.db,
        s.header,
        current,
        action === 'rotate-key' ? 'Wrong passphrase.' : 'The current passphrase is wrong.',
      );
      wipe(checked.dataKey);
    }
    onProgress?.(0.05);
    const dataKey = generateDataKey();
    const recovery = keepRecovery
      ? { bytes: keepRecovery.slice(), code: '' }
      : generateRecoveryCode();
    const oldName = s.db.name;
    const name = freshDbName(this.dbName);
    try {
      const fixed: HeaderFixedFields = {
        ...fixedOf(s.header),
        keyGeneration: s.header.keyGeneration + 1,
      };
      const params = kdfParamsOf(s.header);
      const slots = await this.buildSlots(fixed, dataKey, next, params, recovery.bytes);
      const header = parseHeader({ ...s.header, ...fixed, slots });
      const recordKey = await deriveRecordKey(dataKey);
      onProgress?.(0.3);
      const vaultId = s.header.vaultId;
      const auditRow = this.newAuditRow([
        { store: META_STORE, entityId: vaultId, action, fields: [] },
      ]);
      const texts: RecordTexts = new Map(
        RECORD_STORES.map((store) => [store, this.cacheOf(s, store).texts()]),
      );
      texts.get('audit')?.ids.push(auditRow.id);
      texts.get('audit')?.jsons.push(JSON.stringify(auditRow));
      this.assertSession(s);
      let manifest: IntegrityPlan | null = null;
      await this.queue(() => writePointer(this.dbName, { name: oldName, pending: name }));
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
          this.slotsOpen(stored, next, recovery.bytes, dataKey),
        );
        this.assertSession(s);
      } catch (e) {
        void this.queue(() => this.undo(oldName, name)).catch(() => undefined);
        throw e;
      }
      if (!manifest) throw new VaultStateError('The re-encrypted copy has no integrity manifest.');
      onProgress?.(1);
      return {
        session: s,
        oldName,
        name,
        header,
        recordKey,
        auditRow,
        manifest,
        recoveryCode: recovery.code,
      };
    } finally {
      wipe(dataKey);
      wipe(recovery.bytes);
    }
  }

  /** Whether both slots of a freshly written header unwrap exactly `dataKey`. */
  private async slotsOpen(
    header: VaultHeader,
    passphrase: string,
    recoveryBytes: Uint8Array,
    dataKey: Uint8Array,
  ): Promise<boolean> {
    const same = (k: Uint8Array | null) =>
      !!k && k.length === dataKey.length && k.every((b, i) => b === dataKey[i]);
    const fromPassphrase = await this.unwrapWithPassphrase(header, passphrase);
    const slot = header.slots.recovery;
    const wk = await recoveryWrappingKey(recoveryBytes, b64.decode(slot.salt));
    const fromRecovery = await unwrapDataKey(
      wk,
      { nonce: b64.decode(slot.nonce), wrapped: b64.decode(slot.wrapped) },
      recoverySlotAad(fixedOf(header), slot),
    );
    wipe(wk);
    try {
      return same(fromPassphrase) && same(fromRecovery);
    } finally {
      wipe(fromPassphrase);
      wipe(fromRecovery);
    }
  }

  /** Undoes an unconfirmed re-key after a lock: the fresh database goes, the old one stays. */
  private cancelRekey(p: PendingRekey): void {
    if (this.pendingRekey === p) this.pendingRekey = null;
    p.settle();
    void this.queue(() => this.undo(p.oldName, p.name)).catch(() => undefined);
  }

  private async undo(oldName: string, freshName: string): Promise<void> {
    await dropDatabase(this.dbName, freshName);
    await writePointer(this.dbName, { name: oldName });
    await flushDeleted(this.dbName, this.flushBytes);
  }

  private async retire(oldName: string, newName: string): Promise<void> {
    await dropDatabase(this.dbName, oldName);
    await writePointer(this.dbName, { name: newName });
    await flushDeleted(this.dbName, this.flushBytes);
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

  /** The name of the active database, after finishing what an interrupted re-key left. */
  private activeDbName(): Promise<string> {
    return this.queue(() => settleDatabases(this.dbName, this.flushBytes));
  }

  // ---------------------------------------------------------------- records

  /**
   * The repository of a store. A zod schema, when given, validates every put (and is remembered
   * for that store, so `transaction` and backups validate with it too).
   */
  repo<T extends StoredRecord>(store: EntityStore, schema?: z.ZodType<T>): Repository<T> {
    if (!ENTITY_STORE_SET.has(store)) {
      throw new RecordValidationError(`"${store}" is not a record store that features may write.`);
    }
    if (schema) this.schemas.set(store, schema as unknown as z.ZodType<StoredRecord>);
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
    let snap = this.snapshots.get(store);
    if (!snap) {
      snap = Object.freeze(this.cacheOf(s, store).values());
      this.snapshots.set(store, snap);
    }
    return snap;
  }

  /** One decrypted record, undefined if absent; TamperError if its row failed the integrity check. */
  get(store: RecordStore, id: string): StoredRecord | undefined {
    const s = this.requireSession();
    const bad = s.tampered.get(store)?.get(id);
    if (bad) throw bad;
    return this.cacheOf(s, store).get(id);
  }

  /** Subscribes to changes of a store (including lock/unlock); returns the unsubscribe function. */
  subscribe(store: RecordStore, listener: () => void): () => void {
    let set = this.storeListeners.get(store);
    if (!set) {
      set = new Set();
      this.storeListeners.set(store, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Rows that failed their integrity check at unlock (still on disk, never silently dropped). */
  tampered(): TamperError[] {
    const s = this.session;
    if (!s) return [];
    return [...s.tampered.values()].flatMap((m) => [...m.values()]);
  }

  // ---------------------------------------------------------------- damaged data (integrity.ts)

  /** What failed its integrity check or changed outside Haven, and the coordinator's decision. */
  damageReport(): DamageReport {
    return this.session ? this.session.integrity.current() : NO_DAMAGE;
  }

  /** Subscribes to changes of the damage report (including lock/unlock); returns the unsubscribe function. */
  onDamageChange(listener: () => void): () => void {
    this.damageListeners.add(listener);
    return () => this.damageListeners.delete(listener);
  }

  /**
   * Keeps the damaged rows on disk, quarantined (not served; a backup may carry them sealed or
   * leave them out), and accepts the stores as they are now. Recorded in the sealed manifest and
   * the audit trail.
   */
  async keepDamaged(): Promise<void> {
    return this.tracked(() => this.settleDamage('keep'));
  }

  /** Deletes every row that fails its integrity check (audited), and accepts the stores as they are. */
  async deleteDamaged(): Promise<void> {
    return this.tracked(() => this.settleDamage('delete'));
  }

  /** @internal The damaged rows exactly as stored (opaque sealed rows, for a backup). */
  async damagedRows(): Promise<Partial<Record<RecordStore, SealedRow[]>>> {
    const s = this.requireSession();
    const out: Partial<Record<RecordStore, SealedRow[]>> = {};
    for (const { store, ids } of s.integrity.current().damaged) {
      const rows = (await s.db.table(store).bulkGet(ids)) as (SealedRow | undefined)[];
      out[store] = rows.filter((r): r is SealedRow => !!r);
    }
    this.assertSession(s);
    return out;
  }

  private async settleDamage(decide: 'keep' | 'delete'): Promise<void> {
    const s = this.requireSession();
    const report = s.integrity.current();
    if (!hasProblems(report)) return;
    const deletes = decide === 'delete' ? report.damaged : [];
    const auditRow = this.newAuditRowOf(
      report.damaged.map((d) => ({
        store: d.store,
        action: decide === 'delete' ? 'delete-damaged' : 'quarantine-damaged',
        fields: [],
        entityIds: d.ids,
      })),
    );
    const sealedAudit = await seal(s.recordKey, auditRow, 'audit', auditRow.id);
    this.assertSession(s);
    const changes: { store: RecordStore; puts: SealedRow[]; deletes: string[] }[] = deletes.map(
      (d) => ({ store: d.store, puts: [], deletes: d.ids }),
    );
    changes.push({ store: 'audit', puts: [sealedAudit], deletes: [] });
    const stores = [...new Set<RecordStore>([...deletes.map((d) => d.store), 'audit'])];
    await this.withManifest(s, changes, decide, (manifestRow) =>
      s.db.transaction('rw', stores, () =>
        Promise.all([
          ...deletes.map((d) => s.db.table(d.store).bulkDelete(d.ids)),
          s.db.table('audit').bulkPut([sealedAudit, manifestRow]),
        ]),
      ),
    );
    if (this.session !== s) return;
    for (const d of deletes) for (const id of d.ids) s.tampered.get(d.store)?.delete(id);
    this.cacheOf(s, 'audit').set(auditRow.id, Object.freeze(auditRow) as unknown as StoredRecord);
    this.invalidate('audit');
    for (const d of deletes) this.invalidate(d.store);
    this.emitDamage();
  }

  private emitDamage(): void {
    for (const l of [...this.damageListeners]) l();
  }

  /** The audit trail of one record, oldest first (served from an index rebuilt when the audit store changes). */
  auditFor(entityId: string): AuditEvent[] {
    return (this.auditIndexes().byEntity.get(entityId) ?? []).map((e) => ({
      ...e,
      fields: [...e.fields],
    }));
  }

  /** Delete events of records that belonged to case `caseId` (legs, stays, people ...), oldest first. */
  deletionsIn(caseId: string): AuditEvent[] {
    return (this.auditIndexes().deletions.get(caseId) ?? []).map((e) => ({
      ...e,
      fields: [...e.fields],
    }));
  }

  private auditIndexes(): {
    byEntity: Map<string, AuditEvent[]>;
    deletions: Map<string, AuditEvent[]>;
  } {
    const s = this.requireSession();
    if (!this.auditIndex || !this.deletionIndex) {
      const index = new Map<string, AuditEvent[]>();
      const deletions = new Map<string, AuditEvent[]>();
      const push = (m: Map<string, AuditEvent[]>, k: string, e: AuditEvent): void => {
        let list = m.get(k);
        if (!list) {
          list = [];
          m.set(k, list);
        }
        list.push(e);
      };
      for (const row of this.cacheOf(s, 'audit').values()) {
        const a = row as unknown as AuditRow;
        for (const g of a.groups ?? []) {
          for (const id of g.entityIds) {
            const e: AuditEvent = {
              id: a.id,
              at: a.at,
              store: g.store,
              entityId: id,
              action: g.action,
              fields: g.fields,
            };
            if (typeof g.caseId === 'string') e.caseId = g.caseId;
            push(index, id, e);
            if (e.caseId && g.action === 'delete') push(deletions, e.caseId, e);
          }
        }
      }
      const byTime = (x: AuditEvent, y: AuditEvent): number =>
        x.at < y.at ? -1 : x.at > y.at ? 1 : 0;
      for (const list of index.values()) list.sort(byTime);
      for (const list of deletions.values()) list.sort(byTime);
      this.auditIndex = index;
      this.deletionIndex = deletions;
    }
    return { byEntity: this.auditIndex, deletions: this.deletionIndex };
  }

  /**
   * Writes several changes atomically: every row and one audit row are sealed first, then written
   * in one transaction; the cache changes only after the commit. `auditAction` names the change in
   * the audit trail instead of create/update/delete (e.g. "transition").
   */
  async transaction(
    ops: readonly WriteOp[],
    opts: { auditAction?: AuditAction } = {},
  ): Promise<void> {
    await this.commit(ops, opts);
  }

  /** The same as transaction() (repositories write through it). */
  async commit(ops: readonly WriteOp[], opts: { auditAction?: AuditAction } = {}): Promise<void> {
    return this.tracked(() => this.commitNow(ops, opts));
  }

  /** Runs a write after any key rotation, and lets a rotation wait for it. */
  private async tracked<T>(fn: () => Promise<T>): Promise<T> {
    while (this.rotation) await this.rotation.catch(() => undefined);
    const p = fn();
    this.writesInFlight.add(p);
    try {
      return await p;
    } finally {
      this.writesInFlight.delete(p);
    }
  }

  private async commitNow(
    ops: readonly WriteOp[],
    opts: { auditAction?: AuditAction },
  ): Promise<void> {
    const s = this.requireSession();
    if (ops.length === 0) return;
    // The final state of every touched record (a later op on the same id wins), validated and
    // serialised once; and one audit entry per op, in order.
    const finals = new Map<EntityStore, Map<string, Serialised | null>>();
    const audit = new AuditGrouper();
    for (const op of ops) {
      if (!ENTITY_STORE_SET.has(op.store)) {
        throw new RecordValidationError(`"${op.store}" is not a writable record store.`);
      }
      let m = finals.get(op.store);
      if (!m) {
        m = new Map();
        finals.set(op.store, m);
      }
      if (op.op === 'put') {
        const v = this.serialise(op.store, op.value);
        const id = v.value.id;
        const earlier = m.get(id);
        const before =
          earlier !== undefined ? (earlier?.value ?? undefined) : this.cacheOf(s, op.store).get(id);
        m.set(id, v);
        audit.add(
          op.store,
          opts.auditAction ?? (before ? 'update' : 'create'),
          changedFields(before, v.value),
          id,
        );
      } else {
        if (!isRecordId(op.id))
          throw new RecordValidationError(`Invalid record id for ${op.store}.`);
        // The case a deleted record belonged to (its id, not a value) keeps the deletion in
        // that case's History after the record is gone.
        const gone = this.cacheOf(s, op.store).get(op.id) as { caseId?: unknown } | undefined;
        m.set(op.id, null);
        audit.add(
          op.store,
          opts.auditAction ?? 'delete',
          [],
          op.id,
          typeof gone?.caseId === 'string' ? gone.caseId : undefined,
        );
      }
    }
    const auditRow = this.newAuditRowOf(audit.result());
    const key = s.recordKey;
    // Seal everything before the write transaction opens.
    const plan: {
      store: EntityStore;
      puts: Promise<SealedRow[]>;
      written: Serialised[];
      deletes: string[];
    }[] = [];
    for (const [store, m] of finals) {
      const ids: string[] = [];
      const jsons: string[] = [];
      const written: Serialised[] = [];
      const deletes: string[] = [];
      for (const [id, v] of m) {
        if (v) {
          ids.push(id);
          jsons.push(v.json);
          written.push(v);
        } else deletes.push(id);
      }
      plan.push({ store, puts: sealJsonBatch(key, store, ids, jsons), written, deletes });
    }
    const [sealedAudit, ...sealedPuts] = await Promise.all([
      seal(key, auditRow, 'audit', auditRow.id),
      ...plan.map((p) => p.puts),
    ]);
    this.assertSession(s);
    const storeNames = [...new Set<RecordStore>([...plan.map((p) => p.store), 'audit'])];
    const changes = plan.map((p, i) => ({
      store: p.store as RecordStore,
      puts: sealedPuts[i] ?? [],
      deletes: p.deletes,
    }));
    changes.push({ store: 'audit', puts: [sealedAudit], deletes: [] });
    await this.withManifest(s, changes, undefined, (manifestRow) =>
      s.db.transaction('rw', storeNames, async () => {
        const requests: Promise<unknown>[] = [];
        for (const [i, p] of plan.entries()) {
          const t = s.db.table(p.store);
          const puts = sealedPuts[i] ?? [];
          if (p.deletes.length) requests.push(t.bulkDelete(p.deletes));
          if (puts.length) requests.push(t.bulkPut(puts));
        }
        requests.push(s.db.table('audit').bulkPut([sealedAudit, manifestRow]));
        await Promise.all(requests);
      }),
    );
    if (this.session !== s) return; // locked during the write: the data is on disk, the cache is gone
    // The cache keeps exactly the JSON text that was sealed (see RecordCache).
    for (const p of plan) {
      const cache = this.cacheOf(s, p.store);
      const bad = s.tampered.get(p.store);
      for (const v of p.written) {
        bad?.delete(v.value.id);
        cache.setSealedJson(v.value.id, v.json);
      }
      for (const id of p.deletes) {
        bad?.delete(id);
        cache.delete(id);
      }
    }
    this.cacheOf(s, 'audit').set(auditRow.id, Object.freeze(auditRow) as unknown as StoredRecord);
    for (const store of storeNames) this.invalidate(store);
  }

  // ---------------------------------------------------------------- internals shared with backup.ts

  /** @internal Every decrypted record of every store (for backups). */
  allRecords(): Record<RecordStore, StoredRecord[]> {
    const s = this.requireSession();
    const out = {} as Record<RecordStore, StoredRecord[]>;
    for (const store of RECORD_STORES) out[store] = this.cacheOf(s, store).values();
    return out;
  }

  /** @internal Replaces/merges rows of many stores in one transaction, sealing everything first. */
  async writeRaw(
    records: Partial<Record<RecordStore, StoredRecord[]>>,
    auditRow: AuditRow,
  ): Promise<void> {
    return this.tracked(() => this.writeRawNow(records, auditRow));
  }

  private async writeRawNow(
    records: Partial<Record<RecordStore, StoredRecord[]>>,
    auditRow: AuditRow,
  ): Promise<void> {
    const s = this.requireSession();
    const key = s.recordKey;
    const values = new Map<RecordStore, Serialised[]>();
    for (const store of RECORD_STORES) {
      const list = (records[store] ?? []).map((v) => this.serialise(store, v));
      if (store === 'audit')
        list.push(this.serialise('audit', auditRow as unknown as StoredRecord));
      if (list.length) values.set(store, list);
    }
    const stores = [...values.keys()];
    const sealed = await Promise.all(
      stores.map((store) => {
        const list = values.get(store) ?? [];
        return sealJsonBatch(
          key,
          store,
          list.map((v) => v.value.id),
          list.map((v) => v.json),
        );
      }),
    );
    this.assertSession(s);
    const changes = stores.map((store, i) => ({ store, puts: sealed[i] ?? [], deletes: [] }));
    const txStores = [...new Set<RecordStore>([...stores, 'audit'])];
    await this.withManifest(s, changes, undefined, (manifestRow) =>
      s.db.transaction('rw', txStores, () =>
        Promise.all([
          ...stores.map((store, i) => s.db.table(store).bulkPut(sealed[i] ?? [])),
          s.db.table('audit').put(manifestRow),
        ]),
      ),
    );
    if (this.session !== s) return;
    for (const [store, list] of values) {
      const cache = this.cacheOf(s, store);
      for (const v of list) {
        cache.setSealedJson(v.value.id, v.json);
        s.tampered.get(store)?.delete(v.value.id);
      }
      this.invalidate(store);
    }
  }

  /** @internal Validates a record for a store (id, registered schema, JSON) and returns the frozen copy that would be stored. */
  validateRecord(store: RecordStore, value: StoredRecord): StoredRecord {
    return this.validate(store, value);
  }

  /** @internal */
  newAuditRow(entries: readonly AuditEntry[]): AuditRow {
    return this.newAuditRowOf(groupAuditEntries(entries));
  }

  private newAuditRowOf(groups: AuditRow['groups']): AuditRow {
    return { id: newRecordId(), at: new Date(this.now()).toISOString(), groups, m: 1 };
  }

  /** @internal Store-change subscription used by the React hooks (works while locked too). */
  snapshotOrEmpty(store: RecordStore): readonly StoredRecord[] {
    return this.session ? this.list(store) : EMPTY;
  }

  // ---------------------------------------------------------------- private

  /** The frozen copy a valid record would be cached as (see serialise). */
  private validate(store: RecordStore, value: StoredRecord): StoredRecord {
    return frozenCopy(this.serialise(store, value).json);
  }

  /**
   * Checks a record for a store (object, random id, the registered schema) and serialises it.
   * `value` is the schema's output, still shared with the caller: only the JSON text is kept.
   */
  private serialise(store: RecordStore, value: StoredRecord): Serialised {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new RecordValidationError(`A ${store} record must be an object.`);
    }
    if (!isRecordId(value.id)) {
      throw new RecordValidationError(`A ${store} record needs a random 32-hex id (use newId()).`);
    }
    let v = value;
    const schema = store === 'audit' ? undefined : this.schemas.get(store as EntityStore);
    if (schema) {
      const r = schema.safeParse(value);
      if (!r.success) {
        // Paths only: never echo a value into an error message.
        const where = r.error.issues
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
          .join('; ');
        throw new RecordValidationError(`Invalid ${store} record (${where}).`);
      }
      v = r.data;
      if (!v || typeof v !== 'object' || v.id !== value.id) {
        throw new RecordValidationError(`The ${store} schema must keep the id.`);
      }
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(v);
    } catch {
      json = undefined;
    }
    if (json === undefined) {
      throw new RecordValidationError(`A ${store} record must be JSON-serialisable.`);
    }
    // A plain object's JSON text is its own fields, id included. Anything else (a toJSON method, a
    // class instance, an id behind a getter) is parsed back to check that the text is still this record.
    if (!isPlainRecord(v)) {
      let back: unknown;
      try {
        back = JSON.parse(json);
      } catch {
        back = undefined;
      }
      if (!back || typeof back !== 'object' || (back as { id?: unknown }).id !== value.id) {
        throw new RecordValidationError(`A ${store} record must serialise to itself, id included.`);
      }
    }
    return { value: v, json };
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

  /**
   * Checks one secret under the one shared throttle (throttle.ts), for unlock, recovery, change of
   * passphrase and rotation alike. Refused with ThrottledError before any KDF run while a delay is
   * owed. The result is persisted in the header's clear `attempts` on `db` before it is returned:
   * a wrong secret counts one more failure (then WrongSecretError), a right one clears the count.
   * `unwrap` defaults to the passphrase slot with `passphrase`. Returns the data key (the caller
   * wipes it) and the header as now stored (also set on the open session when it was its header).
   */
  private async attempt(
    db: Dexie,
    header: VaultHeader,
    passphrase: string | null,
    wrongMessage: string,
    unwrap: () => Promise<Uint8Array | null> = () =>
      this.unwrapWithPassphrase(header, passphrase ?? ''),
  ): Promise<{ dataKey: Uint8Array; header: VaultHeader }> {
    this.attempts = header.attempts;
    assertMayAttempt(this.throttle, header.attempts, this.now());
    const dataKey = await unwrap();
    const attempts = dataKey ? undefined : afterFailure(header.attempts, this.now());
    let stored = header;
    if (attempts || header.attempts) {
      stored = { ...header };
      if (attempts) stored.attempts = attempts;
      else delete stored.attempts;
      try {
        await db.table(META_STORE).put(stored);
      } catch (e) {
        wipe(dataKey);
        throw e;
      }
      if (this.session?.header === header) this.session.header = stored;
    }
    this.attempts = attempts;
    if (!dataKey) throw new WrongSecretError(wrongMessage);
    return { dataKey, header: stored };
  }

  private async openHeader(): Promise<{ db: Dexie; header: VaultHeader }> {
    const name = await this.activeDbName();
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

  private async unwrapWithPassphrase(
    header: VaultHeader,
    passphrase: string,
  ): Promise<Uint8Array | null> {
    const slot = header.slots.passphrase;
    const pw = passphraseBytes(passphrase);
    let wk: Uint8Array | null = null;
    try {
      wk = await this.kdf(pw, b64.decode(slot.salt), kdfParamsOf(header));
      return await unwrapDataKey(
        wk,
        { nonce: b64.decode(slot.nonce), wrapped: b64.decode(slot.wrapped) },
        passphraseSlotAad(fixedOf(header), slot),
      );
    } finally {
      wipe(pw);
      wipe(wk);
    }
  }

  private async buildSlots(
    fixed: HeaderFixedFields,
    dataKey: Uint8Array,
    passphrase: string,
    params: KdfParams,
    recoveryBytes: Uint8Array,
  ): Promise<VaultHeader['slots']> {
    const passphrase_ = await this.passphraseSlot(fixed, dataKey, passphrase, params);
    const salt = randomBytes(16);
    const kdf = { algorithm: 'hkdf-sha256' as const };
    const saltB64 = b64.encode(salt);
    const wk = await recoveryWrappingKey(recoveryBytes, salt);
    const w = await wrapDataKey(wk, dataKey, recoverySlotAad(fixed, { salt: saltB64, kdf }));
    wipe(wk);
    return {
      passphrase: passphrase_,
      recovery: { kdf, salt: saltB64, nonce: b64.encode(w.nonce), wrapped: b64.encode(w.wrapped) },
    };
  }

  private async passphraseSlot(
    fixed: HeaderFixedFields,
    dataKey: Uint8Array,
    passphrase: string,
    params: KdfParams,
  ): Promise<VaultHeader['slots']['passphrase']> {
    const salt = randomBytes(16);
    const kdf = { algorithm: 'argon2id' as const, m: params.m, t: params.t, p: params.p };
    const saltB64 = b64.encode(salt);
    const pw = passphraseBytes(passphrase);
    const wk = await this.kdf(pw, salt, params);
    wipe(pw);
    const w = await wrapDataKey(wk, dataKey, passphraseSlotAad(fixed, { salt: saltB64, kdf }));
    wipe(wk);
    return { kdf, salt: saltB64, nonce: b64.encode(w.nonce), wrapped: b64.encode(w.wrapped) };
  }

  private async rewrapPassphraseSlot(
    header: VaultHeader,
    dataKey: Uint8Array,
    passphrase: string,
  ): Promise<VaultHeader> {
    const slot = await this.passphraseSlot(
      fixedOf(header),
      dataKey,
      passphrase,
      kdfParamsOf(header),
    );
    return parseHeader({ ...header, slots: { ...header.slots, passphrase: slot } });
  }

  private async loadSession(
    db: Dexie,
    header: VaultHeader,
    recordKey: CryptoKey,
    epoch: number,
  ): Promise<UnlockResult> {
    const rows = new Map<RecordStore, unknown[]>();
    const opened = await this.loadInline(db, recordKey, rows);
    const caches = new Map<RecordStore, RecordCache>();
    const tampered = new Map<RecordStore, Map<string, TamperError>>();
    RECORD_STORES.forEach((store, i) => {
      const r = opened[i] ?? { records: [], tampered: [] };
      const cache = new RecordCache();
      for (const rec of r.records) cache.set(rec.id, Object.freeze(rec));
      caches.set(store, cache);
      tampered.set(store, new Map(r.tampered.map((e) => [e.id, e])));
    });
    const integrity = await this.loadIntegrity(rows, caches, tampered);
    if (epoch !== this.lockEpoch) {
      // lock() was asked for while this unlock ran: honour it, the unlock ends locked.
      for (const c of caches.values()) c.clear();
      throw new VaultStateError('The vault was locked while it was being unlocked.');
    }
    this.startSession({
      db,
      recordKey,
      header,
      caches,
      tampered,
      integrity,
      manifestQueue: Promise.resolve(),
    });
    return { tampered: this.tampered() };
  }

  /** Takes the manifest out of the audit store's records and checks every store against it. */
  private loadIntegrity(
    rows: Map<RecordStore, unknown[]>,
    caches: Map<RecordStore, RecordCache>,
    tampered: Map<RecordStore, Map<string, TamperError>>,
  ): Promise<Integrity> {
    const audit = caches.get('audit') ?? new RecordCache();
    const found = audit.get(MANIFEST_ID) as ManifestRecord | undefined;
    audit.delete(MANIFEST_ID);
    const manifestBad = tampered.get('audit')?.delete(MANIFEST_ID) ?? false;
    const expected = audit.values().some((r) => (r as unknown as AuditRow).m === 1);
    rows.set(
      'audit',
      (rows.get('audit') ?? []).filter((r) => (r as { id?: unknown }).id !== MANIFEST_ID),
    );
    const badIds = new Map(RECORD_STORES.map((st) => [st, new Set(tampered.get(st)?.keys())]));
    const manifest =
      found?.kind === 'haven-manifest' ? found : manifestBad || found ? 'damaged' : undefined;
    return Integrity.load(rows, badIds, manifest, expected);
  }

  /**
   * Seals the manifest that follows `changes`, runs the write transaction `write` with it, and
   * applies it to memory once committed. Manifest updates run one at a time, in commit order.
   */
  private async withManifest(
    s: Session,
    changes: { store: RecordStore; puts: readonly SealedRow[]; deletes: readonly string[] }[],
    decide: 'keep' | 'delete' | undefined,
    write: (manifestRow: SealedRow) => Promise<unknown>,
  ): Promise<void> {
    const turn = s.manifestQueue.then(async () => {
      const plan: IntegrityPlan = s.integrity.plan(changes, decide);
      const row = await seal(s.recordKey, plan.record, 'audit', MANIFEST_ID);
      this.assertSession(s);
      await write(row);
      plan.apply();
    });
    s.manifestQueue = turn.catch(() => undefined);
    await turn;
  }

  /** Every store read and opened on this thread, pipelined store by store. */
  private loadInline(
    db: Dexie,
    recordKey: CryptoKey,
    raw?: Map<RecordStore, unknown[]>,
  ): Promise<OpenManyResult<StoredRecord>[]> {
    // Each store's rows are decrypted as soon as they arrive, while the next store is still being
    // read. No WebCrypto call happens inside a transaction (each toArray is its own read-only
    // transaction, complete when its promise resolves). (A pool of decrypt workers was tried and
    // measured slower here: WebCrypto calls from workers cost more per row than from this thread.)
    return Promise.all(
      RECORD_STORES.map((store) =>
        db
          .table(store)
          .toArray()
          .then((rows) => {
            raw?.set(store, rows);
            return openMany<StoredRecord>(recordKey, rows, store);
          }),
      ),
    );
  }

  private startSession(s: Session): void {
    this.session = s;
    s.integrity.subscribe(() => {
      if (this.session === s) this.emitDamage();
    });
    this.snapshots.clear();
    this.auditIndex = null;
    this.deletionIndex = null;
    this.emitLock();
    for (const store of RECORD_STORES) this.emitStore(store);
  }

  private requireSession(): Session {
    if (!this.session) throw new LockedError();
    return this.session;
  }

  private assertSession(s: Session): void {
    if (this.session !== s) throw new LockedError('The vault was locked during the operation.');
  }

  private cacheOf(s: Session, store: RecordStore): RecordCache {
    let c = s.caches.get(store);
    if (!c) {
      c = new RecordCache();
      s.caches.set(store, c);
    }
    return c;
  }

  private invalidate(store: RecordStore): void {
    this.snapshots.delete(store);
    if (store === 'audit') {
      this.auditIndex = null;
      this.deletionIndex = null;
    }
    this.emitStore(store);
  }

  private emitLock(): void {
    const state = this.state;
    for (const l of [...this.lockListeners]) l(state);
    this.emitDamage();
  }

  private emitStore(store: RecordStore): void {
    for (const l of [...(this.storeListeners.get(store) ?? [])]) l();
  }
}

const EMPTY: readonly StoredRecord[] = Object.freeze([]);
const NO_DAMAGE: DamageReport = Object.freeze({
  damaged: [],
  changed: [],
  manifest: 'ok',
  decision: 'pending',
});

function emptyCaches(): Map<RecordStore, RecordCache> {
  return new Map(RECORD_STORES.map((s) => [s, new RecordCache()]));
}

function emptyTampered(): Map<RecordStore, Map<string, TamperError>> {
  return new Map(RECORD_STORES.map((s) => [s, new Map()]));
}
