/** Option lists shared by forms: countries (offline list) and ISO 4217 currencies known to the runtime. */
import { currencyCodes } from '../../domain/money';
import { countries } from '../../domain/places/countries';

let countryOptions: { value: string; label: string }[] | null = null;
export function countryChoices(): { value: string; label: string }[] {
  countryOptions ??= countries().map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));
  return countryOptions;
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
