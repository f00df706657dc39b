/**
 * One unlocked session, in memory only: the database it reads and writes, the non-extractable
 * record key, the header, the decrypted records (one RecordCache per store), the rows that failed
 * their integrity check, and the whole-store integrity (integrity.ts) with the queue that orders
 * manifest updates. lock() clears it (vault.ts).
 */
import type Dexie from 'dexie';
import { seal, type SealedRow } from './crypto/seal';
import { LockedError, type TamperError } from './errors';
import type { VaultHeader } from './header';
import {
  Integrity,
  MANIFEST_ID,
  MANIFEST_STORE,
  type IntegrityPlan,
  type ManifestRecord,
} from './integrity';
import { RecordCache } from './record-cache';
import type { RecordTexts } from './rekey';
import type { StoredRecord } from './repository';
import { RECORD_STORES, type RecordStore } from './stores';
import type { AuditRow } from './audit';
import {
  DEFAULT_SLICER,
  StagedLoadStopped,
  loadStore,
  sinkOf,
  type Slicer,
  type StoreSink,
} from './staged-load';

/** What one write changes in the sealed rows of one store (for the integrity manifest). */
export interface StoreRows {
  store: RecordStore;
  puts: readonly SealedRow[];
  deletes: readonly string[];
}

/**
 * Sealed rows being read, by store (started while the key derivation runs), each store its own
 * promise; undefined when its read failed.
 */
export type PrefetchedRows = ReadonlyMap<RecordStore, Promise<readonly unknown[] | undefined>>;

/** Which stores a staged unlock opens before the first screen (the rest follow in chunks). */
export interface LoadPlan {
  readonly first: readonly RecordStore[];
  readonly slicer?: Slicer;
}

/** What a staged load tells the vault as it goes. */
export interface LoadHooks {
  /**
   * These stores' records are now readable but not yet announced: whoever derives from them can
   * build what they will need, in this task; `storesLoaded` follows on a later turn.
   */
  storesReadable(stores: readonly RecordStore[]): void;
  /** These stores are now readable, all of them (told together, see continueLoading). */
  storesLoaded(stores: readonly RecordStore[]): void;
  integrityLoaded(): void;
}

export class Session {
  private manifestQueue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<RecordStore>();
  private staged: {
    sinks: Map<RecordStore, StoreSink>;
    rest: RecordStore[];
    slicer: Slicer;
  } | null = null;
  private cleared = false;
  private loadDone = false;
  private loadError: unknown = null;
  private resolveLoaded!: () => void;
  private readonly loadedPromise = new Promise<void>((resolve) => {
    this.resolveLoaded = resolve;
  }).then(() => {
    if (this.loadError) throw this.loadError;
  });

  private constructor(
    public db: Dexie,
    public recordKey: CryptoKey,
    public header: VaultHeader,
    readonly caches: Map<RecordStore, RecordCache>,
    readonly tampered: Map<RecordStore, Map<string, TamperError>>,
    public integrity: Integrity,
  ) {
    // Nobody may be waiting; a failed load is reported to whoever waits for it.
    this.loadedPromise.catch(() => undefined);
  }

  /** A session over a database just created (no records). */
  static async empty(db: Dexie, header: VaultHeader, recordKey: CryptoKey): Promise<Session> {
    const integrity = await Integrity.load(new Map(), new Map(), undefined, false);
    return new Session(
      db,
      recordKey,
      header,
      new Map(RECORD_STORES.map((s) => [s, new RecordCache()])),
      new Map(RECORD_STORES.map((s) => [s, new Map()])),
      integrity,
    );
  }

  /**
   * Reads and opens the stores, and checks them against the integrity manifest. With a `plan`
   * (staged-load.ts), only `plan.first` is opened before this returns; the other stores are opened
   * in small chunks once `continueLoading` is called, and `loaded` settles when all are in.
   * Without one, every store is opened and checked before this returns.
   */
  static async load(
    db: Dexie,
    header: VaultHeader,
    recordKey: CryptoKey,
    plan?: LoadPlan,
    prefetched?: PrefetchedRows,
  ): Promise<Session> {
    const sinks = new Map<RecordStore, StoreSink>(
      RECORD_STORES.map((st) => [st, { rows: [], cache: new RecordCache(), tampered: new Map() }]),
    );
    const first = plan ? RECORD_STORES.filter((st) => plan.first.includes(st)) : RECORD_STORES;
    const rest = RECORD_STORES.filter((st) => !first.includes(st));
    // The first stores are read and opened together, each as soon as its rows arrive; no WebCrypto
    // call happens inside a transaction (each read is its own read-only transaction). (A pool of
    // decrypt workers was tried and measured slower: WebCrypto from workers costs more per row.)
    await Promise.all(
      first.map(async (st) =>
        loadStore(db, recordKey, st, sinkOf(sinks, st), null, undefined, await prefetched?.get(st)),
      ),
    );
    const caches = new Map<RecordStore, RecordCache>();
    const tampered = new Map<RecordStore, Map<string, TamperError>>();
    for (const st of RECORD_STORES) {
      const sink = sinkOf(sinks, st);
      caches.set(st, rest.includes(st) ? new RecordCache() : sink.cache);
      tampered.set(st, rest.includes(st) ? new Map() : sink.tampered);
    }
    if (rest.length === 0) {
      const integrity = await loadIntegrity(sinks, caches, tampered);
      return new Session(db, recordKey, header, caches, tampered, integrity);
    }
    const placeholder = await Integrity.load(new Map(), new Map(), undefined, false);
    const s = new Session(db, recordKey, header, caches, tampered, placeholder);
    s.staged = { sinks, rest, slicer: plan?.slicer ?? DEFAULT_SLICER };
    for (const st of rest) s.pending.add(st);
    return s;
  }

  /** Stores not yet opened (a staged unlock still running); empty once loaded. */
  pendingStores(): readonly RecordStore[] {
    return [...this.pending];
  }

  /**
   * Opens the stores a staged load left for later, one chunk at a time, telling `hooks` as each
   * store arrives and when the integrity check is done. `loaded` settles then (or rejects when
   * the session is cleared first). Does nothing on a session that was loaded whole.
   */
  continueLoading(hooks: LoadHooks): void {
    const plan = this.staged;
    this.staged = null;
    if (!plan) {
      this.settle(null);
      return;
    }
    const alive = () => !this.cleared;
    void (async () => {
      // Every store is made readable before anyone is told of any: a listener that derives from
      // several stores (the planning index of every case) then sees them all at once. What is
      // derived from them is built in one task and the listeners (screens re-rendering) are told
      // in the next, so neither holds the thread for both.
      const opened = async (stores: readonly RecordStore[]) => {
        for (const st of stores) {
          const sink = sinkOf(plan.sinks, st);
          this.caches.set(st, sink.cache);
          this.tampered.set(st, sink.tampered);
          this.pending.delete(st);
        }
        hooks.storesReadable(stores);
        await plan.slicer.yieldNow();
        if (!alive()) throw new StagedLoadStopped();
        hooks.storesLoaded(stores);
      };
      // The first screen renders before any of the rest is read.
      await plan.slicer.yieldNow();
      if (!alive()) throw new StagedLoadStopped();
      for (const st of plan.rest) {
        await loadStore(this.db, this.recordKey, st, sinkOf(plan.sinks, st), plan.slicer, alive);
      }
      // Served together: whatever screens derive from several stores (the planning index of
      // every case) is rebuilt once, not once per store. The audit store holds the manifest: it
      // is served once the check has taken it out.
      await opened(plan.rest.filter((st) => st !== MANIFEST_STORE));
      await plan.slicer.yieldNow();
      if (!alive()) throw new StagedLoadStopped();
      const later = (st: RecordStore) => plan.rest.includes(st);
      const caches = new Map(
        RECORD_STORES.map((st) => [
          st,
          later(st) ? sinkOf(plan.sinks, st).cache : this.cacheOf(st),
        ]),
      );
      const tampered = new Map(
        RECORD_STORES.map((st) => [
          st,
          later(st) ? sinkOf(plan.sinks, st).tampered : (this.tampered.get(st) ?? new Map()),
        ]),
      );
      this.integrity = await loadIntegrity(plan.sinks, caches, tampered, plan.slicer.yieldNow);
      if (!alive()) throw new StagedLoadStopped();
      if (later(MANIFEST_STORE)) await opened([MANIFEST_STORE]);
      hooks.integrityLoaded();
    })().then(
      () => this.settle(null),
      (e: unknown) => this.settle(this.cleared ? new LockedError() : e),
    );
  }

  /** True once every store is open and checked (at once for a session loaded whole). */
  get isLoaded(): boolean {
    return this.loadDone;
  }

  /** Settles when every store is open and checked (at once for a session loaded whole). */
  get loaded(): Promise<void> {
    return this.loadedPromise;
  }

  private settle(error: unknown): void {
    this.pending.clear();
    this.loadDone = error === null;
    this.loadError = error;
    this.resolveLoaded();
  }

  cacheOf(store: RecordStore): RecordCache {
    let c = this.caches.get(store);
    if (!c) {
      c = new RecordCache();
      this.caches.set(store, c);
    }
    return c;
  }

  /** One decrypted record, undefined if absent; TamperError if its row failed the integrity check. */
  get(store: RecordStore, id: string): StoredRecord | undefined {
    const bad = this.tampered.get(store)?.get(id);
    if (bad) throw bad;
    return this.cacheOf(store).get(id);
  }

  /** Every decrypted record of every store. */
  allRecords(): Record<RecordStore, StoredRecord[]> {
    const out = {} as Record<RecordStore, StoredRecord[]>;
    for (const store of RECORD_STORES) out[store] = this.cacheOf(store).values();
    return out;
  }

  /** Rows that failed their integrity check at unlock (still on disk, never silently dropped). */
  tamperedList(): TamperError[] {
    return [...this.tampered.values()].flatMap((m) => [...m.values()]);
  }

  /** Keeps an audit row the vault wrote (frozen, as it would be read back). */
  keepAudit(row: AuditRow): void {
    this.cacheOf('audit').set(row.id, Object.freeze(row) as unknown as StoredRecord);
  }

  /** Every record's id and JSON text by store (for a re-key). */
  texts(): RecordTexts {
    return new Map(RECORD_STORES.map((store) => [store, this.cacheOf(store).texts()]));
  }

  /** The damaged rows exactly as stored (opaque sealed rows, for a backup). */
  async damagedRows(): Promise<Partial<Record<RecordStore, SealedRow[]>>> {
    const out: Partial<Record<RecordStore, SealedRow[]>> = {};
    for (const { store, ids } of this.integrity.current().damaged) {
      const rows = (await this.db.table(store).bulkGet(ids)) as (SealedRow | undefined)[];
      out[store] = rows.filter((r): r is SealedRow => !!r);
    }
    return out;
  }

  /**
   * Seals the manifest that follows `changes`, runs the write transaction `write` with it, and
   * applies it to memory once committed. Manifest updates run one at a time, in commit order.
   * `stillOpen` throws when the vault was locked while the manifest was sealed.
   */
  async withManifest(
    changes: StoreRows[],
    decide: 'keep' | 'delete' | undefined,
    stillOpen: () => void,
    write: (manifestRow: SealedRow) => Promise<unknown>,
  ): Promise<void> {
    const turn = this.manifestQueue.then(async () => {
      const plan: IntegrityPlan = this.integrity.plan(changes, decide);
      const row = await seal(this.recordKey, plan.record, 'audit', MANIFEST_ID);
      stillOpen();
      await write(row);
      plan.apply();
    });
    this.manifestQueue = turn.catch(() => undefined);
    await turn;
  }

  /** Drops every decrypted record (a staged load still running stops). */
  clear(): void {
    this.cleared = true;
    if (this.staged) {
      this.staged = null;
      this.settle(new LockedError());
    }
    this.db.close();
    for (const c of this.caches.values()) c.clear();
    this.caches.clear();
    this.tampered.clear();
  }
}

/** Takes the manifest out of the audit store's records and checks every store against it. */
function loadIntegrity(
  sinks: ReadonlyMap<RecordStore, StoreSink>,
  caches: Map<RecordStore, RecordCache>,
  tampered: Map<RecordStore, Map<string, TamperError>>,
  pause?: () => Promise<void>,
): Promise<Integrity> {
  const audit = caches.get('audit') ?? new RecordCache();
  const found = audit.get(MANIFEST_ID) as ManifestRecord | undefined;
  audit.delete(MANIFEST_ID);
  const manifestBad = tampered.get('audit')?.delete(MANIFEST_ID) ?? false;
  const rows = new Map(RECORD_STORES.map((st) => [st, sinks.get(st)?.rows ?? []]));
  const expected = audit.values().some((r) => (r as unknown as AuditRow).m === 1);
  rows.set(
    'audit',
    (rows.get('audit') ?? []).filter((r) => (r as { id?: unknown }).id !== MANIFEST_ID),
  );
  const badIds = new Map(RECORD_STORES.map((st) => [st, new Set(tampered.get(st)?.keys())]));
  const manifest =
    found?.kind === 'haven-manifest' ? found : manifestBad || found ? 'damaged' : undefined;
  return Integrity.load(rows, badIds, manifest, expected, pause);
}
