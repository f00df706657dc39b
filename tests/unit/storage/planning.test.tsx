// @vitest-environment jsdom
/**
 * The planning index of the unlocked session: built once from the vault's snapshots, the same
 * object while nothing changed, rebuilt on a write, empty and dropped at lock; features' caches
 * live in the session and are disposed with it.
 */
import 'fake-indexeddb/auto';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  PlanningSessionProvider,
  createPlanningSession,
  newId,
  usePlanningIndex,
} from '../../../src/storage';
import { newVault } from './helpers';

describe('planning index', () => {
  it('Given an unlocked vault, When a case and a person are written, Then the index groups them once and rebuilds only on a write', async () => {
    const { vault } = await newVault('planning');
    const session = createPlanningSession(vault);
    const caseId = newId();
    const personId = newId();
    await vault.repo('cases').put({ id: caseId, codeName: 'Heron' });
    const first = session.index();
    expect(session.index()).toBe(first);
    expect(first.bundles.get(caseId)?.people).toEqual([]);

    let calls = 0;
    const unsubscribe = session.subscribe(() => calls++);
    await vault.repo('people').put({ id: personId, caseId, codeName: 'Cedar' });
    expect(calls).toBeGreaterThan(0);
    const second = session.index();
    expect(second).not.toBe(first);
    expect(second.bundles.get(caseId)?.people.map((p) => p.id)).toEqual([personId]);
    // Only the stores that changed are regrouped: the host map is the same object.
    expect(second.hostsById).toBe(first.hostsById);

    unsubscribe();
    const seen = calls;
    await vault.repo('people').put({ id: newId(), caseId, codeName: 'Acorn' });
    expect(calls).toBe(seen);
    vault.lock();
    expect(session.index().bundles.size).toBe(0);
  });

  it('Given a feature cache in the session, When the session is disposed, Then the cache is disposed and a new one is made on next use', async () => {
    const { vault } = await newVault('planning-local');
    const session = createPlanningSession(vault);
    let disposed = 0;
    const create = () => ({ dispose: () => disposed++ });
    const a = session.local(create);
    expect(session.local(create)).toBe(a);
    session.dispose();
    expect(disposed).toBe(1);
    expect(session.local(create)).not.toBe(a);
    vault.lock();
  });

  it('Given the provider, When the vault locks, Then the index screens read is empty and its feature caches are dropped', async () => {
    const { vault } = await newVault('planning-hook');
    const caseId = newId();
    await vault.repo('cases').put({ id: caseId, codeName: 'Heron' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <PlanningSessionProvider vault={vault}>{children}</PlanningSessionProvider>
    );
    const { result } = renderHook(() => usePlanningIndex(vault), { wrapper });
    expect([...result.current.bundles.keys()]).toEqual([caseId]);
    act(() => vault.lock());
    expect(result.current.bundles.size).toBe(0);
    expect(result.current.data.cases).toEqual([]);
  });
});
