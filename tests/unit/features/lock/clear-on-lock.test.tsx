// @vitest-environment jsdom
/**
 * After lock, nothing outside the vault still holds case data: the domain's time-resolution memos
 * (local times and zones of legs), the notifications on screen and queued, the search palette's
 * query, and the vault's own stores. Given an unlocked vault whose data has been used by those
 * parts, When it locks, Then every one of them is empty and no canary is left in the page.
 */
import { notifications, notificationsStore } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveLocal, timeCacheSizes } from '../../../../src/domain';
import '../../../../src/features/lock';
import { SearchSpotlight, searchStore } from '../../../../src/features/search/SearchSpotlight';
import { KDF_FLOOR, LockedError, newId, vault } from '../../../../src/storage';
import { aCase } from '../../builders';
import { renderUi } from '../../render';

const CANARY = 'Kingfisher7Q';
const PASSPHRASE = 'ochre lantern velvet basin quarry thimble';

describe('lock clears every module cache, notification and store', () => {
  afterAll(() => vault.lock());

  it('Given case data used by the time memos, a notification and the search box, When the vault locks, Then none of it is left', async () => {
    await vault.createVault(PASSPHRASE, { kdfParams: KDF_FLOOR });
    const caseId = newId();
    await vault.repo('cases').put(aCase(caseId, { codeName: CANARY }));

    // The leg's local time and zone, resolved the way plan checks and the timeline resolve them.
    expect(resolveLocal({ local: '2026-03-29T02:30', zone: 'Pacific/Chatham' }).ok).toBeDefined();
    expect(timeCacheSizes().resolved).toBeGreaterThan(0);
    expect(timeCacheSizes().zones).toBeGreaterThan(0);

    renderUi(<SearchSpotlight />);
    act(() => {
      searchStore.setState({ ...searchStore.getState(), opened: true });
    });
    const box = await screen.findByRole('textbox', { name: 'Search and commands' });
    fireEvent.change(box, { target: { value: CANARY } });
    expect(searchStore.getState().query).toBe(CANARY);

    act(() => {
      notifications.show({ message: `Case ${CANARY} saved`, autoClose: false });
      for (let i = 0; i < 8; i++)
        notifications.show({ message: `${CANARY} ${i}`, autoClose: false });
    });
    await waitFor(() => expect(document.body.textContent).toContain(`Case ${CANARY} saved`));
    expect(notificationsStore.getState().queue.length).toBeGreaterThan(0);

    act(() => vault.lock());

    expect(timeCacheSizes()).toStrictEqual({ resolved: 0, zones: 0 });
    expect(searchStore.getState().query).toBe('');
    expect(searchStore.getState().opened).toBe(false);
    expect(notificationsStore.getState().notifications).toStrictEqual([]);
    expect(notificationsStore.getState().queue).toStrictEqual([]);
    expect(() => vault.list('cases')).toThrow(LockedError);
    await waitFor(() => expect(document.body.textContent ?? '').not.toContain(CANARY));
  });
});
