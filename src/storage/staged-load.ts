/**
 * Staged decryption at unlock. The stores the first screen needs are read and opened before the
 * session starts; the rest are read in pages and opened in small chunks afterwards, yielding to
 * the event loop between chunks so input is never held for long (the target is under 50 ms at a
 * time), then the whole-store integrity check runs (integrity.ts) and the session is "loaded".
 *
 * What this guarantees (tests/unit/storage/staged-load.test.ts):
 *   - every record is readable once loaded, exactly as with a single-pass unlock;
 *   - a store still loading reads as empty, and the vault says which stores are still loading
 *     (Vault.loadingStores / onLoadingChange, useVaultLoading) so screens can say so;
 *   - writes, backups and re-keys wait until loading is complete (Vault), so nothing written
 *     during a staged unlock is lost or overwritten by the rows still being read.
 */
import type Dexie from 'dexie';
import { openMany } from './crypto/seal';
import type { TamperError } from './errors';
import { RecordCache } from './record-cache';
import type { StoredRecord } from './repository';
import type { RecordStore } from './stores';

/** How background work is sliced: rows per page and per chunk, and how to give the thread back. */
export interface Slicer {
  /** Rows read from IndexedDB per page (each page its own read-only transaction). */
  readonly pageRows: number;
  /** Rows decrypted and parsed per chunk, between two yields at most. */
  readonly chunkRows: number;
  /**
   * When set, chunks adapt to take about this long (ms): smaller while a chunk runs over it (a
   * slow machine, the first unlock of a session before the code is compiled), growing back to
   * `chunkRows` while chunks take under half of it. Unset, every chunk is `chunkRows`.
   */
  readonly sliceMs?: number;
  /** Gives the event loop a turn (input, rendering) and resolves after it. */
  yieldNow(): Promise<void>;
}

/**
 * A macrotask turn through `scheduler.postTask` where the browser has it: an ordinary task, queued
 * behind rendering and input already waiting. (`scheduler.yield` was used before: its
 * continuations run ahead of every other task, so at 5,000 cases the first screen waited for the
 * whole background load; 'background' priority made that load twice as long.) Else a
 * MessageChannel message.
 */
export function yieldToEventLoop(): Promise<void> {
  const s = (
    globalThis as {
      scheduler?: {
        postTask?: (cb: () => void, opts: { priority: 'user-visible' }) => Promise<void>;
      };
    }
  ).scheduler;
  if (typeof s?.postTask === 'function')
    return s.postTask(() => undefined, { priority: 'user-visible' });
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export const DEFAULT_SLICER: Slicer = {
  pageRows: 500,
  chunkRows: 400,
  sliceMs: 10,
  yieldNow: yieldToEventLoop,
};

/** The fewest rows a chunk adapts down to. */
const MIN_CHUNK_ROWS = 16;

/**
 * The next chunk's size, `step` being the current one, after a chunk of `rows` took `ms`: as
 * many rows as fit in `sliceMs` at that pace, at most twice `step`, within [16, chunkRows].
 * Wall time, so it also counts the crypto thread's share: it errs on the short side.
 */
export function nextChunkRows(step: number, rows: number, ms: number, slicer: Slicer): number {
  const target = slicer.sliceMs;
  if (!target) return slicer.chunkRows;
  const fits = ms > 0 ? Math.floor((rows * target) / ms) : Infinity;
  return Math.max(
    Math.min(MIN_CHUNK_ROWS, slicer.chunkRows),
    Math.min(slicer.chunkRows, step * 2, fits),
  );
}

/** One pass over every row of one store: kept raw (for integrity), opened into the cache. */
export interface StoreSink {
  rows: unknown[];
  cache: RecordCache;
  tampered: Map<string, TamperError>;
}

/** The sink of `store` in `sinks` (made empty if missing). */
export function sinkOf(sinks: Map<RecordStore, StoreSink>, store: RecordStore): StoreSink {
  let sink = sinks.get(store);
  if (!sink) {
    sink = { rows: [], cache: new RecordCache(), tampered: new Map() };
    sinks.set(store, sink);
  }
  return sink;
}

/** Reads every row of `store`, in primary-key order, `pageRows` at a time (all at once for Infinity). */
async function readPages(
  db: Dexie,
  store: RecordStore,
  pageRows: number,
  onPage: (rows: unknown[]) => Promise<void>,
): Promise<void> {
  const table = db.table(store);
  if (!Number.isFinite(pageRows)) {
    await onPage(await table.toArray());
    return;
  }
  let after: string | null = null;
  for (;;) {
    const page: unknown[] = await (
      after === null ? table.orderBy(':id') : table.where(':id').above(after)
    )
      .limit(pageRows)
      .toArray();
    if (page.length === 0) return;
    await onPage(page);
    if (page.length < pageRows) return;
    after = (page[page.length - 1] as { id: string }).id;
  }
}

/**
 * Reads and opens one store into `sink`. Without a slicer the store is read in one transaction
 * and opened in one batch (the fastest way, for what the first screen needs); with one, it is
 * read in pages and opened in chunks with a yield after each, and `alive()` is checked after
 * every wait so a lock stops the work. `rows`, when given, are the store's rows already read.
 */
export async function loadStore(
  db: Dexie,
  key: CryptoKey,
  store: RecordStore,
  sink: StoreSink,
  slicer: Slicer | null,
  alive: () => boolean = () => true,
  rows?: readonly unknown[],
): Promise<void> {
  const read = (onPage: (page: unknown[]) => Promise<void>) =>
    rows
      ? onPage(rows as unknown[])
      : readPages(db, store, slicer ? slicer.pageRows : Infinity, onPage);
  // Adapting chunks start small (the first ones run before the code is compiled) and grow.
  let step = slicer ? (slicer.sliceMs ? Math.min(64, slicer.chunkRows) : slicer.chunkRows) : 0;
  await read(async (page) => {
    if (!alive()) throw new StagedLoadStopped();
    if (slicer && !rows) {
      // The page's read handler has just parsed its rows: decrypting them waits a turn.
      await slicer.yieldNow();
      if (!alive()) throw new StagedLoadStopped();
    }
    for (let at = 0; at < page.length;) {
      const n = slicer ? step : page.length || 1;
      const chunk = page.slice(at, at + n);
      at += n;
      const started = performance.now();
      const opened = await openMany<StoredRecord>(key, chunk, store);
      if (!alive()) throw new StagedLoadStopped();
      for (const row of chunk) sink.rows.push(row);
      for (const rec of opened.records) sink.cache.set(rec.id, Object.freeze(rec));
      for (const e of opened.tampered) sink.tampered.set(e.id, e);
      if (slicer) {
        step = nextChunkRows(step, chunk.length, performance.now() - started, slicer);
        await slicer.yieldNow();
        if (!alive()) throw new StagedLoadStopped();
      }
    }
  });
}

/** Thrown inside a staged load when the session was closed meanwhile (a lock); never shown. */
export class StagedLoadStopped extends Error {
  constructor() {
    super('The vault was locked while it was loading.');
    this.name = 'StagedLoadStopped';
  }
}
