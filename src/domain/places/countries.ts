/**
 * Country names from `i18n-iso-countries`, English registered statically (the browser build ships
 * no locale unless registered). Light: safe to import from any screen, unlike the gazetteer.
 */
import countriesLib from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json';

countriesLib.registerLocale(enCountries);

export interface Country {
  readonly code: string;
  readonly name: string;
}

let countryList: Country[] | null = null;

/** All ISO 3166-1 countries with English names, sorted by name. */
export function countries(): readonly Country[] {
  countryList ??= Object.entries(countriesLib.getNames('en', { select: 'official' }))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return countryList;
}

export function countryNameOf(code: string): string | undefined {
  return countriesLib.getName(code.toUpperCase(), 'en', { select: 'official' }) ?? undefined;
}

/** English name of an ISO alpha-2 code ("GE" -> "Georgia"), or undefined for an unknown code. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  return countryNameOf(code);
}

/** True for a known ISO 3166-1 alpha-2 code. */
export function isKnownCountry(code: string): boolean {
  return countryName(code) !== undefined && code === code.toUpperCase();
}
