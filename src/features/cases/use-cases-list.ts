/**
 * The cases list's state: the rows built from the planning index, the filter and sort, the rows
 * shown, and the plan-check counts computed in slices. Its caches (the counts, the last rows built
 * and shown, the coordinator's filter and sort, so coming back from a case shows the same list at
 * once) live in a store created per unlocked session (`session.local`) and are dropped with it at
 * lock: no module globals, nothing registered at import time.
 */
import { useEffect, useState } from 'react';
import { memoizeLast } from '../../domain/memoize';
import { budgetChecksOf, useBudgetChecks } from '../budget';
import { PlanCountCache } from '../../domain/planning';
import type { IsoDate } from '../../domain/time';
import { today } from '../../shared/ui/today';
import {
  usePlanningIndex,
  usePlanningSession,
  type PlanningIndex,
  type PlanningSession,
} from '../../storage';
import {
  EMPTY_FILTER,
  buildCaseRows,
  buildCaseRowsInSlices,
  filterRows,
  sortRows,
  type CaseFilter,
  type CaseRow,
  type CaseSort,
  type SortKey,
} from './case-rows';
import { backgroundTurn } from '../../shared/ui/background-work';
import { computeInSlices } from './plan-counts';

const FIRST_SORT: CaseSort = { key: 'start', dir: 'desc' };

/** The per-session store of the list. */
export interface CasesListStore {
  readonly planCounts: PlanCountCache;
  /** The filter and sort last used, kept between visits. */
  kept: { filter: CaseFilter; sort: CaseSort };
  rowsOf(index: PlanningIndex, day: IsoDate): CaseRow[];
  shownRows(
    rows: readonly CaseRow[],
    filter: CaseFilter,
    key: SortKey,
    dir: CaseSort['dir'],
    version: number,
  ): CaseRow[];
  /** Builds the rows and computes their counts when the browser is idle; returns the stop function. */
  prime(session: PlanningSession): () => void;
  /** Stops background work and forgets every count (at lock). */
  dispose(): void;
}

export function createCasesListStore(): CasesListStore {
  const planCounts = new PlanCountCache();
  let stopPriming: (() => void) | null = null;
  // The rows last built, and for which index and day (what the priming built is kept here too).
  let built: { index: PlanningIndex; day: IsoDate; rows: CaseRow[] } | null = null;
  const store: CasesListStore = {
    planCounts,
    kept: { filter: EMPTY_FILTER, sort: FIRST_SORT },
    rowsOf(index, day) {
      return keptRows(index, day, () => buildCaseRows(index.bundles, index.hostsById, day));
    },
    shownRows: memoizeLast(
      (
        rows: readonly CaseRow[],
        filter: CaseFilter,
        key: SortKey,
        dir: CaseSort['dir'],
        _version: number,
      ) => sortRows(filterRows(rows, filter), { key, dir }, (id) => planCounts.get(id)),
    ),
    prime(session) {
      stopPriming?.();
      // Counts judge whole cases: they wait until every store is open after a staged unlock.
      let stopped = false;
      let stopPrime: (() => void) | null = null;
      const stop = () => {
        stopped = true;
        stopPrime?.();
      };
      void session.vault.whenLoaded().then(
        () => {
          if (!stopped) stopPrime = primeWhenFree(session);
        },
        () => undefined,
      );
      stopPriming = stop;
      return stop;
    },
    dispose() {
      stopPriming?.();
      stopPriming = null;
      built = null;
      planCounts.clear();
    },
  };
  /** The rows for this index and day: those last built, or `make()`'s, kept. */
  function keptRows(index: PlanningIndex, day: IsoDate, make: () => CaseRow[]): CaseRow[] {
    if (built?.index !== index || built.day !== day) built = { index, day, rows: make() };
    return built.rows;
  }
  function primeWhenFree(session: PlanningSession): () => void {
    let stopped = false;
    let stopCounts: (() => void) | undefined;
    void (async () => {
      if (!session.vault.isUnlocked()) return;
      const index = session.index();
      const day = today();
      // Built in slices (a single build takes 30-60 ms at 5,000 cases), then kept for the page.
      const stillWanted = () => !stopped && session.vault.isUnlocked() && session.index() === index;
      const primed = await buildCaseRowsInSlices(index.bundles, index.hostsById, day, {
        sliceSize: ROWS_PER_SLICE,
        turn: backgroundTurn,
        stillWanted,
      });
      if (!primed) return;
      // Sorting and the first counts in a task of their own.
      await backgroundTurn();
      if (!stillWanted()) return;
      keptRows(index, day, () => primed);
      stopCounts = countsFor(session, index, day);
    })();
    return () => {
      stopped = true;
      stopCounts?.();
    };
  }
  function countsFor(session: PlanningSession, index: PlanningIndex, day: IsoDate): () => void {
    const rows = store.rowsOf(index, day);
    const { filter, sort } = store.kept;
    const order = store.shownRows(rows, filter, sort.key, sort.dir, 0).map((r) => r.id);
    const budget = budgetChecksOf(session);
    return computeInSlices(
      order,
      index.bundles,
      index.hostsById,
      index.byHost,
      day,
      planCounts,
      () => undefined,
      { budgetOf: (id) => budget.inputOf(id) },
    );
  }
  return store;
}

/** Cases per slice of the list's background build (a few milliseconds each). */
const ROWS_PER_SLICE = 500;

function listStore(session: PlanningSession): CasesListStore {
  return session.local(createCasesListStore);
}

/**
 * Builds the list and starts its plan-check counts in the background once the vault is open, from
 * the same snapshots the page will read, so the first visit to Cases finds them ready. Mounted by
 * the app with the open vault.
 */
export function usePrimeCasesList(): void {
  const session = usePlanningSession();
  useEffect(() => listStore(session).prime(session), [session]);
}

export interface CasesList {
  readonly filter: CaseFilter;
  readonly setFilter: (f: CaseFilter | ((prev: CaseFilter) => CaseFilter)) => void;
  readonly sort: CaseSort;
  readonly setSort: (next: CaseSort) => void;
  /** Every case's row. */
  readonly rows: readonly CaseRow[];
  /** The rows that pass the filter, sorted. */
  readonly shown: CaseRow[];
  readonly counts: PlanCountCache;
}

/** The list's rows, filter and sort, with the plan-check counts following in the background. */
export function useCasesList(): CasesList {
  const session = usePlanningSession();
  const store = listStore(session);
  const [filter, setFilterState] = useState<CaseFilter>(store.kept.filter);
  const [sort, setSortState] = useState<CaseSort>(store.kept.sort);
  const setFilter = (f: CaseFilter | ((prev: CaseFilter) => CaseFilter)): void =>
    setFilterState((prev) => (store.kept.filter = typeof f === 'function' ? f(prev) : f));
  const setSort = (next: CaseSort): void => setSortState((store.kept.sort = next));

  const index = usePlanningIndex();
  const day = today();
  const rows = store.rowsOf(index, day);
  const [countsVersion, setCountsVersion] = useState(0);
  const shown = store.shownRows(
    rows,
    filter,
    sort.key,
    sort.dir,
    sort.key === 'findings' ? countsVersion : 0,
  );
  const { bundles, hostsById, byHost, complete } = index;
  const counts = store.planCounts;
  // The budget findings the case's Plan checks tab shows count here too (the same input).
  const budget = useBudgetChecks();
  // The revision these counts are rendered at: counts another screen adds later are reported.
  const shownRevision = counts.revision;
  // Counts for the rows in view order first, then the rest, in slices between frames; only on
  // complete lists (a store still opening after unlock would make a case look wrong).
  useEffect(() => {
    if (!complete) return undefined;
    counts.retain(new Set(bundles.keys()));
    const seen = new Set(shown.map((r) => r.id));
    const order = [...seen, ...[...bundles.keys()].filter((id) => !seen.has(id))];
    return computeInSlices(
      order,
      bundles,
      hostsById,
      byHost,
      day,
      counts,
      () => setCountsVersion((v) => v + 1),
      { budgetOf: (id) => budget.inputOf(id), shownRevision },
    );
    // Not re-run for a new revision: the run in progress reports it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, bundles, hostsById, byHost, day, counts, budget, complete]);
  return { filter, setFilter, sort, setSort, rows, shown, counts };
}
