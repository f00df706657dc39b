/**
 * Whole-store integrity: detects rows that were removed, put back to an older valid copy, or
 * brought back after a delete (each such row still authenticates on its own), and keeps the
 * coordinator's decision about damaged rows. What is stored where:
 *   - one sealed manifest record in the "audit" store under the reserved id MANIFEST_ID (a row
 *     `{id, v, c}` like any other; the record key seals it with the same AAD rules). It holds a
 *     random 32-byte secret, and per store the number of authentic rows and a digest;
 *   - the digest of a store is the XOR of BLAKE3-keyed(secret, store ‖ id ‖ nonce ‖ tag) over its
 *     rows. Every write draws a fresh nonce, so (id, nonce, tag) names one version of one row;
 *     the attacker does not know the secret, so cannot compute any term of the XOR;
 *   - in memory while unlocked: each row's term (32 bytes) and the running digest, so a write
 *     updates the manifest in O(changed rows) and seals it in the same transaction as the rows.
 * The manifest also keeps the ids the coordinator chose to keep quarantined and the findings not
 * yet decided, so a write before the decision cannot make a problem disappear.
 *
 * A vault written before the manifest existed has none: it is built at the first unlock and
 * written with the first write. Every audit row written since carries `m: 1`, so a manifest that
 * goes missing afterwards is reported instead of rebuilt.
 */
import { createBLAKE3, type IHasher } from 'hash-wasm';
import { b64 } from './header';
import { randomBytes, utf8 } from './crypto/bytes';
import type { SealedRow } from './crypto/seal';
import { RECORD_STORES, type RecordStore } from './stores';

/** Reserved id of the manifest record in the audit store (never a random id, so never a record's). */
export const MANIFEST_ID = '0'.repeat(32);
export const MANIFEST_STORE: RecordStore = 'audit';

const NONCE = 12;
const TAG = 16;
const TERM = 32;
/** How long the unlock-time hashing runs before it lets the page have the thread (see load). */
const SLICE_MS = 8;

/** A store whose rows no longer match the manifest. */
export interface StoreChange {
  store: RecordStore;
  /** Rows missing since the last save. */
  removed: number;
  /** Rows present that were not there at the last save (e.g. a deleted row put back). */
  added: number;
  /** The count matches but at least one row was replaced by an older copy. */
  replaced: boolean;
}

export interface DamageReport {
  /** Rows that fail their integrity check (still on disk), by store. */
  damaged: { store: RecordStore; ids: string[] }[];
  /** Stores whose rows changed outside Haven. */
  changed: StoreChange[];
  /** Whether the manifest itself could be checked. */
  manifest: 'ok' | 'missing' | 'damaged';
  /** "pending" until the coordinator decides; "kept" once damaged rows are kept quarantined. */
  decision: 'pending' | 'kept';
}

export interface ManifestRecord {
  id: string;
  kind: 'haven-manifest';
  key: string;
  seq: number;
  stores: Partial<Record<RecordStore, { n: number; d: string }>>;
  quarantined: Partial<Record<RecordStore, string[]>>;
  unresolved: { changed: StoreChange[]; manifest: DamageReport['manifest'] };
  [field: string]: unknown;
}

export function hasProblems(r: DamageReport): boolean {
  return r.damaged.length > 0 || r.changed.length > 0 || r.manifest !== 'ok';
}

/** Whether the coordinator still has to decide (backups and rotation wait for it). */
export function isPending(r: DamageReport): boolean {
  return hasProblems(r) && r.decision === 'pending';
}

export function damagedCount(r: DamageReport): number {
  return r.damaged.reduce((n, d) => n + d.ids.length, 0);
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

function xorInto(a: Uint8Array, b: Uint8Array): void {
  for (let i = 0; i < TERM; i++) a[i] = (a[i] as number) ^ (b[i] as number);
}

function asBytes(c: unknown): Uint8Array | null {
  if (c instanceof Uint8Array) return c;
  if (c instanceof ArrayBuffer) return new Uint8Array(c);
  if (c && typeof c === 'object' && Object.prototype.toString.call(c) === '[object Uint8Array]')
    return c as Uint8Array;
  return null;
}

/**
 * The terms of one store's rows, packed 32 bytes a slot in one buffer. A Uint8Array per row kept
 * one ArrayBuffer alive per record (52,000 of them in a 5,000-case vault), and every major garbage
 * collection had to walk and sweep them all: the timeline's scroll caught those pauses.
 */
export class TermTable {
  private readonly slots = new Map<string, number>();
  private buf = new Uint8Array(TERM * 64);
  private readonly free: number[] = [];
  private next = 0;

  get size(): number {
    return this.slots.size;
  }
  has(id: string): boolean {
    return this.slots.has(id);
  }
  keys(): IterableIterator<string> {
    return this.slots.keys();
  }
  /** XORs the term of `id` into `d`; false (and `d` unchanged) when `id` has none. */
  xorInto(d: Uint8Array, id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const b = this.buf;
    const at = slot * TERM;
    for (let i = 0; i < TERM; i++) d[i] = (d[i] as number) ^ (b[at + i] as number);
    return true;
  }
  /** Keeps a copy of `term` (32 bytes) as the term of `id`. */
  set(id: string, term: Uint8Array): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.free.pop() ?? this.next++;
      const end = (slot + 1) * TERM;
      if (end > this.buf.length) {
        const grown = new Uint8Array(Math.max(end, this.buf.length * 2));
        grown.set(this.buf);
        this.buf = grown;
      }
      this.slots.set(id, slot);
    }
    // A byte loop: a subarray() view per call cost more than the copy.
    const b = this.buf;
    const at = slot * TERM;
    for (let i = 0; i < TERM; i++) b[at + i] = term[i] as number;
  }
  delete(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.slots.delete(id);
    this.buf.fill(0, slot * TERM, (slot + 1) * TERM);
    this.free.push(slot);
    return true;
  }
}

interface StoreState {
  terms: TermTable;
  digest: Uint8Array;
}

/** The manifest change a write will make, applied only after its transaction commits. */
export interface IntegrityPlan {
  readonly record: ManifestRecord;
  readonly apply: () => void;
}

function mergeChanges(a: readonly StoreChange[], b: readonly StoreChange[]): StoreChange[] {
  const out = new Map<RecordStore, StoreChange>();
  for (const c of [...a, ...b]) {
    const e = out.get(c.store);
    if (!e) out.set(c.store, { ...c });
    else {
      e.removed += c.removed;
      e.added += c.added;
      e.replaced ||= c.replaced;
    }
  }
  return [...out.values()];
}

export class Integrity {
  private seq: number;
  private report: DamageReport;
  private readonly listeners = new Set<() => void>();
  private snapshot: DamageReport | null = null;

  private constructor(
    private readonly hasher: IHasher,
    private readonly key: Uint8Array,
    private readonly stores: Map<RecordStore, StoreState>,
    private readonly quarantined: Map<RecordStore, Set<string>>,
    /** Ids that fail their integrity check, by store (kept in step with the vault's own list). */
    private readonly damaged: Map<RecordStore, Set<string>>,
    seq: number,
    report: DamageReport,
  ) {
    this.seq = seq;
    this.report = report;
  }

  /**
   * Checks the rows read at unlock against the manifest. `rows` are the raw rows of every store
   * (the manifest row excluded), `tampered` the ids that failed to open, `manifest` the opened
   * manifest, or "damaged" when its own row failed, or undefined when there is none.
   */
  static async load(
    rows: ReadonlyMap<RecordStore, readonly unknown[]>,
    tampered: ReadonlyMap<RecordStore, ReadonlySet<string>>,
    manifest: ManifestRecord | 'damaged' | undefined,
    manifestExpected: boolean,
    /** Called once a slice of hashing has run SLICE_MS (a staged unlock gives the event loop a turn there). */
    pause?: () => Promise<void>,
  ): Promise<Integrity> {
    const m = typeof manifest === 'object' ? manifest : undefined;
    let key: Uint8Array | null = null;
    if (m) {
      try {
        key = b64.decode(m.key);
      } catch {
        key = null;
      }
    }
    const status: DamageReport['manifest'] =
      manifest === 'damaged' || (m && key?.length !== TERM)
        ? 'damaged'
        : m
          ? 'ok'
          : manifestExpected
            ? 'missing'
            : 'ok';
    if (!key || key.length !== TERM) key = randomBytes(TERM);
    const hasher = await createBLAKE3(256, key);
    const stores = new Map<RecordStore, StoreState>();
    const quarantined = new Map<RecordStore, Set<string>>();
    const damagedIds = new Map<RecordStore, Set<string>>();
    const changed: StoreChange[] = [];
    const damaged: DamageReport['damaged'] = [];
    let fresh = false;
    const self = new Integrity(hasher, key, stores, quarantined, damagedIds, m?.seq ?? 0, {
      damaged,
      changed,
      manifest: status,
      decision: 'pending',
    });
    let hashed = 0;
    let since = performance.now();
    for (const store of RECORD_STORES) {
      const bad = tampered.get(store) ?? new Set<string>();
      const q = new Set(m?.quarantined[store] ?? []);
      const state: StoreState = { terms: new TermTable(), digest: new Uint8Array(TERM) };
      for (const row of rows.get(store) ?? []) {
        const r = row as Partial<SealedRow>;
        if (typeof r.id !== 'string' || bad.has(r.id)) continue;
        // A yield once a slice has run its time, checked every 256 rows: a row count alone is
        // too long on the first unlock of a session, before the hashing is compiled.
        if (pause && (++hashed & 255) === 0 && performance.now() - since >= SLICE_MS) {
          await pause();
          since = performance.now();
        }
        const t = self.termOf(store, r.id, r.c);
        if (!t) continue;
        state.terms.set(r.id, t);
        xorInto(state.digest, t);
      }
      stores.set(store, state);
      damagedIds.set(store, new Set(bad));
      if (bad.size > 0) damaged.push({ store, ids: [...bad] });
      const newBad = [...bad].filter((id) => !q.has(id));
      if (newBad.length > 0) fresh = true;
      const gone = [...q].filter((id) => !bad.has(id) && !state.terms.has(id)).length;
      // Quarantined ids that are still damaged stay quarantined; the others are settled.
      quarantined.set(store, new Set([...q].filter((id) => bad.has(id))));
      const expected = m?.stores[store];
      if (!m || status !== 'ok') continue;
      const n = expected?.n ?? 0;
      const d = expected?.d ?? hex(new Uint8Array(TERM));
      const found = state.terms.size;
      let removed = gone;
      let added = 0;
      let replaced = false;
      if (found !== n || hex(state.digest) !== d) {
        // A newly damaged row was authentic at the last save: it accounts for one expected row.
        const accounted = found + newBad.length;
        if (accounted < n) removed += n - accounted;
        else if (accounted > n) added += accounted - n;
        else if (newBad.length === 0) replaced = true;
      }
      if (removed || added || replaced) changed.push({ store, removed, added, replaced });
    }
    if (m) {
      const carried = mergeChanges(m.unresolved.changed, []);
      self.report.changed = mergeChanges(changed, carried);
      if (self.report.manifest === 'ok') self.report.manifest = m.unresolved.manifest;
    }
    // Only damaged rows the coordinator already chose to keep, and nothing else: still decided.
    if (
      damaged.length > 0 &&
      !fresh &&
      self.report.changed.length === 0 &&
      self.report.manifest === 'ok'
    )
      self.report.decision = 'kept';
    return self;
  }

  /** The damage report of this session (a frozen copy, the same object until it changes). */
  current(): DamageReport {
    if (this.snapshot) return this.snapshot;
    const r = this.report;
    this.snapshot = Object.freeze({
      damaged: Object.freeze(
        r.damaged.map((d) => Object.freeze({ store: d.store, ids: Object.freeze([...d.ids]) })),
      ),
      changed: Object.freeze(r.changed.map((c) => Object.freeze({ ...c }))),
      manifest: r.manifest,
      decision: r.decision,
    }) as DamageReport;
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Encoded "store ‖ 0" prefixes, and one scratch buffer for the hashed input. */
  private readonly prefixes = new Map<string, Uint8Array>();
  private scratch = new Uint8Array(128);

  /**
   * The term of one row, or null when it is not a sealed row: BLAKE3-keyed over
   * store ‖ 0 ‖ id ‖ 0 ‖ nonce ‖ tag, hashed in one call from a reused buffer (about 1 µs a row).
   */
  private termOf(store: string, id: string, c: unknown): Uint8Array | null {
    const bytes = asBytes(c);
    if (!bytes || bytes.length < NONCE + TAG) return null;
    let prefix = this.prefixes.get(store);
    if (!prefix) {
      prefix = utf8.encode(`${store}\u0000`);
      this.prefixes.set(store, prefix);
    }
    const idBytes = /^[\x20-\x7e]*$/.test(id) && id.length <= 64 ? null : utf8.encode(id);
    const idLen = idBytes ? idBytes.length : id.length;
    const len = prefix.length + idLen + 1 + NONCE + TAG;
    if (len > this.scratch.length) this.scratch = new Uint8Array(len);
    const buf = this.scratch;
    buf.set(prefix, 0);
    let at = prefix.length;
    if (idBytes) buf.set(idBytes, at);
    else for (let i = 0; i < idLen; i++) buf[at + i] = id.charCodeAt(i);
    at += idLen;
    buf[at++] = 0;
    buf.set(bytes.subarray(0, NONCE), at);
    buf.set(bytes.subarray(bytes.length - TAG), at + NONCE);
    const h = this.hasher;
    h.init();
    h.update(buf.subarray(0, len));
    return h.digest('binary');
  }

  /**
   * The manifest after a write: `puts` are the sealed rows written, `deletes` the ids removed.
   * `decide` settles the report: "keep" keeps the damaged rows quarantined and accepts the
   * stores as they are; "delete" is used once damaged rows are deleted. Nothing changes in memory
   * until `apply()` (call it after the transaction committed).
   */
  plan(
    changes: readonly {
      store: RecordStore;
      puts: readonly SealedRow[];
      deletes: readonly string[];
    }[],
    decide?: 'keep' | 'delete',
  ): IntegrityPlan {
    const digests = new Map<RecordStore, Uint8Array>();
    const updates: { store: RecordStore; id: string; term: Uint8Array | null }[] = [];
    const counts = new Map<RecordStore, number>();
    for (const { store, puts, deletes } of changes) {
      const state = this.stores.get(store);
      if (!state) continue;
      const d = digests.get(store) ?? new Uint8Array(state.digest);
      digests.set(store, d);
      let n = counts.get(store) ?? state.terms.size;
      // Terms this plan already replaced or removed, by id (null: removed).
      const seen = new Map<string, Uint8Array | null>();
      /** XORs the current term of `id` (as this plan leaves it so far) out of the digest. */
      const dropOld = (id: string): boolean => {
        if (!seen.has(id)) return state.terms.xorInto(d, id);
        const old = seen.get(id);
        if (old) xorInto(d, old);
        return !!old;
      };
      for (const id of deletes) {
        if (dropOld(id)) n--;
        seen.set(id, null);
        updates.push({ store, id, term: null });
      }
      for (const row of puts) {
        const t = this.termOf(store, row.id, row.c);
        if (!t) continue;
        if (!dropOld(row.id)) n++;
        xorInto(d, t);
        seen.set(row.id, t);
        updates.push({ store, id: row.id, term: t });
      }
      counts.set(store, n);
    }
    const seq = this.seq + 1;
    // Ids written or deleted leave quarantine (only looked up where something is quarantined).
    const touched = new Map<RecordStore, Set<string>>();
    for (const u of updates) {
      if (!this.quarantined.get(u.store)?.size && decide !== 'keep') continue;
      let s = touched.get(u.store);
      if (!s) touched.set(u.store, (s = new Set()));
      s.add(u.id);
    }
    const stores: ManifestRecord['stores'] = {};
    const quarantined: ManifestRecord['quarantined'] = {};
    for (const store of RECORD_STORES) {
      const state = this.stores.get(store);
      if (!state) continue;
      stores[store] = {
        n: counts.get(store) ?? state.terms.size,
        d: hex(digests.get(store) ?? state.digest),
      };
      const q = new Set(this.quarantined.get(store) ?? []);
      if (decide === 'keep') for (const id of this.damaged.get(store) ?? []) q.add(id);
      for (const id of touched.get(store) ?? []) q.delete(id);
      if (q.size) quarantined[store] = [...q];
    }
    const settled = decide !== undefined;
    const record: ManifestRecord = {
      id: MANIFEST_ID,
      kind: 'haven-manifest',
      key: b64.encode(this.key),
      seq,
      stores,
      quarantined,
      unresolved: settled
        ? { changed: [], manifest: 'ok' }
        : { changed: this.report.changed.map((c) => ({ ...c })), manifest: this.report.manifest },
    };
    return {
      record,
      apply: () => {
        this.seq = seq;
        for (const u of updates) {
          const state = this.stores.get(u.store);
          if (!state) continue;
          if (u.term) state.terms.set(u.id, u.term);
          else state.terms.delete(u.id);
          this.damaged.get(u.store)?.delete(u.id);
        }
        for (const [store, d] of digests) {
          const state = this.stores.get(store);
          if (state) state.digest = d;
        }
        for (const store of RECORD_STORES) {
          this.quarantined.set(store, new Set(quarantined[store] ?? []));
        }
        const damaged: DamageReport['damaged'] = [];
        for (const store of RECORD_STORES) {
          const ids = [...(this.damaged.get(store) ?? [])];
          if (ids.length) damaged.push({ store, ids });
        }
        const before = JSON.stringify(this.report);
        this.report = {
          damaged,
          changed: settled ? [] : this.report.changed,
          manifest: settled ? 'ok' : this.report.manifest,
          decision: settled ? 'kept' : this.report.decision,
        };
        if (!hasProblems(this.report)) this.report.decision = 'pending';
        if (settled && hasProblems(this.report)) this.report.decision = 'kept';
        if (JSON.stringify(this.report) !== before) {
          this.snapshot = null;
          this.emit();
        }
      },
    };
  }

  /** A fresh manifest for a store set rewritten from scratch (key rotation): every row's term anew. */
  rebuildPlan(rows: ReadonlyMap<RecordStore, readonly SealedRow[]>): IntegrityPlan {
    const changes = RECORD_STORES.map((store) => ({
      store,
      puts: rows.get(store) ?? [],
      deletes: [...(this.stores.get(store)?.terms.keys() ?? [])],
    }));
    return this.plan(changes, 'delete');
  }
}
