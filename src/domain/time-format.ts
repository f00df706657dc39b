/**
 * Times for people: a wall-clock time shown with its zone's abbreviation and UTC offset
 * ("04:35 GET (UTC+4)", "Sun 29 Mar 2026, 04:35 GET (UTC+4)") and durations ("13 h 05 min").
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
export function zoneAbbreviation(zone: string, epochMs: number): string | null {
  const dt = DateTime.fromMillis(epochMs, { zone });
  if (!dt.isValid) return null;
  const fromIntl = dt.offsetNameShort;
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
  const prefix = options.withDate ? `${dt.setLocale('en-GB').toFormat('ccc d LLL yyyy')}, ` : '';
  const zonePart = abbr && abbr !== offset ? `${abbr} (${offset})` : `(${offset})`;
  return `${prefix}${time} ${zonePart}`;
}

/** "45 min", "13 h 05 min", "2 d 4 h" (negative durations get a leading minus). */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minutes));
  if (abs < 60) return `${sign}${abs} min`;
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h < 48) return `${sign}${h} h${m ? ` ${String(m).padStart(2, '0')} min` : ''}`;
  const d = Math.floor(h / 24);
  const rh = h % 24;
  return `${sign}${d} d${rh ? ` ${rh} h` : ''}`;
}
