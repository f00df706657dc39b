/**
 * Funder caps: per funder and grant code (empty grant code: every grant of the funder), a cap per
 * case and/or a total across the funder's cases, in one currency. Planned lines count; each is
 * converted to the cap's currency with the rate of its date. A case over its cap, or the
 * funder's cases together over the total, is a plan-check finding on each case concerned.
 */
import type { CurrencyCode, MinorUnits } from '../money';
import type { BudgetItem } from './items';
import { itemTotal } from './items';
import type { MissingRate, RateBook } from './rates';
import type { BudgetEntry } from './totals';

export interface FunderCap {
  readonly id: string;
  readonly funder: string;
  /** '' for every grant of the funder. */
  readonly grantCode: string;
  readonly currency: CurrencyCode;
  readonly perCase: MinorUnits | null;
  readonly total: MinorUnits | null;
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

export function capMatches(
  cap: FunderCap,
  item: Pick<BudgetItem, 'funder' | 'grantCode'>,
): boolean {
  if (norm(cap.funder) === '' || norm(item.funder) !== norm(cap.funder)) return false;
  return cap.grantCode.trim() === '' || norm(item.grantCode) === norm(cap.grantCode);
}

export interface CapUsage {
  readonly cap: FunderCap;
  /** Planned minor units of the cap's currency, per case. */
  readonly byCase: ReadonlyMap<string, number>;
  readonly total: number;
  readonly missing: readonly MissingRate[];
}

/** How much of each cap the cases' planned lines use. */
export function capUsage(
  entries: readonly BudgetEntry[],
  caps: readonly FunderCap[],
  book: RateBook,
): CapUsage[] {
  return caps.map((cap) => {
    const byCase = new Map<string, number>();
    const missing: MissingRate[] = [];
    let total = 0;
    for (const e of entries)
      for (const i of e.items) {
        if (i.kind !== 'planned' || !capMatches(cap, i)) continue;
        const c = book.convert(itemTotal(i), i.currency, cap.currency, i.date);
        if (!c.ok) {
          missing.push(c.missing);
          continue;
        }
        byCase.set(e.caseId, (byCase.get(e.caseId) ?? 0) + c.amount.amount);
        total += c.amount.amount;
      }
    return { cap, byCase, total, missing };
  });
}

export type CapBreach =
  | {
      readonly kind: 'per_case';
      readonly cap: FunderCap;
      readonly amount: number;
      readonly limit: number;
    }
  | {
      readonly kind: 'total';
      readonly cap: FunderCap;
      readonly amount: number;
      readonly limit: number;
      readonly cases: number;
    };

/** The caps one case breaks: its own planned total over the per-case cap, or the funder's total over its cap. */
export function capBreaches(caseId: string, usage: readonly CapUsage[]): CapBreach[] {
  const out: CapBreach[] = [];
  for (const u of usage) {
    const mine = u.byCase.get(caseId);
    if (mine === undefined) continue;
    if (u.cap.perCase !== null && mine > u.cap.perCase)
      out.push({ kind: 'per_case', cap: u.cap, amount: mine, limit: u.cap.perCase });
    if (u.cap.total !== null && u.total > u.cap.total)
      out.push({
        kind: 'total',
        cap: u.cap,
        amount: u.total,
        limit: u.cap.total,
        cases: u.byCase.size,
      });
  }
  return out;
}

/**
 * What `capBreaches(caseId, usage)` finds, as text (each breach's kind, cap, amount and limit): two
 * usages give the case the same cap findings exactly when their keys are equal, so a cached count
 * stays fresh while the other cases' edits leave this case's breaches as they were.
 */
export function capBreachKey(caseId: string, usage: readonly CapUsage[]): string {
  return capBreaches(caseId, usage)
    .map(
      (b) =>
        `${b.kind}:${b.cap.id}:${b.cap.funder}:${b.cap.grantCode}:${b.cap.currency}:${b.amount}:${b.limit}:${b.kind === 'total' ? b.cases : ''}`,
    )
    .join('|');
}
