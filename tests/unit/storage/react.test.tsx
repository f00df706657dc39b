// @vitest-environment jsdom
/**
 * The React hooks over the vault: they follow lock state and store changes, and show nothing
 * decrypted while locked.
 */
import 'fake-indexeddb/auto';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newId, useRecord, useRecords, useVaultState } from '../../../src/storage';
import { PASSPHRASE, newVault } from './helpers';

describe('React hooks', () => {
  it('Given an unlocked vault, When records change and the vault locks and unlocks, Then the hooks follow, empty while locked', async () => {
    const { vault } = await newVault('react');
    const id = newId();
    const { result } = renderHook(() => ({
      state: useVaultState(vault),
      cases: useRecords('cases', vault),
      one: useRecord('cases', id, vault),
    }));
    expect(result.current.state).toBe('unlocked');
    expect(result.current.cases).toEqual([]);
    await act(async () => {
      await vault.repo('cases').put({ id, codeName: 'Heron' });
    });
    expect(result.current.cases).toEqual([{ id, codeName: 'Heron' }]);
    expect(result.current.one).toEqual({ id, codeName: 'Heron' });
    const before = result.current.cases;
    act(() => vault.lock());
    expect(result.current.state).toBe('locked');
    expect(result.current.cases).toEqual([]);
    expect(result.current.one).toBeUndefined();
    await act(async () => {
      await vault.unlock(PASSPHRASE);
    });
    expect(result.current.state).toBe('unlocked');
    expect(result.current.cases).toEqual(before);
    vault.lock();
  });
});
