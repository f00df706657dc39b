/**
 * Money: integer amounts in minor units (cents, fils, yen) with an ISO 4217 currency code.
 * Amounts are never stored or computed as floating-point numbers: parsing reads the decimal text
 * digit by digit, conversion multiplies with BigInt and rounds half away from zero once.
 * Decimal digits per currency follow ISO 4217 (JPY 0, EUR 2, KWD 3, CLF 4).
 */
import type { DineroCurrency } from 'dinero.js';
import {
  convert as dineroConvert,
  dinero as dineroBig,
  halfAwayFromZero,
  toSnapshot,
  transformScale,
  type DineroScaledAmount,
} from 'dinero.js/bigint';
import * as currencies from 'dinero.js/currencies';
import { assertNever } from './assert';
import type { Brand } from './ids';
import { err, ok, type Result } from './result';

/** An integer number of minor units (a safe integer, may be negative for refunds). */
export type MinorUnits = Brand<number, 'MinorUnits'>;
/** A three-letter upper-case ISO 4217 code. */
export type CurrencyCode = Brand<string, 'CurrencyCode'>;
/** A non-negative decimal number as text, e.g. an exchange rate `"0.9213"`. */
export type DecimalString = Brand<string, 'DecimalString'>;

export interface Money {
  readonly amount: MinorUnits;
  readonly currency: CurrencyCode;
}

/**
 * The ISO 4217 table is dinero.js's (`dinero.js/currencies`, maintained with the standard), not a
 * hand-kept list. Intl's fraction digits disagree with ISO 4217 for some currencies (COP, HUF,
 * IDR, IQD ...), so Intl is used for display only, never for the exponent.
 */
const ISO_4217: ReadonlyMap<string, DineroCurrency<number>> = new Map(
  Object.values(currencies).map((c) => [c.code, c]),
);

/** Codes of the table that are not money (fund and testing codes carry no exponent of their own). */
const NON_MONEY = new Set(['XAU', 'XAG', 'XPT', 'XPD', 'XTS', 'XXX', 'XDR', 'XSU', 'XUA', 'XAD']);

/** True for a three-letter upper-case code that ISO 4217 lists as a currency of money. */
export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return (
    typeof value === 'string' &&
    /^[A-Z]{3}$/.test(value) &&
    !NON_MONEY.has(value) &&
    ISO_4217.has(value)
  );
}

/** Every ISO 4217 code of money, sorted (for pickers). */
export function currencyCodes(): CurrencyCode[] {
  return [...ISO_4217.keys()].filter((c) => isCurrencyCode(c)).sort() as CurrencyCode[];
}

/** Checked constructor; throws on a code that is not ISO 4217 (use in constants and tests). */
export function currency(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) throw new Error(`Not an ISO 4217 currency code: ${code}`);
  return code;
}

/** Number of decimal digits of the minor unit (JPY 0, EUR 2, KWD 3), from ISO 4217. */
export function currencyDigits(code: CurrencyCode | string): number {
  return ISO_4217.get(code)?.exponent ?? 2;
}

/** Checked constructor for minor units; throws on fractions and unsafe integers. */
export function minorUnits(n: number): MinorUnits {
  if (!Number.isSafeInteger(n)) throw new Error(`Amounts are whole minor units; got ${n}`);
  return n as MinorUnits;
}

export function isMinorUnits(n: unknown): n is MinorUnits {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

export function money(amount: number, code: string): Money {
  return { amount: minorUnits(amount), currency: currency(code) };
}

export type MoneyError =
  | { readonly code: 'empty' }
  | { readonly code: 'not_a_number' }
  | { readonly code: 'too_many_decimals'; readonly digits: number }
  | { readonly code: 'too_large' }
  | { readonly code: 'negative' }
  /** "12,50" where a point is the decimal separator: the fix is spelled out in `suggestion`. */
  | {
      readonly code: 'wrong_decimal_separator';
      readonly expected: '.' | ',';
      readonly suggestion: string;
    }
  /**
   * "12,500" where a point is the decimal separator: a thousands group or a decimal comma? Refused
   * rather than guessed; `asWhole` and `asDecimal` are the two readings, typed unambiguously.
   */
  | {
      readonly code: 'ambiguous_grouping';
      readonly text: string;
      readonly asWhole: string;
      readonly asDecimal: string;
    }
  | {
      readonly code: 'currency_mismatch';
      readonly left: CurrencyCode;
      readonly right: CurrencyCode;
    };

/** English sentence for a money error, saying how to fix it. */
export function moneyErrorMessage(e: MoneyError, code?: CurrencyCode): string {
  switch (e.code) {
    case 'empty':
      return 'Enter an amount, for example 120.50';
    case 'not_a_number':
      return 'Enter the amount with digits and at most one decimal separator, for example 1250.75';
    case 'too_many_decimals':
      return e.digits === 0
        ? `${code ?? 'This currency'} has no decimals; enter a whole number`
        : `${code ?? 'This currency'} has ${e.digits} decimal digits; enter at most ${e.digits} after the separator`;
    case 'too_large':
      return 'The amount is too large; check for extra digits';
    case 'negative':
      return 'Enter a positive amount (record refunds as a separate line)';
    case 'wrong_decimal_separator':
      return e.expected === '.'
        ? `Use a point for decimals: ${e.suggestion}`
        : `Use a comma for decimals: ${e.suggestion}`;
    case 'ambiguous_grouping':
      return `"${e.text}" could mean ${e.asWhole} or ${e.asDecimal}: type ${e.asWhole} without the separator, or ${e.asDecimal} for decimals`;
    case 'currency_mismatch':
      return `Amounts in ${e.left} and ${e.right} cannot be added; convert one of them first`;
    default:
      return assertNever(e, 'money error');
  }
}

export interface ParseAmountOptions {
  /** Decimal separator the user types. Default '.'; the other of '.'/',' is then a grouping mark. */
  readonly decimalSeparator?: '.' | ',';
  /** Allow a leading minus. Default false. */
  readonly allowNegative?: boolean;
}

/**
 * Parses typed text ("1,250.75", "1 250,75" with `decimalSeparator: ','`, "¥1200") into minor
 * units of `code`, without floats. Grouping marks (space, no-break space, apostrophe and the
 * non-decimal separator) must group by three and are dropped; currency symbols and codes around
 * the number are ignored. Nothing is guessed: with a point as the decimal separator, "12,50" is
 * refused with "Use a point for decimals: 12.50", and "12,500" (one group of three, no decimal
 * point) is refused as ambiguous, because where a comma is the decimal mark it means 12.5; a
 * grouping mark is accepted when the text cannot be read another way ("12,500.00", "1,234,567",
 * or "1,200" in a currency without decimals).
 */
export function parseAmount(
  text: string,
  code: CurrencyCode,
  options: ParseAmountOptions = {},
): Result<MinorUnits, MoneyError> {
  const dec = options.decimalSeparator ?? '.';
  const group = dec === '.' ? ',' : '.';
  let s = text.trim();
  if (s === '') return err({ code: 'empty' });
  s = s.replace(/^[A-Za-z]{3}\s*/, '').replace(/\s*[A-Za-z]{3}$/, '');
  s = s.replace(/^[^\d\-+.,]+/, '').replace(/[^\d.,]+$/, '');
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '') return err({ code: 'empty' });
  // With no decimal separator typed, one grouping mark is either a slip ("12,50" for 12.50) or
  // ambiguous ("12,500": twelve thousand five hundred, or twelve and a half where a comma is the
  // decimal mark). Neither is guessed: the first says which separator to use, the second asks.
  if (!s.includes(dec)) {
    const halves = s.split(group);
    if (halves.length === 2) {
      const [head = '', tail = ''] = halves;
      if (/^\d+$/.test(head) && /^\d+$/.test(tail)) {
        if (tail.length !== 3 || head.length > 3)
          return err({
            code: 'wrong_decimal_separator',
            expected: dec,
            suggestion: `${negative ? '-' : ''}${head}${dec}${tail}`,
          });
        // A currency without decimals can only mean a thousands group.
        if (currencyDigits(code) > 0)
          return err({
            code: 'ambiguous_grouping',
            text: text.trim(),
            asWhole: `${negative ? '-' : ''}${head}${tail}`,
            asDecimal: `${negative ? '-' : ''}${head}${dec}${tail}`,
          });
      }
    }
  }
  const parts = s.split(dec);
  if (parts.length > 2) return err({ code: 'not_a_number' });
  // Grouping marks must group by three ("1,234,567"): "12,34" typed with the wrong separator
  // is refused instead of silently becoming 1234.
  const groupSplit = group === '.' ? /[.\s\u00a0\u202f']/ : /[,\s\u00a0\u202f']/;
  const groups = (parts[0] ?? '').split(groupSplit);
  if (
    groups.length > 1 &&
    (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))
  ) {
    return err({ code: 'not_a_number' });
  }
  const whole = groups.join('');
  const frac = parts[1] ?? '';
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || (whole === '' && frac === ''))
    return err({ code: 'not_a_number' });
  const digits = currencyDigits(code);
  const fracTrimmed = frac.replace(/0+$/, '');
  if (fracTrimmed.length > digits) return err({ code: 'too_many_decimals', digits });
  if (negative && !options.allowNegative) return err({ code: 'negative' });
  const big = BigInt((whole === '' ? '0' : whole) + fracTrimmed.padEnd(digits, '0'));
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) return err({ code: 'too_large' });
  const n = Number(big);
  return ok((negative && n !== 0 ? -n : n) as MinorUnits);
}

/** Exact decimal text of an amount, e.g. 123456 EUR -> "1234.56", 1200 JPY -> "1200", -5 KWD -> "-0.005". */
export function toDecimalString(amount: MinorUnits | number, code: CurrencyCode | string): string {
  const digits = currencyDigits(code);
  const negative = amount < 0;
  const abs = String(Math.abs(amount));
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Localised display, e.g. "€1,234.56" or "KWD 1,234.567". Formatting reads the exact decimal text. */
export function formatMoney(m: Money, locale = 'en'): string {
  const digits = currencyDigits(m.currency);
  const nf = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl formats numeric strings exactly (ES2023), so no float rounding can creep in.
  return nf.format(toDecimalString(m.amount, m.currency) as unknown as number);
}

export function addMoney(a: Money, b: Money): Result<Money, MoneyError> {
  if (a.currency !== b.currency)
    return err({ code: 'currency_mismatch', left: a.currency, right: b.currency });
  const sum = a.amount + b.amount;
  if (!Number.isSafeInteger(sum)) return err({ code: 'too_large' });
  return ok({ amount: sum as MinorUnits, currency: a.currency });
}

/** Sum of amounts in one currency; error if any currency differs. */
export function sumMoney(items: readonly Money[], code: CurrencyCode): Result<Money, MoneyError> {
  let total: Money = { amount: 0 as MinorUnits, currency: code };
  for (const m of items) {
    const r = addMoney(total, m);
    if (!r.ok) return r;
    total = r.value;
  }
  return ok(total);
}

/** unit amount × an integer quantity (nights, person-days). */
export function multiplyMoney(unit: Money, quantity: number): Result<Money, MoneyError> {
  if (!Number.isSafeInteger(quantity)) return err({ code: 'not_a_number' });
  const product = unit.amount * quantity;
  if (!Number.isSafeInteger(product)) return err({ code: 'too_large' });
  return ok({ amount: product as MinorUnits, currency: unit.currency });
}

export const DECIMAL_PATTERN = /^\d{1,12}(\.\d{1,12})?$/;
export function isDecimalString(v: unknown): v is DecimalString {
  return typeof v === 'string' && DECIMAL_PATTERN.test(v);
}

/**
 * Converts `m` to `to` with `rate` (units of `to` per one unit of `m.currency`, as decimal text):
 * exact scaling between the two ISO 4217 exponents, one rounding at the end, half away from zero.
 * When every intermediate integer stays within the safe-integer range (nearly always), the same
 * integer arithmetic runs on numbers, exactly; otherwise through dinero.js on BigInt amounts
 * (`convertMoneyWithDinero`). Both give the same result (property-tested).
 */
export function convertMoney(
  m: Money,
  to: CurrencyCode,
  rate: DecimalString,
): Result<Money, MoneyError> {
  const parsed = parseRate(rate);
  if (!parsed) return err({ code: 'not_a_number' });
  const n = convertMinor(m.amount, m.currency, to, parsed);
  if (n === null) return convertMoneyWithDinero(m, to, rate);
  return ok({ amount: n as MinorUnits, currency: to });
}

/** A rate read once for many conversions: its digits as an integer and its number of decimals. */
export interface ParsedRate {
  readonly text: DecimalString;
  readonly digits: number;
  readonly decimals: number;
}

/** Reads `rate` once (null when it is not decimal text), for `convertMinor`. */
export function parseRate(rate: string): ParsedRate | null {
  if (!isDecimalString(rate)) return null;
  const dot = rate.indexOf('.');
  const decimals = dot < 0 ? 0 : rate.length - dot - 1;
  const digits = Number(dot < 0 ? rate : rate.slice(0, dot) + rate.slice(dot + 1));
  return { text: rate, digits, decimals };
}

/**
 * `amount` minor units of `from` in minor units of `to` at a parsed rate, exactly, rounded half
 * away from zero once; null when an intermediate integer leaves the safe range (then
 * `convertMoney` goes through dinero.js on BigInt amounts).
 */
export function convertMinor(
  amount: number,
  from: CurrencyCode | string,
  to: CurrencyCode | string,
  rate: ParsedRate,
): number | null {
  const shift = currencyDigits(to) - currencyDigits(from);
  const up = shift > 0 ? 10 ** shift : 1;
  const down = 10 ** (rate.decimals + (shift < 0 ? -shift : 0));
  const numerator = Math.abs(amount) * rate.digits * up;
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(down) ||
    !Number.isSafeInteger(rate.digits)
  )
    return null;
  let q = Math.floor(numerator / down);
  let r = numerator - q * down;
  // The float division can land one off near an integer; the remainder says which way.
  if (r < 0) {
    q -= 1;
    r += down;
  } else if (r >= down) {
    q += 1;
    r -= down;
  }
  if (r * 2 >= down) q += 1;
  return amount < 0 && q !== 0 ? -q : q;
}

/** `convertMoney` through dinero.js on BigInt amounts (any size). */
export function convertMoneyWithDinero(
  m: Money,
  to: CurrencyCode,
  rate: DecimalString,
): Result<Money, MoneyError> {
  if (!isDecimalString(rate)) return err({ code: 'not_a_number' });
  const fromCur = bigCurrency(m.currency);
  const toCur = bigCurrency(to);
  if (!fromCur || !toCur) return err({ code: 'not_a_number' });
  const [w, f = ''] = rate.split('.');
  const scaled: DineroScaledAmount<bigint> = {
    amount: BigInt((w ?? '0') + f),
    scale: BigInt(f.length),
  };
  const source = dineroBig({ amount: BigInt(m.amount), currency: fromCur });
  const converted = dineroConvert(source, toCur, { [to]: scaled });
  const rounded = transformScale(converted, toCur.exponent, halfAwayFromZero);
  const q = toSnapshot(rounded).amount;
  if (q > BigInt(Number.MAX_SAFE_INTEGER) || q < -BigInt(Number.MAX_SAFE_INTEGER))
    return err({ code: 'too_large' });
  return ok({ amount: Number(q) as MinorUnits, currency: to });
}

function bigCurrency(code: string): DineroCurrency<bigint> | undefined {
  const c = ISO_4217.get(code);
  return c
    ? { code: c.code, base: BigInt(c.base as number), exponent: BigInt(c.exponent) }
    : undefined;
}
