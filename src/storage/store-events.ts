/**
 * Who is told what, and the frozen snapshot each store's listeners read: lock/unlock, the damage
 * report, and every change of a store (memory only).
 */
import type { StoredRecord } from './repository';
import { RECORD_STORES, type RecordStore } from './stores';

export class StoreEvents {
  private readonly lockListeners = new Set<() => void>();
  private readonly damageListeners = new Set<() => void>();
  private readonly prepareListeners = new Set<(stores: readonly RecordStore[]) => void>();
  private readonly storeListeners = new Map<RecordStore, Set<() => void>>();
  private readonly snapshots = new Map<RecordStore, readonly StoredRecord[]>();

  /** The store's frozen snapshot, made by `make` once per change of the store. */
  snapshot(store: RecordStore, make: () => StoredRecord[]): readonly StoredRecord[] {
    let snap = this.snapshots.get(store);
    if (!snap) {
      snap = Object.freeze(make());
      this.snapshots.set(store, snap);
    }
    return snap;
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  onDamage(listener: () => void): () => void {
    this.damageListeners.add(listener);
    return () => this.damageListeners.delete(listener);
  }

  onStore(store: RecordStore, listener: () => void): () => void {
    let set = this.storeListeners.get(store);
    if (!set) {
      set = new Set();
      this.storeListeners.set(store, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The vault locked or unlocked: every snapshot goes, and everybody is told. */
  lockChanged(): void {
    this.snapshots.clear();
    for (const l of [...this.lockListeners]) l();
    this.damageChanged();
    for (const store of RECORD_STORES) this.emit(store);
  }

  damageChanged(): void {
    for (const l of [...this.damageListeners]) l();
  }

  /**
   * Stores that changed together: each snapshot is dropped first, so a listener of one that reads
   * the others (the planning index) gets all of their new records, not a stale one, and derives once.
   */
  storesChanged(stores: readonly RecordStore[]): void {
    for (const store of stores) this.snapshots.delete(store);
    for (const store of stores) this.emit(store);
  }

  /**
   * Stores that changed together, announced later (`announce`, the end of a staged unlock): each
   * snapshot is dropped and whoever derives from them (`onPrepare`) is told now, so the work of
   * deriving and the listeners' re-rendering fall in two tasks rather than one.
   */
  storesPrepared(stores: readonly RecordStore[]): void {
    for (const store of stores) this.snapshots.delete(store);
    for (const l of [...this.prepareListeners]) l(stores);
  }

  /** Tells the listeners of stores given to `storesPrepared` (their snapshots are kept). */
  announce(stores: readonly RecordStore[]): void {
    for (const store of stores) this.emit(store);
  }

  onPrepare(listener: (stores: readonly RecordStore[]) => void): () => void {
    this.prepareListeners.add(listener);
    return () => this.prepareListeners.delete(listener);
  }

  private emit(store: RecordStore): void {
    for (const l of [...(this.storeListeners.get(store) ?? [])]) l();
  }
}
