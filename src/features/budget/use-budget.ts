/**
 * The budget of the unlocked session: every case's items (derived from its plan, with overrides
 * and manual lines), the rate book, the caps' use and the settings they depend on. Items are
 * cached per case in the planning session and re-derived only for cases whose records changed.
 */
import { useMemo } from 'react';
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
  type PlanningSession,
} from '../../storage';
import { useSettings } from '../settings';

const itemsCache = (_session: PlanningSession) => {
  const cache = new CaseItemsCache();
  return Object.assign(cache, { dispose: () => cache.clear() });
};

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
  const { bundles, hostsById } = usePlanningIndex();
  const exchangeRates = useRecords<ExchangeRate>('exchangeRates');
  const perDiemRates = useRecords<PerDiemRate>('perDiemRates');
  const settings = useSettings();
  const cache = session.local(itemsCache);
  const convention = settings.perDiemConvention;
  const caps = settings.funderCaps;
  const sources = useMemo<BudgetSources>(
    () => ({ hosts: hostsById, perDiemRates, convention }),
    [hostsById, perDiemRates, convention],
  );
  const book = useMemo(() => rateBook(exchangeRates), [exchangeRates]);
  const entries = useMemo(() => cache.entriesOf(bundles, sources), [cache, bundles, sources]);
  const usage = useMemo(
    () => allCapUsage(bundles, entries, caps, book),
    [bundles, entries, caps, book],
  );
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

/** The budget checks' input for one case (for the case page's plan checks). */
export function useBudgetCheckInput(caseId: string): BudgetCheckInput | null {
  const b = useBudget();
  return useMemo(() => {
    const items = b.itemsOf(caseId);
    return items ? budgetCheckInput(items, b.book, b.caps) : null;
  }, [b, caseId]);
}
