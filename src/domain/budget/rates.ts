/**
 * Exchange rates as a book: the rate used for a line is the latest one for its currency pair on
 * or before the line's date (never a later one, never a guess). A rate typed for one direction is
 * not inverted. Every converted amount carries the rate and its date; a missing rate is reported
 * with its pair and date, never turned into zero.
 */
import type { ExchangeRate } from '../entities/budget';
import {
  convertMinor,
  convertMoneyWithDinero,
  parseRate,
  type CurrencyCode,
  type DecimalString,
  type MinorUnits,
  type Money,
  type ParsedRate,
} from '../money';
import type { IsoDate } from '../time';

export interface RateUsed {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly rate: DecimalString;
  readonly asOf: IsoDate;
}

export interface MissingRate {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly date: IsoDate;
}

export type Conversion =
  | { readonly ok: true; readonly amount: Money; readonly rate: RateUsed | null }
  | { readonly ok: false; readonly missing: MissingRate };

/** A rate of the book, read once: what a conversion records, and its digits for arithmetic. */
export interface BookRate {
  readonly used: RateUsed;
  readonly parsed: ParsedRate | null;
}

export interface RateBook {
  /** The latest rate of the pair on or before `date`, or null. */
  find(from: string, to: string, date: IsoDate): ExchangeRate | null;
  /** `amount` (minor units of `from`) in `to`, with the rate used, or the missing pair and date. */
  convert(amount: number, from: CurrencyCode, to: CurrencyCode, date: IsoDate): Conversion;
  /**
   * The rate `convert` would use for the pair on `date`, or null (for totals over many lines:
   * one look-up, no allocation; the `used` object is the same for every line at that rate).
   */
  lookup(from: string, to: string, date: IsoDate): BookRate | null;
}

/**
 * `amount` (minor units of `from`) at `r` in minor units of `to`, as `convert` computes it; null
 * when the rate is not decimal text or the result is too large (then `convert` reports missing).
 */
export function amountAt(r: BookRate, amount: number, from: CurrencyCode, to: CurrencyCode) {
  if (!r.parsed) return null;
  const n = convertMinor(amount, from, to, r.parsed);
  if (n !== null) return n;
  const c = convertMoneyWithDinero(
    { amount: amount as MinorUnits, currency: from },
    to,
    r.used.rate,
  );
  return c.ok ? c.value.amount : null;
}

interface Entry extends BookRate {
  readonly record: ExchangeRate;
}

/** The rates sorted once per pair (by date, then by when they were typed); found by binary search. */
export function rateBook(rates: readonly ExchangeRate[]): RateBook {
  const byPair = new Map<string, Map<string, Entry[]>>();
  for (const r of rates) {
    let to = byPair.get(r.from);
    if (!to) byPair.set(r.from, (to = new Map()));
    let list = to.get(r.to);
    if (!list) to.set(r.to, (list = []));
    list.push({
      record: r,
      used: { from: r.from, to: r.to, rate: r.rate, asOf: r.asOf },
      parsed: parseRate(r.rate),
    });
  }
  for (const to of byPair.values())
    for (const list of to.values())
      list.sort((x, y) => {
        const a = x.record;
        const b = y.record;
        return a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.updatedAt < b.updatedAt ? -1 : 1;
      });
  const lookup = (from: string, to: string, date: IsoDate): Entry | null => {
    const list = byPair.get(from)?.get(to);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let found: Entry | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = list[mid] as Entry;
      if (e.record.asOf <= date) {
        found = e;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return {
    find: (from, to, date) => lookup(from, to, date)?.record ?? null,
    lookup,
    convert(amount, from, to, date) {
      if (from === to)
        return { ok: true, amount: { amount: amount as MinorUnits, currency: from }, rate: null };
      const r = lookup(from, to, date);
      const n = r ? amountAt(r, amount, from, to) : null;
      if (!r || n === null) return { ok: false, missing: { from, to, date } };
      return { ok: true, amount: { amount: n as MinorUnits, currency: to }, rate: r.used };
    },
  };
}

export function rateLabel(r: RateUsed): string {
  return `1 ${r.from} = ${r.rate} ${r.to} (${r.asOf})`;
}
