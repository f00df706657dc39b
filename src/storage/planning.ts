/**
 * The planning index of the unlocked session: every planning record grouped per case, typed, the
 * hosts by id and the stays per host, built from the vault's in-memory snapshots the first time a
 * screen reads it and rebuilt, per store, only when a store's snapshot changes (the vault keeps a
 * snapshot's array until that store is written). Nothing is stored here beyond those references.
 *
 * The index lives in a `PlanningSession`, a store created per unlocked session: the app mounts one
 * `PlanningSessionProvider` while the vault is open, and the session drops everything it holds on
 * lock and when it unmounts. Features keep their own per-session caches in it (`session.local`),
 * never in module globals. Subscriptions return their unsubscribe function.
 */
import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { HostLocation, Stay } from '../domain/entities';
import type { HostId } from '../domain/ids';
import { memoizeLast } from '../domain/memoize';
import {
  CASE_OWNED_STORES,
  PLANNING_STORES,
  assembleBundles,
  groupStore,
  hostMap,
  staysByHost,
  type CaseBundle,
  type PlanningData,
  type StoreGroups,
} from '../domain/planning';
import { vault as defaultVault } from './instance';
import type { Vault } from './vault';

export interface PlanningIndex {
  /** Every planning record, one frozen list per store (empty while locked). */
  readonly data: PlanningData;
  /** Each case with the records it owns, by case id (records in store order). */
  readonly bundles: ReadonlyMap<string, CaseBundle>;
  readonly hostsById: ReadonlyMap<HostId, HostLocation>;
  /** Stays per host id, across cases (capacity, overbooking). */
  readonly byHost: ReadonlyMap<string, readonly Stay[]>;
  /**
   * False while a planning store is still being opened after a staged unlock: the lists are then
   * incomplete, so whatever judges a whole case (plan checks, budgets) waits for true.
   */
  readonly complete: boolean;
}

/** A per-session value of a feature: created on first use, `dispose`d when the session drops. */
export type SessionLocal<T> = (session: PlanningSession) => T;

export interface PlanningSession {
  readonly vault: Vault;
  /** The current index (the same object while no planning store changed). */
  index(): PlanningIndex;
  /** Calls `listener` when a planning store changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The session's value of `create` (one per session and factory). */
  local<T>(create: SessionLocal<T>): T;
  /** Drops the index and every local value (calling their `dispose`); the session can be read again. */
  dispose(): void;
}

type Memos = ReturnType<typeof newMemos>;

function newMemos() {
  // Each case-owned store is grouped by case on its own, again only when its snapshot changes, and
  // the bundles are put together from those groupings: when the rest of a staged unlock arrives,
  // or a record is written, only the stores that changed are grouped again, and every case whose
  // lists did not change keeps its bundle object. Each step is handed its own last result.
  const groupers = CASE_OWNED_STORES.map((store) => {
    let last: Map<string, { caseId: string }[]> | undefined;
    const group = memoizeLast(
      (list: readonly { caseId: string }[]) => (last = groupStore(list, last)),
    );
    return { store, group };
  });
  let lastBundles: ReadonlyMap<string, CaseBundle> | undefined;
  const bundlesOf = memoizeLast(
    (cases: PlanningData['cases'], ...groups: ReadonlyMap<string, unknown[]>[]) => {
      const byStore = Object.fromEntries(
        CASE_OWNED_STORES.map((store, i) => [store, groups[i]]),
      ) as unknown as StoreGroups;
      return (lastBundles = assembleBundles(cases, byStore, lastBundles));
    },
  );
  const groups = memoizeLast((...lists: PlanningData[keyof PlanningData][]) => {
    const data = Object.fromEntries(
      PLANNING_STORES.map((store, i) => [store, lists[i]]),
    ) as unknown as PlanningData;
    const bundles = bundlesOf(
      data.cases,
      ...groupers.map(({ store, group }) => group(data[store] as readonly { caseId: string }[])),
    );
    return { data, bundles };
  });
  const hosts = memoizeLast(hostMap);
  const stays = memoizeLast(staysByHost);
  const index = memoizeLast(
    (
      grouped: ReturnType<typeof groups>,
      hostsById: ReadonlyMap<HostId, HostLocation>,
      byHost: ReadonlyMap<string, readonly Stay[]>,
      complete: boolean,
    ): PlanningIndex => ({
      data: grouped.data,
      bundles: grouped.bundles,
      hostsById,
      byHost,
      complete,
    }),
  );
  return { groups, hosts, stays, index };
}

export function createPlanningSession(vault: Vault): PlanningSession {
  let memos: Memos = newMemos();
  let locals = new Map<SessionLocal<unknown>, unknown>();
  const session: PlanningSession = {
    vault,
    index() {
      const lists = PLANNING_STORES.map((store) => vault.snapshotOrEmpty(store)) as never[];
      const grouped = memos.groups(...lists);
      const loading = vault.loadingStores();
      const complete = !PLANNING_STORES.some((store) => loading.includes(store));
      return memos.index(
        grouped,
        memos.hosts(grouped.data.hosts),
        memos.stays(grouped.data.stays),
        complete,
      );
    },
    subscribe(listener) {
      const offs = PLANNING_STORES.map((store) => vault.subscribe(store, listener));
      return () => {
        for (const off of offs) off();
      };
    },
    local<T>(create: SessionLocal<T>): T {
      if (!locals.has(create)) locals.set(create, create(session));
      return locals.get(create) as T;
    },
    dispose() {
      const dropped = locals;
      locals = new Map();
      memos = newMemos();
      for (const value of dropped.values()) (value as { dispose?: () => void } | null)?.dispose?.();
    },
  };
  return session;
}

const PlanningContext = createContext<PlanningSession | null>(null);

/** A session owned by the calling component: dropped on lock and on unmount. */
function useOwnedSession(vault: Vault, wanted: boolean): PlanningSession | null {
  const [session] = useState(() => (wanted ? createPlanningSession(vault) : null));
  useEffect(() => {
    if (!session) return undefined;
    const off = vault.onLockChange((state) => {
      if (state === 'locked') session.dispose();
    });
    // The rest of a staged unlock: the index is built as the stores become readable, a task
    // before the screens are told of them and re-render.
    const offReadable = vault.onStoresReadable((stores) => {
      if (stores.some((st) => (PLANNING_STORES as readonly string[]).includes(st))) session.index();
    });
    return () => {
      off();
      offReadable();
      session.dispose();
    };
  }, [vault, session]);
  return session;
}

/** Holds the planning session of the open vault for everything below it. */
export function PlanningSessionProvider({
  children,
  vault = defaultVault,
}: {
  children: ReactNode;
  vault?: Vault;
}) {
  const session = useOwnedSession(vault, true);
  return createElement(PlanningContext.Provider, { value: session }, children);
}

/** The session of the surrounding provider (or, outside one, a session of this component's own). */
export function usePlanningSession(vault: Vault = defaultVault): PlanningSession {
  const shared = useContext(PlanningContext);
  const own = useOwnedSession(vault, shared === null);
  return (shared ?? own) as PlanningSession;
}

/** The grouped, typed planning index, re-rendering when a planning store changes. */
export function usePlanningIndex(vault: Vault = defaultVault): PlanningIndex {
  const session = usePlanningSession(vault);
  return useSyncExternalStore(session.subscribe, session.index);
}
