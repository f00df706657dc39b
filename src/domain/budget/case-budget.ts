/**
 * One case's budget items from its bundle, and every case's, reused per case while the records
 * they come from are the same objects (an edit re-derives only the cases it touched). Also the
 * input of the budget plan checks.
 */
import type { ExchangeRate, PerDiemRate } from '../entities/budget';
import type { HostLocation } from '../entities/host';
import type { HostId } from '../ids';
import { sameItems } from '../memoize';
import type { CaseBundle } from '../planning/model';
import type { BudgetCheckInput } from '../plan-checks/types';
import { capUsage, type CapUsage, type FunderCap } from './caps';
import { deriveBudget } from './derive';
import { budgetItems, type BudgetItem } from './items';
import type { PerDiemConvention, PerDiemGap } from './per-diem';
import { rateBook, type RateBook } from './rates';
import type { BudgetEntry } from './totals';

export interface CaseItems {
  readonly items: BudgetItem[];
  readonly perDiemGaps: PerDiemGap[];
}

export interface BudgetSources {
  readonly hosts: ReadonlyMap<HostId, HostLocation>;
  readonly perDiemRates: readonly PerDiemRate[];
  readonly convention: PerDiemConvention;
}

export function caseItems(bundle: CaseBundle, src: BudgetSources): CaseItems {
  const d = deriveBudget({
    case: bundle.case,
    people: bundle.people,
    stays: bundle.stays,
    legs: bundle.legs,
    visas: bundle.visas,
    hosts: src.hosts,
    perDiemRates: src.perDiemRates,
    convention: src.convention,
  });
  return {
    items: budgetItems(bundle.case, d.lines, bundle.budgetLines),
    perDiemGaps: d.perDiemGaps,
  };
}

function deps(bundle: CaseBundle, src: BudgetSources): unknown[] {
  const out: unknown[] = [bundle.case, src.perDiemRates, src.convention];
  out.push(
    ...bundle.people,
    ...bundle.stays,
    ...bundle.legs,
    ...bundle.visas,
    ...bundle.budgetLines,
  );
  for (const s of bundle.stays) out.push(src.hosts.get(s.hostId));
  return out;
}

/** Items per case, recomputed only for cases whose records changed. */
export class CaseItemsCache {
  private readonly entries = new Map<string, { deps: unknown[]; value: CaseItems }>();

  get(bundle: CaseBundle, src: BudgetSources): CaseItems {
    const d = deps(bundle, src);
    const e = this.entries.get(bundle.case.id);
    if (e && sameItems(e.deps, d)) return e.value;
    const value = caseItems(bundle, src);
    this.entries.set(bundle.case.id, { deps: d, value });
    return value;
  }

  /** Every case's entry, in the bundles' order; forgets cases that are gone. */
  entriesOf(bundles: ReadonlyMap<string, CaseBundle>, src: BudgetSources): BudgetEntry[] {
    for (const id of this.entries.keys()) if (!bundles.has(id)) this.entries.delete(id);
    const out: BudgetEntry[] = [];
    for (const b of bundles.values())
      out.push({ caseId: b.case.id, codeName: b.case.codeName, items: this.get(b, src).items });
    return out;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Cases whose budget no longer counts against a funder (never went ahead, or purged). */
const NOT_FUNDED = new Set(['declined', 'cancelled', 'purged']);

/** Every cap's use across the cases that count. */
export function allCapUsage(
  bundles: ReadonlyMap<string, CaseBundle>,
  entries: readonly BudgetEntry[],
  caps: readonly FunderCap[],
  book: RateBook,
): CapUsage[] {
  const counted = entries.filter((e) => !NOT_FUNDED.has(bundles.get(e.caseId)?.case.status ?? ''));
  return capUsage(counted, caps, book);
}

/** The budget checks' input for one case. */
export function budgetCheckInput(
  items: CaseItems,
  book: RateBook,
  caps: readonly CapUsage[],
): BudgetCheckInput {
  return { items: items.items, book, caps, perDiemGaps: items.perDiemGaps };
}

export { rateBook };
export type { ExchangeRate };
