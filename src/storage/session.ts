/**
 * One unlocked session, in memory only: the database it reads and writes, the non-extractable
 * record key, the header, the decrypted records (one RecordCache per store), the rows that failed
 * their integrity check, and the whole-store integrity (integrity.ts) with the queue that orders
 * manifest updates. lock() clears it (vault.ts).
 */
import type Dexie from 'dexie';
import { openMany, seal, type SealedRow } from './crypto/seal';
import type { TamperError } from './errors';
import type { VaultHeader } from './header';
import { Integrity, MANIFEST_ID, type IntegrityPlan, type ManifestRecord } from './integrity';
import { RecordCache } from './record-cache';
import type { RecordTexts } from './rekey';
import type { StoredRecord } from './repository';
import { RECORD_STORES, type RecordStore } from './stores';
import type { AuditRow } from './audit';

/** What one write changes in the sealed rows of one store (for the integrity manifest). */
export interface StoreRows {
  store: RecordStore;
  puts: readonly SealedRow[];
  deletes: readonly string[];
}

export class Session {
  private manifestQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    public db: Dexie,
    public recordKey: CryptoKey,
    public header: VaultHeader,
    readonly caches: Map<RecordStore, RecordCache>,
    readonly tampered: Map<RecordStore, Map<string, TamperError>>,
    readonly integrity: Integrity,
  ) {}

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

  /** Reads and opens every store, and checks it against the integrity manifest. */
  static async load(db: Dexie, header: VaultHeader, recordKey: CryptoKey): Promise<Session> {
    const rows = new Map<RecordStore, unknown[]>();
    // Each store's rows are decrypted as soon as they arrive, while the next store is still being
    // read. No WebCrypto call happens inside a transaction (each toArray is its own read-only
    // transaction, complete when its promise resolves). (A pool of decrypt workers was tried and
    // measured slower here: WebCrypto calls from workers cost more per row than from this thread.)
    const opened = await Promise.all(
      RECORD_STORES.map((store) =>
        db
          .table(store)
          .toArray()
          .then((list) => {
            rows.set(store, list);
            return openMany<StoredRecord>(recordKey, list, store);
          }),
      ),
    );
    const caches = new Map<RecordStore, RecordCache>();
    const tampered = new Map<RecordStore, Map<string, TamperError>>();
    RECORD_STORES.forEach((store, i) => {
      const r = opened[i] ?? { records: [], tampered: [] };
      const cache = new RecordCache();
      for (const rec of r.records) cache.set(rec.id, Object.freeze(rec));
      caches.set(store, cache);
      tampered.set(store, new Map(r.tampered.map((e) => [e.id, e])));
    });
    const integrity = await loadIntegrity(rows, caches, tampered);
    return new Session(db, recordKey, header, caches, tampered, integrity);
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

  /** Drops every decrypted record. */
  clear(): void {
    this.db.close();
    for (const c of this.caches.values()) c.clear();
    this.caches.clear();
    this.tampered.clear();
  }
}

/** Takes the manifest out of the audit store's records and checks every store against it. */
function loadIntegrity(
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
