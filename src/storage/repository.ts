/**
 * Typed repositories: the only way features touch records. They read from the vault's in-memory
 * cache of decrypted records (filled at unlock, dropped at lock) and write through the vault,
 * which seals every row and one audit row before a single write transaction. Nothing here is
 * stored anywhere by itself.
 */
import type { Vault } from './vault';
import type { EntityStore } from './db';

/** Any record: a JSON object with a random 32-hex `id`. */
export interface StoredRecord {
  id: string;
  [field: string]: unknown;
}

export class Repository<T extends StoredRecord> {
  constructor(
    private readonly vault: Vault,
    readonly store: EntityStore,
  ) {}

  /** Every record of the store (frozen array, same instance until the store changes). Throws LockedError when locked. */
  list(): readonly T[] {
    return this.vault.list(this.store) as readonly T[];
  }

  /** One record or undefined. Throws TamperError if its row failed the integrity check, LockedError when locked. */
  get(id: string): T | undefined {
    return this.vault.get(this.store, id) as T | undefined;
  }

  /** Validates (the store's schema, see `vault.repo`), seals, writes with an audit event, updates the cache. Returns the stored copy. */
  async put(value: T): Promise<T> {
    await this.vault.transaction([{ op: 'put', store: this.store, value }]);
    return this.vault.get(this.store, value.id) as T;
  }

  /** Writes many records in one transaction, with one audit row. */
  async bulkPut(values: readonly T[]): Promise<void> {
    await this.vault.transaction(
      values.map((value) => ({ op: 'put' as const, store: this.store, value })),
    );
  }

  /** Deletes a record (audited). */
  async delete(id: string): Promise<void> {
    await this.vault.transaction([{ op: 'delete', store: this.store, id }]);
  }

  /** Notified after every change of this store and on lock/unlock; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    return this.vault.subscribe(this.store, listener);
  }
}
