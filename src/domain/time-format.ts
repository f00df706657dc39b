/**
 * Times and durations as text, in a UI locale ('en' by default; the UI passes its own):
 * "Sun 29 Mar 2026, 04:35 GET (UTC+4)" and "13 h 05 min" in English,
 * "вс 29 мар. 2026, 04:35 GET (UTC+4)" (the month in its form after a day) and "13 ч 05 мин" in Russian. Clock times are always
 * 24-hour; the zone abbreviation and UTC offset are the same in every language.
 */
import { DateTime } from 'luxon';
import { formatUtcOffset, resolveLocal, zoneAbbreviation } from './time';

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
