/** Option lists shared by forms: countries (offline list) and ISO 4217 currencies known to the runtime. */
import { currencyCodes } from '../../domain/money';
import { countries } from '../../domain/places/countries';
import { intlLocale } from '../../i18n/languages';

const countryOptions = new Map<string, { value: string; label: string }[]>();
/**
 * Countries as "Georgia (GE)", named in the UI language: English from the offline list, other
 * languages from the runtime's own region names (Intl.DisplayNames), sorted in that language.
 */
export function countryChoices(language = 'en'): { value: string; label: string }[] {
  const locale = intlLocale(language);
  const cached = countryOptions.get(locale);
  if (cached) return cached;
  // English comes sorted from the offline list; another language is named and sorted once.
  const named = countries().map((c) => ({ code: c.code, name: c.name }));
  if (locale !== 'en') {
    const names = new Intl.DisplayNames(locale, { type: 'region' });
    for (const c of named) c.name = names.of(c.code) ?? c.name;
    const collator = new Intl.Collator(locale);
    named.sort((a, b) => collator.compare(a.name, b.name));
  }
  const options = named.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  countryOptions.set(locale, options);
  return options;
}

const COMMON = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'CAD',
  'AUD',
  'JPY',
  'GEL',
  'AMD',
  'TRY',
  'UAH',
  'KES',
  'ZAR',
  'BRL',
  'COP',
  'MXN',
  'INR',
  'THB',
];
let currencyOptions: string[] | null = null;
/** Common currencies first, then every other code the runtime knows. */
export function currencyChoices(): string[] {
  if (currencyOptions) return currencyOptions;
  // The ISO 4217 list the schemas accept (dinero.js's), not Intl's, which keeps withdrawn codes.
  const all: string[] = currencyCodes();
  currencyOptions = [...COMMON, ...all.filter((c) => !COMMON.includes(c))];
  return currencyOptions;
}
