/**
 * Exchange rates as a book: the rate used for a line is the latest one for its currency pair on
 * or before the line's date (never a later one, never a guess). A rate typed for one direction is
 * not inverted. Every converted amount carries the rate and its date; a missing rate is reported
 * with its pair and date, never turned into zero.
 */
import type { ExchangeRate } from '../entities/budget';
import {
  convertMoney,
  type CurrencyCode,
  type DecimalString,
  type MinorUnits,
  type Money,
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

export interface RateBook {
  /** The latest rate of the pair on or before `date`, or null. */
  find(from: string, to: string, date: IsoDate): ExchangeRate | null;
  /** `amount` (minor units of `from`) in `to`, with the rate used, or the missing pair and date. */
  convert(amount: number, from: CurrencyCode, to: CurrencyCode, date: IsoDate): Conversion;
}

export function rateBook(rates: readonly ExchangeRate[]): RateBook {
  const byPair = new Map<string, ExchangeRate[]>();
  for (const r of rates) {
    const k = `${r.from}>${r.to}`;
    const list = byPair.get(k) ?? [];
    list.push(r);
    byPair.set(k, list);
  }
  for (const list of byPair.values())
    list.sort((a, b) =>
      a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.updatedAt < b.updatedAt ? -1 : 1,
    );
  const find = (from: string, to: string, date: IsoDate): ExchangeRate | null => {
    const list = byPair.get(`${from}>${to}`);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let found: ExchangeRate | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid] as ExchangeRate;
      if (r.asOf <= date) {
        found = r;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return {
    find,
    convert(amount, from, to, date) {
      const m: Money = { amount: amount as MinorUnits, currency: from };
      if (from === to) return { ok: true, amount: m, rate: null };
      const r = find(from, to, date);
      if (!r) return { ok: false, missing: { from, to, date } };
      const c = convertMoney(m, to, r.rate);
      if (!c.ok) return { ok: false, missing: { from, to, date } };
      return { ok: true, amount: c.value, rate: { from, to, rate: r.rate, asOf: r.asOf } };
    },
  };
}

export function rateLabel(r: RateUsed): string {
  return `1 ${r.from} = ${r.rate} ${r.to} (${r.asOf})`;
}
