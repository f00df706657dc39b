/**
 * The vault's side of a staged unlock (staged-load.ts): starts the background part of a session's
 * load, tells listeners which stores are still loading, refreshes each store's snapshot as it
 * arrives and the damage report once the integrity check is in, and lets writes wait for it.
 */
import type { Session } from './session';
import type { RecordStore } from './stores';

export interface LoadingHost {
  current(): Session | null;
  /** These stores' records changed in memory; their listeners are told later, by `announce`. */
  prepare(stores: readonly RecordStore[]): void;
  /** Tells the listeners of stores `prepare` was given. */
  announce(stores: readonly RecordStore[]): void;
  damageChanged(): void;
}

export class SessionLoading {
  private readonly listeners = new Set<() => void>();
  private pending: readonly RecordStore[] = Object.freeze([]);
  constructor(private readonly host: LoadingHost) {}

  /** Watches `s`'s integrity and, for a staged session, opens the rest of its stores. */
  start(s: Session): void {
    const live = () => this.host.current() === s;
    const watch = () =>
      s.integrity.subscribe(() => {
        if (live()) this.host.damageChanged();
      });
    watch();
    s.continueLoading({
      storesReadable: (stores) => {
        if (live()) this.host.prepare(stores);
      },
      storesLoaded: (stores) => {
        if (!live()) return;
        // The pending list first: a listener of the stores reads them as no longer loading.
        this.emit();
        this.host.announce(stores);
      },
      integrityLoaded: () => {
        if (!live()) return;
        watch();
        this.host.damageChanged();
      },
    });
    s.loaded.then(
      () => {
        performance.mark('haven:loaded');
        if (live()) this.emit();
      },
      () => undefined,
    );
  }

  /** Stores of the open session still being opened (empty when locked or fully loaded). */
  pendingStores(): readonly RecordStore[] {
    return this.pending;
  }

  /** Subscribes to changes of pendingStores(); returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lock and unlock change what is pending too. The list is one frozen array per change. */
  emit(): void {
    const now = this.host.current()?.pendingStores() ?? [];
    if (now.length === this.pending.length && now.every((st, i) => this.pending[i] === st)) return;
    this.pending = Object.freeze([...now]);
    for (const l of [...this.listeners]) l();
  }

  /** Resolves with `s` once every store of it is open and checked; rejects if it was locked. */
  async ready(s: Session): Promise<Session> {
    await s.loaded;
    return s;
  }
}
