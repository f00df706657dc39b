/**
 * What lock clears outside the vault itself. The vault drops its keys, caches and snapshots; the
 * module-level memos and stores of the app that can hold case data are emptied here, or by their
 * owner's own lock listener:
 *
 *  - the time-resolution memos of the domain (local times and zones of legs): here;
 *  - every notification on screen or queued (their texts name cases, people, amounts): here;
 *  - the search palette's query (features/search, its own listener);
 *  - the case list's memo, plan counts and filter (features/cases/CasesPage, its own listener).
 *
 * The other module-level caches of src/ hold no case data: the gazetteer, country and currency
 * lists (bundled data), the AAD writers (store names), the KDF worker's pending calls (none after
 * an unlock ends). tests/unit/features/lock/clear-on-lock.test.tsx checks all of it after a lock.
 */
import { notifications } from '@mantine/notifications';
import { clearTimeCaches } from '../../domain';
import { vault } from '../../storage';

export function clearOnLock(): void {
  clearTimeCaches();
  notifications.clean();
  notifications.cleanQueue();
}

vault.onLockChange((state) => {
  if (state === 'locked') clearOnLock();
});
