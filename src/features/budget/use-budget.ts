/**
 * The budget of the unlocked session: every case's items (derived from its plan, with overrides
 * and manual lines), the rate book, the caps' use and the settings they depend on. Items are
 * cached per case in the planning session and re-derived only for cases whose records changed.
 */
import { useEffect, useMemo, useState } from 'react';
import { memoizeLast } from '../../domain/memoize';
import {
  CaseItemsCache,
  allCapUsage,
  budgetCheckInput,
  rateBook,
  type BudgetEntry,
  type BudgetSources,
  type CapUsage,
  type CaseItems,
  type PerDiemConvention,
  type RateBook,
} from '../../domain/budget';
import type { ExchangeRate, PerDiemRate } from '../../domain/entities';
import type { BudgetCheckInput } from '../../domain/plan-checks';
import type { CaseBundle } from '../../domain/planning';
import {
  usePlanningIndex,
  usePlanningSession,
  useRecords,
  type PlanningIndex,
  type PlanningSession,
  type StoredRecord,
} from '../../storage';
import { backgroundTurn } from '../../shared/ui/background-work';
import { settingsOf, useSettings } from '../settings';

const itemsCache = (_session: PlanningSession) => {
  const cache = new CaseItemsCache();
  return Object.assign(cache, { dispose: () => cache.clear() });
};

/**
 * The session's budget as the plan checks read it: the rate book, the derivation sources and each
 * case's check input, built from the vault's snapshots (so inside React and out: the cases list
 * counts in the background with it). One object per change of the planning index, the rates or
 * the settings; the caps' use across cases is computed on first need, once per change.
 */
export interface BudgetChecks {
  readonly book: RateBook;
  readonly sources: BudgetSources;
  /** Every cap's use across the cases that count ([] without caps). */
  capsUsage(): readonly CapUsage[];
  /** One case's budget check input (its items derived once per change of its records), or null. */
  inputOf(caseId: string): BudgetCheckInput | null;
}

const checksMemo = (session: PlanningSession) =>
  memoizeLast(
    (
      index: PlanningIndex,
      exchangeRates: readonly ExchangeRate[],
      perDiemRates: readonly PerDiemRate[],
      settingsRecords: readonly StoredRecord[],
    ): BudgetChecks => {
      const cache = session.local(itemsCache);
      const settings = settingsOf(settingsRecords);
      const caps = settings.funderCaps;
      const book = rateBook(exchangeRates);
      const sources: BudgetSources = {
        hosts: index.hostsById,
        perDiemRates,
        convention: settings.perDiemConvention,
      };
      let usage: readonly CapUsage[] | null = null;
      const capsUsage = () =>
        (usage ??=
          caps.length === 0
            ? []
            : allCapUsage(index.bundles, cache.entriesOf(index.bundles, sources), caps, book));
      return {
        book,
        sources,
        capsUsage,
        inputOf(caseId) {
          const b = index.bundles.get(caseId);
          return b ? budgetCheckInput(cache.get(b, sources), book, capsUsage()) : null;
        },
      };
    },
  );

/** The session's budget checks now (outside React: reads the vault's snapshots). */
export function budgetChecksOf(session: PlanningSession): BudgetChecks {
  const v = session.vault;
  return session.local(checksMemo)(
    session.index(),
    v.snapshotOrEmpty('exchangeRates') as readonly ExchangeRate[],
    v.snapshotOrEmpty('perDiemRates') as readonly PerDiemRate[],
    v.snapshotOrEmpty('settings'),
  );
}

/** The session's budget checks, re-read when the plan, the rates or the settings change. */
export function useBudgetChecks(): BudgetChecks {
  const session = usePlanningSession();
  usePlanningIndex();
  useRecords('exchangeRates');
  useRecords('perDiemRates');
  useRecords('settings');
  return budgetChecksOf(session);
}

export interface BudgetState {
  readonly entries: readonly BudgetEntry[];
  readonly book: RateBook;
  readonly caps: readonly CapUsage[];
  readonly convention: PerDiemConvention;
  readonly defaultCurrency: string;
  readonly exchangeRates: readonly ExchangeRate[];
  readonly perDiemRates: readonly PerDiemRate[];
  readonly bundles: ReadonlyMap<string, CaseBundle>;
  /** One case's items and per diem gaps. */
  itemsOf(caseId: string): CaseItems | null;
}

export function useBudget(): BudgetState {
  const session = usePlanningSession();
  const { bundles } = usePlanningIndex();
  const exchangeRates = useRecords<ExchangeRate>('exchangeRates');
  const perDiemRates = useRecords<PerDiemRate>('perDiemRates');
  const settings = useSettings();
  const cache = session.local(itemsCache);
  const convention = settings.perDiemConvention;
  // The same book, sources and caps' use as the plan checks (the cases list and the case page).
  const checks = useBudgetChecks();
  const { book, sources } = checks;
  const entries = useMemo(() => cache.entriesOf(bundles, sources), [cache, bundles, sources]);
  const usage = useMemo(() => checks.capsUsage(), [checks]);
  return useMemo(
    () => ({
      entries,
      book,
      caps: usage,
      convention,
      defaultCurrency: settings.defaultReportingCurrency,
      exchangeRates,
      perDiemRates,
      bundles,
      itemsOf: (caseId: string) => {
        const b = bundles.get(caseId);
        return b ? cache.get(b, sources) : null;
      },
    }),
    [
      entries,
      book,
      usage,
      convention,
      settings.defaultReportingCurrency,
      exchangeRates,
      perDiemRates,
      bundles,
      cache,
      sources,
    ],
  );
}

/** How long one slice of the first derivation may hold the main thread, in ms. */
const WARM_SLICE_MS = 8;

/** Derives every case's items once per session, in slices (see useBudgetWarmed). */
class BudgetWarmer {
  done = false;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly cache: CaseItemsCache) {}

  /** Starts the derivation (once); resolves when every case given is derived, or the session dropped. */
  warm(bundles: ReadonlyMap<string, CaseBundle>, sources: BudgetSources): Promise<void> {
    this.running ??= (async () => {
      const list = [...bundles.values()];
      let i = 0;
      while (i < list.length) {
        const until = performance.now() + WARM_SLICE_MS;
        for (; i < list.length && performance.now() < until; i++) {
          const bundle = list[i];
          if (bundle) this.cache.get(bundle, sources);
        }
        await backgroundTurn();
        if (this.stopped) return;
      }
      this.done = true;
    })();
    return this.running;
  }

  dispose(): void {
    this.stopped = true;
  }
}

const warmer = (session: PlanningSession) => new BudgetWarmer(session.local(itemsCache));

/**
 * True once every case's budget items have been derived in this session. The first derivation
 * across thousands of cases takes longer than a frame (about 80 ms at 5,000 cases), so it runs in
 * slices of a few milliseconds, between which the browser paints and handles input; after that
 * the cache re-derives only the cases a write changed, and this stays true. A screen that shows
 * figures across every case (the dashboard's month) waits for it, saying it is working.
 */
export function useBudgetWarmed(): boolean {
  const session = usePlanningSession();
  const { bundles, complete } = usePlanningIndex();
  const { sources } = useBudgetChecks();
  const w = session.local(warmer);
  const [done, setDone] = useState(w.done);
  useEffect(() => {
    if (done || !complete) return undefined;
    let mounted = true;
    void w.warm(bundles, sources).then(() => {
      if (mounted) setDone(w.done);
    });
    return () => {
      mounted = false;
    };
  }, [w, done, bundles, complete, sources]);
  return done;
}

/** The budget checks' input for one case (for the case page's plan checks; the cases list counts the same). */
export function useBudgetCheckInput(caseId: string): BudgetCheckInput | null {
  const checks = useBudgetChecks();
  return useMemo(() => checks.inputOf(caseId), [checks, caseId]);
}
