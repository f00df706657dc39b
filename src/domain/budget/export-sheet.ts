/**
 * The finance budget sheet as data, before any file format: one row per line (case code name,
 * date, category, description, arithmetic, planned or actual amount in its currency, the rate
 * and its date, the amount in the reporting currency, funder, grant code, payee, notes), lines
 * grouped by case and category with a subtotal per category and a total, and the header facts
 * (reporting currency, period, per diem convention, every rate used). Only code names go in:
 * no legal name, host address or coordinate is ever part of a budget item.
 */
import { BUDGET_CATEGORIES, type BudgetCategory } from '../entities/budget';
import type { CurrencyCode } from '../money';
import { conventionText, type PerDiemConvention } from './per-diem';
import type { MissingRate, RateBook, RateUsed } from './rates';
import { convertItem, type BudgetEntry, type ConvertedItem } from './totals';
import { explainItem } from './explain';
import type { BudgetItem } from './items';

export interface SheetLine {
  readonly type: 'line';
  readonly caseCode: string;
  readonly converted: ConvertedItem;
  readonly arithmetic: string;
}
export interface SheetSubtotal {
  readonly type: 'subtotal';
  readonly caseCode: string;
  readonly category: BudgetCategory;
  readonly planned: number;
  readonly actual: number;
  /** Index range of the lines it sums in `rows` (inclusive). */
  readonly first: number;
  readonly last: number;
}
export interface SheetTotal {
  readonly type: 'total';
  readonly planned: number;
  readonly actual: number;
}
export type SheetRow = SheetLine | SheetSubtotal | SheetTotal;

export interface BudgetSheet {
  readonly title: string;
  readonly currency: CurrencyCode;
  readonly period: { from: string; to: string } | null;
  readonly convention: PerDiemConvention;
  readonly conventionText: string;
  readonly rows: readonly SheetRow[];
  readonly ratesUsed: readonly RateUsed[];
  readonly missing: readonly MissingRate[];
  readonly lineCount: number;
}

const CATEGORY_RANK = new Map<BudgetCategory, number>(BUDGET_CATEGORIES.map((c, i) => [c, i]));
/** One collator for every comparison (the same order as `localeCompare`, without its cost per call). */
const COLLATOR = new Intl.Collator();

function byCategoryDateDescription(a: BudgetItem, b: BudgetItem): number {
  return (
    (CATEGORY_RANK.get(a.category) ?? 0) - (CATEGORY_RANK.get(b.category) ?? 0) ||
    (a.date < b.date ? -1 : a.date > b.date ? 1 : COLLATOR.compare(a.description, b.description))
  );
}

/** Builds the sheet of `entries` (one case or many) in `currency`. */
export function budgetSheet(
  entries: readonly BudgetEntry[],
  currency: CurrencyCode,
  book: RateBook,
  convention: PerDiemConvention,
  title: string,
): BudgetSheet {
  const rows: SheetRow[] = [];
  const used = new Set<RateUsed>();
  const missing = new Map<string, MissingRate>();
  let from: string | null = null;
  let to: string | null = null;
  let planned = 0;
  let actual = 0;
  let lineCount = 0;
  for (const e of entries) {
    const sorted = [...e.items].sort(byCategoryDateDescription);
    let i = 0;
    while (i < sorted.length) {
      const category = (sorted[i] as (typeof sorted)[number]).category;
      const first = rows.length;
      let p = 0;
      let a = 0;
      for (; i < sorted.length && sorted[i]?.category === category; i++) {
        const item = sorted[i] as (typeof sorted)[number];
        const c = convertItem(item, currency, book);
        lineCount++;
        if (!from || item.date < from) from = item.date;
        if (!to || item.date > to) to = item.date;
        if (c.converted.ok) {
          if (c.converted.rate) used.add(c.converted.rate);
          if (item.kind === 'planned') p += c.converted.amount.amount;
          else a += c.converted.amount.amount;
        } else {
          const m = c.converted.missing;
          missing.set(`${m.from}>${m.to}@${m.date}`, m);
        }
        rows.push({
          type: 'line',
          caseCode: e.codeName,
          converted: c,
          arithmetic: explainItem(item),
        });
      }
      rows.push({
        type: 'subtotal',
        caseCode: e.codeName,
        category,
        planned: p,
        actual: a,
        first,
        last: rows.length - 1,
      });
      planned += p;
      actual += a;
    }
  }
  rows.push({ type: 'total', planned, actual });
  return {
    title,
    currency,
    period: from && to ? { from, to } : null,
    convention,
    conventionText: conventionText(convention),
    rows,
    ratesUsed: [...new Map([...used].map((r) => [`${r.from}>${r.to}@${r.asOf}`, r])).values()].sort(
      (x, y) => (x.from === y.from ? (x.asOf < y.asOf ? -1 : 1) : x.from < y.from ? -1 : 1),
    ),
    missing: [...missing.values()],
    lineCount,
  };
}

/** English names of the categories in exports. */
export const CATEGORY_NAMES: Readonly<Record<BudgetCategory, string>> = {
  travel: 'Travel',
  accommodation: 'Accommodation',
  per_diem: 'Per diem',
  visa: 'Visa fees',
  medical_insurance: 'Medical insurance',
  psychosocial: 'Psychosocial support',
  security: 'Security',
  legal: 'Legal',
  communications: 'Communications',
  contingency: 'Contingency',
  other: 'Other',
};
