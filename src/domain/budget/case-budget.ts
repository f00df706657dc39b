/**
 * One case's budget items from its bundle, and every case's, reused per case while the records
 * they come from are the same objects (an edit re-derives only the cases it touched). Also the
 * input of the budget plan checks.
 */
import type { ExchangeRate, PerDiemRate } from '../entities/budget';
import type { HostLocation } from '../entities/host';
import type { HostId } from '../ids';
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

/** `deps(bundle, src)` equals `d`, item by item, checked without building the list. */
function depsMatch(d: readonly unknown[], bundle: CaseBundle, src: BudgetSources): boolean {
  if (d[0] !== bundle.case || d[1] !== src.perDiemRates || d[2] !== src.convention) return false;
  let k = 3;
  for (const list of [
    bundle.people,
    bundle.stays,
    bundle.legs,
    bundle.visas,
    bundle.budgetLines,
  ] as const)
    for (const x of list) if (d[k++] !== x) return false;
  for (const s of bundle.stays) if (d[k++] !== src.hosts.get(s.hostId)) return false;
  return k === d.length;
}

interface CacheEntry {
  readonly deps: unknown[];
  readonly value: CaseItems;
  readonly entry: BudgetEntry;
}

/** Items per case, recomputed only for cases whose records changed. */
export class CaseItemsCache {
  private readonly entries = new Map<string, CacheEntry>();

  private lookup(bundle: CaseBundle, src: BudgetSources): CacheEntry {
    const e = this.entries.get(bundle.case.id);
    if (e && depsMatch(e.deps, bundle, src)) return e;
    const value = caseItems(bundle, src);
    const fresh = {
      deps: deps(bundle, src),
      value,
      entry: { caseId: bundle.case.id, codeName: bundle.case.codeName, items: value.items },
    };
    this.entries.set(bundle.case.id, fresh);
    return fresh;
  }

  get(bundle: CaseBundle, src: BudgetSources): CaseItems {
    return this.lookup(bundle, src).value;
  }

  /** Every case's entry, in the bundles' order (the same object while the case is unchanged); forgets cases that are gone. */
  entriesOf(bundles: ReadonlyMap<string, CaseBundle>, src: BudgetSources): BudgetEntry[] {
    for (const id of this.entries.keys()) if (!bundles.has(id)) this.entries.delete(id);
    const out: BudgetEntry[] = [];
    for (const b of bundles.values()) out.push(this.lookup(b, src).entry);
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
