/**
 * React hooks over the vault (the only React file of the storage layer). They read the vault's
 * in-memory decrypted cache through useSyncExternalStore; nothing is stored here. While locked
 * they return an empty list, so no decrypted data survives a lock in a component.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { RecordStore } from './db';
import type { StoredRecord } from './repository';
import { vault as defaultVault } from './instance';
import type { Vault, VaultState } from './vault';
import type { DamageReport } from './integrity';

/** "locked" or "unlocked", re-rendering on every change. */
export function useVaultState(vault: Vault = defaultVault): VaultState {
  const subscribe = useCallback((cb: () => void) => vault.onLockChange(cb), [vault]);
  return useSyncExternalStore(subscribe, () => vault.state);
}

/** Every decrypted record of a store (a stable frozen array; empty while locked). */
export function useRecords<T extends StoredRecord = StoredRecord>(
  store: RecordStore,
  vault: Vault = defaultVault,
): readonly T[] {
  const subscribe = useCallback((cb: () => void) => vault.subscribe(store, cb), [vault, store]);
  return useSyncExternalStore(subscribe, () => vault.snapshotOrEmpty(store) as readonly T[]);
}

/** One record by id (undefined while locked or absent). */
export function useRecord<T extends StoredRecord = StoredRecord>(
  store: RecordStore,
  id: string | undefined,
  vault: Vault = defaultVault,
): T | undefined {
  const subscribe = useCallback((cb: () => void) => vault.subscribe(store, cb), [vault, store]);
  return useSyncExternalStore(subscribe, () => {
    if (!id || !vault.isUnlocked()) return undefined;
    try {
      return vault.get(store, id) as T | undefined;
    } catch {
      return undefined;
    }
  });
}

/** What failed its integrity check or changed outside Haven (empty while locked). */
export function useDamageReport(vault: Vault = defaultVault): DamageReport {
  const subscribe = useCallback((cb: () => void) => vault.onDamageChange(cb), [vault]);
  return useSyncExternalStore(subscribe, () => vault.damageReport());
}

/**
 * Stores still being decrypted after a staged unlock (empty once everything is readable):
 * a screen that reads one of them can say its list is not complete yet.
 */
export function useVaultLoading(vault: Vault = defaultVault): readonly RecordStore[] {
  const subscribe = useCallback((cb: () => void) => vault.onLoadingChange(cb), [vault]);
  return useSyncExternalStore(subscribe, () => vault.loadingStores());
}
