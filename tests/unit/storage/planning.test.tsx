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
  Vault,
  createPlanningSession,
  newId,
  usePlanningIndex,
  usePlanningSession,
  type PlanningIndex,
} from '../../../src/storage';
import { PASSPHRASE, newVault } from './helpers';

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

  it('Given two cases, When a leg of one is written, Then only that case gets a new bundle: the other keeps its bundle object and lists, in store order', async () => {
    const { vault } = await newVault('planning-reuse');
    const session = createPlanningSession(vault);
    const [heron, finch] = [newId(), newId()];
    await vault.repo('cases').put({ id: heron, codeName: 'Heron' });
    await vault.repo('cases').put({ id: finch, codeName: 'Finch' });
    for (const [caseId, codeName] of [
      [heron, 'Cedar'],
      [finch, 'Birch'],
      [heron, 'Alder'],
    ] as const)
      await vault.repo('people').put({ id: newId(), caseId, codeName });
    const before = session.index();
    const heronBefore = before.bundles.get(heron);
    const finchBefore = before.bundles.get(finch);
    expect(heronBefore?.people.map((p) => p.codeName)).toEqual(['Cedar', 'Alder']);

    const leg = {
      id: newId(),
      caseId: heron,
      mode: 'bus',
      from: { place: 'Kyiv', zone: 'Europe/Kyiv' },
      to: { place: 'Chisinau', zone: 'Europe/Chisinau' },
      departLocal: '2026-12-10T08:00',
      arriveLocal: '2026-12-10T16:00',
    };
    await vault.repo('legs').put(leg);
    const after = session.index();
    expect(after).not.toBe(before);
    expect(after.bundles.get(finch)).toBe(finchBefore);
    const heronAfter = after.bundles.get(heron);
    expect(heronAfter).not.toBe(heronBefore);
    expect(heronAfter?.legs.map((l) => l.id)).toEqual([leg.id]);
    // Its unchanged lists are the same arrays as before.
    expect(heronAfter?.people).toBe(heronBefore?.people);

    // A case's record changed: a new bundle for it, with the same lists.
    const finchRecord = vault.list('cases').find((c) => c.id === finch);
    expect(finchRecord).toBeDefined();
    await vault.repo('cases').put({ ...finchRecord!, codeName: 'Wren' });
    const renamed = session.index().bundles.get(finch);
    expect(renamed).not.toBe(finchBefore);
    expect(renamed?.case.codeName).toBe('Wren');
    expect(renamed?.people).toBe(finchBefore?.people);
    vault.lock();
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

  it('Given the provider and a staged unlock, When the rest of the stores become readable, Then the session builds its index then, before the screens are told', async () => {
    const made = await newVault('planning-staged');
    const caseId = newId();
    await made.vault.repo('cases').put({ id: caseId, codeName: 'Heron' });
    await made.vault.repo('people').put({ id: newId(), caseId, codeName: 'Cedar' });
    made.vault.lock();
    const vault = new Vault({
      dbName: made.dbName,
      firstStores: ['cases'],
      slicer: { pageRows: 10, chunkRows: 5, yieldNow: () => new Promise((r) => setTimeout(r, 0)) },
    });
    await vault.unlock(PASSPHRASE);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <PlanningSessionProvider vault={vault}>{children}</PlanningSessionProvider>
    );
    const { result } = renderHook(
      () => ({ session: usePlanningSession(vault), index: usePlanningIndex(vault) }),
      { wrapper },
    );
    expect(result.current.index.bundles.get(caseId)?.people).toEqual([]);
    const session = result.current.session;
    const original = session.index.bind(session);
    let last: PlanningIndex | null = null;
    session.index = () => (last = original());
    // This listener runs after the provider's own (registered when it mounted): the index for the
    // records now readable is then the one the provider asked for, not built anew here.
    let builtByProvider: boolean | null = null;
    let toldBeforeReadable = false;
    const offTold = vault.subscribe(
      'people',
      () => (toldBeforeReadable = builtByProvider === null),
    );
    const off = vault.onStoresReadable((stores) => {
      if (!stores.includes('people')) return;
      const now = original();
      builtByProvider = now === last && now.data.people.length === 1;
    });
    await act(() => vault.whenLoaded());
    off();
    offTold();
    expect(builtByProvider).toBe(true);
    expect(toldBeforeReadable).toBe(false);
    expect(result.current.index.bundles.get(caseId)?.people.map((p) => p.codeName)).toEqual([
      'Cedar',
    ]);
    expect(result.current.index.complete).toBe(true);
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
