/**
 * Numbers, money, times and durations in the UI language (Intl and the domain's formatters with
 * the locale of i18next's current language). Calendar days the coordinator types and reads in
 * tables stay ISO (YYYY-MM-DD) in every language: one unambiguous form for input and display.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, type Money } from '../../domain/money';
import { formatDuration, formatZoned, type FormatZonedOptions } from '../../domain/time-format';
import { intlLocale } from '../../i18n/languages';

export interface Formatters {
  readonly locale: string;
  money(m: Money): string;
  number(n: number): string;
  duration(minutes: number): string;
  zoned(
    zl: { readonly local: string; readonly zone: string },
    options?: Omit<FormatZonedOptions, 'locale'>,
  ): string;
  /** Names joined as the language does: "A, B and C" / "A, B и C". */
  list(names: readonly string[]): string;
}

export function formatters(language: string): Formatters {
  const locale = intlLocale(language);
  const numbers = new Intl.NumberFormat(locale);
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  return {
    locale,
    money: (m) => formatMoney(m, locale),
    number: (n) => numbers.format(n),
    duration: (minutes) => formatDuration(minutes, locale),
    zoned: (zl, options = {}) => formatZoned(zl, { ...options, locale }),
    list: (names) => lists.format(names),
  };
}

/** The formatters of the current UI language; re-created when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}
