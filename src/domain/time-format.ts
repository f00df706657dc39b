/**
 * Times and durations as text, in a UI locale ('en' by default; the UI passes its own):
 * "Sun 29 Mar 2026, 04:35 GET (UTC+4)" and "13 h 05 min" in English,
 * "вс 29 мар. 2026, 04:35 GET (UTC+4)" (the month in its form after a day) and "13 ч 05 мин" in Russian. Clock times are always
 * 24-hour; the zone abbreviation and UTC offset are the same in every language.
 * The zone arithmetic behind it (resolving a zoned local time to an instant) is in time.ts.
 */
import { DateTime } from 'luxon';
import { resolveLocal } from './time';

/** "UTC+4", "UTC-3", "UTC+5:30", "UTC" (offset in minutes). */
export function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/**
 * Common abbreviations the runtime's Intl data does not give in English (it answers "GMT+4").
 * [standard, daylight]. Only well-established ones; zones not listed show the UTC offset alone.
 */
// prettier-ignore
const ABBREVIATIONS: Readonly<Record<string, readonly [string, string?]>> = {
  'Europe/Paris': ['CET', 'CEST'], 'Europe/Berlin': ['CET', 'CEST'], 'Europe/Amsterdam': ['CET', 'CEST'],
  'Europe/Brussels': ['CET', 'CEST'], 'Europe/Madrid': ['CET', 'CEST'], 'Europe/Rome': ['CET', 'CEST'],
  'Europe/Vienna': ['CET', 'CEST'], 'Europe/Prague': ['CET', 'CEST'], 'Europe/Warsaw': ['CET', 'CEST'],
  'Europe/Stockholm': ['CET', 'CEST'], 'Europe/Oslo': ['CET', 'CEST'], 'Europe/Copenhagen': ['CET', 'CEST'],
  'Europe/Zurich': ['CET', 'CEST'], 'Europe/Budapest': ['CET', 'CEST'], 'Europe/Belgrade': ['CET', 'CEST'],
  'Europe/Ljubljana': ['CET', 'CEST'], 'Europe/Zagreb': ['CET', 'CEST'], 'Europe/Sarajevo': ['CET', 'CEST'],
  'Europe/Luxembourg': ['CET', 'CEST'], 'Europe/Bratislava': ['CET', 'CEST'], 'Europe/Skopje': ['CET', 'CEST'],
  'Europe/Podgorica': ['CET', 'CEST'], 'Europe/Tirane': ['CET', 'CEST'], 'Africa/Lagos': ['WAT'],
  'Europe/Athens': ['EET', 'EEST'], 'Europe/Bucharest': ['EET', 'EEST'], 'Europe/Sofia': ['EET', 'EEST'],
  'Europe/Helsinki': ['EET', 'EEST'], 'Europe/Kyiv': ['EET', 'EEST'], 'Europe/Kiev': ['EET', 'EEST'],
  'Europe/Vilnius': ['EET', 'EEST'], 'Europe/Riga': ['EET', 'EEST'], 'Europe/Tallinn': ['EET', 'EEST'],
  'Europe/Chisinau': ['EET', 'EEST'], 'Asia/Beirut': ['EET', 'EEST'], 'Africa/Cairo': ['EET', 'EEST'],
  'Europe/London': ['GMT', 'BST'], 'Europe/Dublin': ['GMT', 'IST'], 'Europe/Lisbon': ['WET', 'WEST'],
  'Europe/Moscow': ['MSK'], 'Europe/Minsk': ['MSK'], 'Europe/Istanbul': ['TRT'], 'Asia/Tbilisi': ['GET'],
  'Asia/Yerevan': ['AMT'], 'Asia/Baku': ['AZT'], 'Asia/Tehran': ['IRST'], 'Asia/Dubai': ['GST'],
  'Asia/Kabul': ['AFT'], 'Asia/Karachi': ['PKT'], 'Asia/Kolkata': ['IST'], 'Asia/Kathmandu': ['NPT'],
  'Asia/Dhaka': ['BST'], 'Asia/Yangon': ['MMT'], 'Asia/Bangkok': ['ICT'], 'Asia/Ho_Chi_Minh': ['ICT'],
  'Asia/Jakarta': ['WIB'], 'Asia/Manila': ['PHT'], 'Asia/Hong_Kong': ['HKT'], 'Asia/Tokyo': ['JST'],
  'Asia/Seoul': ['KST'], 'Asia/Almaty': ['ALMT'], 'Asia/Tashkent': ['UZT'], 'Asia/Bishkek': ['KGT'],
  'Asia/Dushanbe': ['TJT'], 'Africa/Nairobi': ['EAT'], 'Africa/Addis_Ababa': ['EAT'], 'Africa/Kampala': ['EAT'],
  'Africa/Dar_es_Salaam': ['EAT'], 'Africa/Khartoum': ['CAT'], 'Africa/Harare': ['CAT'], 'Africa/Lusaka': ['CAT'],
  'Africa/Maputo': ['CAT'], 'Africa/Kinshasa': ['WAT'], 'Africa/Johannesburg': ['SAST'], 'Africa/Abidjan': ['GMT'],
  'Africa/Dakar': ['GMT'], 'Africa/Accra': ['GMT'], 'America/Bogota': ['COT'], 'America/Lima': ['PET'],
  'America/Caracas': ['VET'], 'America/Sao_Paulo': ['BRT'], 'America/Argentina/Buenos_Aires': ['ART'],
  'America/Santiago': ['CLT', 'CLST'], 'America/La_Paz': ['BOT'], 'America/Guayaquil': ['ECT'],
  'Australia/Sydney': ['AEST', 'AEDT'], 'Australia/Melbourne': ['AEST', 'AEDT'], 'Pacific/Auckland': ['NZST', 'NZDT'],
};

/** Abbreviation of `zone` at `epochMs` ("CEST", "GET", "EDT"), or null when none is well known. */
/** One short-zone-name formatter per zone: building an Intl formatter costs far more than using it. */
const shortNames = new Map<string, Intl.DateTimeFormat>();

/** Intl's short name of `zone` at an instant ("CET", "GMT+4"), as Luxon's offsetNameShort gives. */
function intlShortName(zone: string, epochMs: number): string | null {
  let f = shortNames.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    shortNames.set(zone, f);
  }
  return f.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? null;
}

export function zoneAbbreviation(zone: string, epochMs: number): string | null {
  const dt = DateTime.fromMillis(epochMs, { zone });
  if (!dt.isValid) return null;
  const fromIntl = intlShortName(zone, epochMs);
  if (fromIntl && /^[A-Z]{2,5}$/.test(fromIntl) && fromIntl !== 'GMT' && fromIntl !== 'UTC')
    return fromIntl;
  const entry = ABBREVIATIONS[zone];
  if (entry) return dt.isInDST ? (entry[1] ?? entry[0]) : entry[0];
  if (fromIntl === 'UTC' || fromIntl === 'GMT') return fromIntl;
  return null;
}

export interface FormatZonedOptions {
  /** Prefix the date, e.g. "Sun 29 Mar 2026, 04:35 GET (UTC+4)". Default false. */
  readonly withDate?: boolean;
  /** BCP 47 locale for the weekday and month names. Default 'en'. */
  readonly locale?: string;
}

/** "04:35 GET (UTC+4)" for a wall-clock time in a zone; "04:35 (UTC+4)" when no abbreviation is known. */
export function formatZoned(
  zl: { readonly local: string; readonly zone: string },
  options: FormatZonedOptions = {},
): string {
  const r = resolveLocal(zl);
  if (!r.ok) return `${zl.local.replace('T', ' ')} (${zl.zone})`;
  return formatInstantInZone(r.value.epochMs, zl.zone, options);
}

/** Formats an instant as wall-clock time in a zone, with abbreviation and UTC offset. */
export function formatInstantInZone(
  epochMs: number,
  zone: string,
  options: FormatZonedOptions = {},
): string {
  const dt = DateTime.fromMillis(epochMs, { zone });
  const abbr = zoneAbbreviation(zone, epochMs);
  const offset = formatUtcOffset(dt.offset);
  const time = dt.toFormat('HH:mm');
  const locale = !options.locale || options.locale === 'en' ? 'en-GB' : options.locale;
  const prefix = options.withDate ? `${dt.setLocale(locale).toFormat('ccc d MMM yyyy')}, ` : '';
  const zonePart = abbr && abbr !== offset ? `${abbr} (${offset})` : `(${offset})`;
  return `${prefix}${time} ${zonePart}`;
}

/** Unit abbreviations per language; a locale not listed uses English. */
const DURATION_UNITS: Readonly<Record<string, { d: string; h: string; min: string }>> = {
  en: { d: 'd', h: 'h', min: 'min' },
  ru: { d: 'дн.', h: 'ч', min: 'мин' },
};

/** "45 min", "13 h 05 min", "2 d 4 h" (negative durations get a leading minus). */
export function formatDuration(minutes: number, locale = 'en'): string {
  const u = DURATION_UNITS[locale.split('-')[0] ?? 'en'] ?? { d: 'd', h: 'h', min: 'min' };
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minutes));
  if (abs < 60) return `${sign}${abs} ${u.min}`;
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h < 48) return `${sign}${h} ${u.h}${m ? ` ${String(m).padStart(2, '0')} ${u.min}` : ''}`;
  const d = Math.floor(h / 24);
  const rh = h % 24;
  return `${sign}${d} ${u.d}${rh ? ` ${rh} ${u.h}` : ''}`;
}
