/**
 * Budget totals in one currency: per case by category (planned, actual, remaining), and across
 * cases grouped by month, funder, grant code, category or case, with filters. Every line is
 * converted on its own with the rate valid on its date (rounded once, to the target currency's
 * minor unit); lines without a rate are left out of the totals and listed as missing, so a total
 * is never silently short. Each group keeps the keys of the lines behind it.
 */
import { BUDGET_CATEGORIES, type BudgetCategory } from '../entities/budget';
import type { CurrencyCode } from '../money';
import type { IsoDate } from '../time';
import { itemTotal, type BudgetItem } from './items';
import {
  amountAt,
  type BookRate,
  type Conversion,
  type MissingRate,
  type RateBook,
  type RateUsed,
} from './rates';

export interface ConvertedItem {
  readonly item: BudgetItem;
  /** quantity × unit amount, minor units of the item's currency. */
  readonly total: number;
  readonly converted: Conversion;
}

export interface Figures {
  planned: number;
  actual: number;
  remaining: number;
}

export interface CategoryTotals extends Figures {
  readonly category: BudgetCategory;
}

export interface CaseBudget extends Figures {
  readonly currency: CurrencyCode;
  readonly items: readonly ConvertedItem[];
  readonly categories: readonly CategoryTotals[];
  readonly missing: readonly MissingRate[];
  readonly ratesUsed: readonly RateUsed[];
}

function zero(): Figures {
  return { planned: 0, actual: 0, remaining: 0 };
}

function add(f: Figures, c: ConvertedItem): void {
  if (!c.converted.ok) return;
  if (c.item.kind === 'planned') f.planned += c.converted.amount.amount;
  else f.actual += c.converted.amount.amount;
  f.remaining = f.planned - f.actual;
}

/** Collects missing rates and rates used, each once (the book shares one object per rate used). */
class Ledger {
  private readonly missingMap = new Map<string, MissingRate>();
  private readonly usedSet = new Set<RateUsed>();
  note(c: Conversion): void {
    if (!c.ok) this.missed(c.missing);
    else if (c.rate) this.usedSet.add(c.rate);
  }
  used(r: RateUsed): void {
    this.usedSet.add(r);
  }
  missed(m: MissingRate): void {
    this.missingMap.set(`${m.from}>${m.to}@${m.date}`, m);
  }
  get missing(): MissingRate[] {
    return [...this.missingMap.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }
  get ratesUsed(): RateUsed[] {
    const byKey = new Map<string, RateUsed>();
    for (const r of this.usedSet) byKey.set(`${r.from}>${r.to}@${r.asOf}`, r);
    return [...byKey.values()].sort((a, b) =>
      a.from === b.from ? (a.asOf < b.asOf ? -1 : 1) : a.from < b.from ? -1 : 1,
    );
  }
}

export function convertItem(item: BudgetItem, to: CurrencyCode, book: RateBook): ConvertedItem {
  const total = itemTotal(item);
  return { item, total, converted: book.convert(total, item.currency, to, item.date) };
}

/** One case's budget in `currency` (its reporting currency). */
export function caseBudget(
  items: readonly BudgetItem[],
  currency: CurrencyCode,
  book: RateBook,
): CaseBudget {
  const ledger = new Ledger();
  const byCat = new Map<BudgetCategory, Figures>();
  const all = zero();
  const converted = items.map((i) => convertItem(i, currency, book));
  for (const c of converted) {
    ledger.note(c.converted);
    const f = byCat.get(c.item.category) ?? zero();
    add(f, c);
    byCat.set(c.item.category, f);
    add(all, c);
  }
  const categories = BUDGET_CATEGORIES.filter((c) => byCat.has(c)).map((category) => ({
    category,
    ...(byCat.get(category) as Figures),
  }));
  return {
    currency,
    items: converted,
    categories,
    ...all,
    missing: ledger.missing,
    ratesUsed: ledger.ratesUsed,
  };
}

export const GROUP_BYS = ['month', 'funder', 'grantCode', 'category', 'case'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** One case's items with what the across-cases view needs of the case. */
export interface BudgetEntry {
  readonly caseId: string;
  readonly codeName: string;
  readonly items: readonly BudgetItem[];
}

export interface BudgetFilters {
  readonly funder?: string | null;
  readonly grantCode?: string | null;
  readonly category?: BudgetCategory | null;
  /** First month included, `YYYY-MM`. */
  readonly fromMonth?: string | null;
  /** Last month included, `YYYY-MM`. */
  readonly toMonth?: string | null;
  readonly caseId?: string | null;
}

/** The line behind a figure (a `BudgetItem` is one). */
export interface LineRef {
  readonly caseId: string;
  readonly key: string;
}

export interface BudgetGroup extends Figures {
  /** The month, funder, grant code, category or case id ('' for lines without a funder or grant). */
  readonly key: string;
  readonly label: string;
  readonly refs: LineRef[];
}

export interface BudgetAcross extends Figures {
  readonly currency: CurrencyCode;
  readonly groups: readonly BudgetGroup[];
  readonly missing: readonly MissingRate[];
  readonly ratesUsed: readonly RateUsed[];
  readonly lineCount: number;
}

/** The group of one line, found through a map per grouping: `keyOf` runs once per distinct value. */
class Groups {
  private readonly byKey = new Map<string, BudgetGroup>();
  /** Lines' dates (or case ids) to their group, so a month is cut from a date once. */
  private readonly bySource = new Map<string, BudgetGroup>();
  get(source: string, e: BudgetEntry, i: BudgetItem, by: GroupBy): BudgetGroup {
    const hit = this.bySource.get(source);
    if (hit) return hit;
    const [key, label] = groupKey(e, i, by);
    let g = this.byKey.get(key);
    if (!g) this.byKey.set(key, (g = { key, label, ...zero(), refs: [] }));
    this.bySource.set(source, g);
    return g;
  }
  values(): BudgetGroup[] {
    return [...this.byKey.values()];
  }
}

function sourceOf(e: BudgetEntry, i: BudgetItem, by: GroupBy): string {
  switch (by) {
    case 'month':
      return i.date;
    case 'funder':
      return i.funder;
    case 'grantCode':
      return i.grantCode;
    case 'category':
      return i.category;
    case 'case':
      return e.caseId;
  }
}

function groupKey(e: BudgetEntry, i: BudgetItem, by: GroupBy): [string, string] {
  switch (by) {
    case 'month':
      return [i.date.slice(0, 7), i.date.slice(0, 7)];
    case 'funder':
      return [i.funder, i.funder];
    case 'grantCode':
      return [i.grantCode, i.grantCode];
    case 'category':
      return [i.category, i.category];
    case 'case':
      return [e.caseId, e.codeName];
  }
}

/**
 * Every case's lines in `currency`, filtered and grouped; groups sorted by key. One pass over the
 * lines: each is converted with one rate look-up, and its group comes from a map.
 */
export function budgetAcross(
  entries: readonly BudgetEntry[],
  currency: CurrencyCode,
  book: RateBook,
  groupBy: GroupBy,
  filters: BudgetFilters = {},
): BudgetAcross {
  const ledger = new Ledger();
  const groups = new Groups();
  let planned = 0;
  let actual = 0;
  let lineCount = 0;
  const { funder, grantCode, category, caseId } = filters;
  // Months compare as the first seven characters of a date: 'YYYY-MM' ≤ date < next month.
  const fromDate = filters.fromMonth ? `${filters.fromMonth}-00` : null;
  const toDate = filters.toMonth ? `${filters.toMonth}-99` : null;
  for (const e of entries) {
    if (caseId && e.caseId !== caseId) continue;
    for (const i of e.items) {
      if (funder != null && i.funder !== funder) continue;
      if (grantCode != null && i.grantCode !== grantCode) continue;
      if (category && i.category !== category) continue;
      if (fromDate && i.date < fromDate) continue;
      if (toDate && i.date > toDate) continue;
      lineCount++;
      const g = groups.get(sourceOf(e, i, groupBy), e, i, groupBy);
      // The item is its own reference (it carries its case id and key): no object per line.
      g.refs.push(i);
      const total = itemTotal(i);
      let amount: number | null = total;
      if (i.currency !== currency) {
        const r = book.lookup(i.currency, currency, i.date);
        amount = r ? amountAt(r, total, i.currency, currency) : null;
        if (amount === null) {
          ledger.missed({ from: i.currency, to: currency, date: i.date });
          continue;
        }
        ledger.used((r as BookRate).used);
      }
      if (i.kind === 'planned') {
        g.planned += amount;
        planned += amount;
      } else {
        g.actual += amount;
        actual += amount;
      }
    }
  }
  const list = groups.values();
  for (const g of list) g.remaining = g.planned - g.actual;
  const sorted = list.sort((a, b) =>
    groupBy === 'category'
      ? BUDGET_CATEGORIES.indexOf(a.key as BudgetCategory) -
        BUDGET_CATEGORIES.indexOf(b.key as BudgetCategory)
      : a.label.localeCompare(b.label),
  );
  return {
    currency,
    groups: sorted,
    planned,
    actual,
    remaining: planned - actual,
    missing: ledger.missing,
    ratesUsed: ledger.ratesUsed,
    lineCount,
  };
}

/**
 * Planned vs actual in one month (`YYYY-MM`) across every case, in `currency`: what the dashboard
 * shows. Lines are counted in the month of their date; lines without a rate are in `missing`.
 */
export function budgetPlannedVsActualInMonth(
  entries: readonly BudgetEntry[],
  month: string,
  currency: CurrencyCode,
  book: RateBook,
): { planned: number; actual: number; remaining: number; missing: readonly MissingRate[] } {
  const r = budgetAcross(entries, currency, book, 'month', { fromMonth: month, toMonth: month });
  return { planned: r.planned, actual: r.actual, remaining: r.remaining, missing: r.missing };
}

/** `YYYY-MM` of a date. */
export function monthOf(d: IsoDate): string {
  return d.slice(0, 7);
}
