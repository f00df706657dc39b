/**
 * Dates, local times and time zones.
 *
 * - `IsoDate` is a calendar day `YYYY-MM-DD` with no time and no zone (check-in, expiry, due dates).
 *   Validation checks the day exists and lies in a sensible range: 1900..2100 for birth and
 *   document dates, 2000..2100 for plans.
 * - A travel time is a wall-clock `LocalDateTime` (`YYYY-MM-DDTHH:mm`) plus the `IanaZone` it is read
 *   in: a flight leaves at local time in one zone and lands in another. `resolveLocal` turns that
 *   into an instant and reports local times that do not exist (skipped by a DST change) and ones
 *   that happen twice (clocks going back), instead of silently moving them.
 * - Formatting (time-format.ts) shows local time with the zone's abbreviation and UTC offset:
 *   "04:35 GET (UTC+4)".
 */
import { DateTime, IANAZone } from 'luxon';
import { assertNever } from './assert';
import type { Brand } from './ids';
import { err, ok, type Result } from './result';

export type IsoDate = Brand<string, 'IsoDate'>;
export type IanaZone = Brand<string, 'IanaZone'>;
/** Wall-clock date and time without zone, `YYYY-MM-DDTHH:mm`. */
export type LocalDateTime = Brand<string, 'LocalDateTime'>;
/** An ISO 8601 instant with offset, e.g. `2026-03-29T01:35:00.000Z` (record timestamps). */
export type IsoInstant = Brand<string, 'IsoInstant'>;

/** A wall-clock time and the zone it is read in. */
export interface ZonedLocal {
  readonly local: LocalDateTime;
  readonly zone: IanaZone;
}

export interface DateRange {
  readonly min: IsoDate;
  readonly max: IsoDate;
}
/** Birth dates, document issue and expiry dates. */
export const DOCUMENT_DATE_RANGE: DateRange = {
  min: '1900-01-01' as IsoDate,
  max: '2100-12-31' as IsoDate,
};
/** Plan dates: stays, legs, checkpoints, budget lines, rates. */
export const PLAN_DATE_RANGE: DateRange = {
  min: '2000-01-01' as IsoDate,
  max: '2100-12-31' as IsoDate,
};

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True for `YYYY-MM-DD` naming a day that exists (no 2025-02-29), any year 0001..9999. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export type DateError =
  | { readonly code: 'format' }
  | { readonly code: 'not_a_day' }
  | { readonly code: 'out_of_range'; readonly min: IsoDate; readonly max: IsoDate };

export function dateErrorMessage(e: DateError): string {
  switch (e.code) {
    case 'format':
      return 'Enter the date as YYYY-MM-DD, for example 2026-03-29';
    case 'not_a_day':
      return 'This day does not exist in the calendar; check the day and month';
    case 'out_of_range':
      return `Enter a date between ${e.min} and ${e.max}`;
    default:
      return assertNever(e, 'date error');
  }
}

/** Validates typed text as an ISO date inside `range` (default: plan dates). */
export function parseIsoDate(
  text: string,
  range: DateRange = PLAN_DATE_RANGE,
): Result<IsoDate, DateError> {
  const s = text.trim();
  if (!ISO_DATE_RE.test(s)) return err({ code: 'format' });
  if (!isIsoDate(s)) return err({ code: 'not_a_day' });
  if (s < range.min || s > range.max)
    return err({ code: 'out_of_range', min: range.min, max: range.max });
  return ok(s);
}

/** Checked constructor for constants and tests; throws on an invalid day. */
export function isoDate(s: string): IsoDate {
  if (!isIsoDate(s)) throw new Error(`Not an ISO date: ${s}`);
  return s;
}

function dateToUtcMs(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}
function utcMsToDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10) as IsoDate;
}

/** `d` plus `n` calendar days (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return utcMsToDate(dateToUtcMs(d) + n * DAY_MS);
}
/** `d` plus `n` calendar months, clamped to the month's last day (2026-08-31 + 6 months = 2027-02-28). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  return DateTime.fromISO(d, { zone: 'utc' }).plus({ months: n }).toISODate() as IsoDate;
}
/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((dateToUtcMs(b) - dateToUtcMs(a)) / DAY_MS);
}
export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The calendar day in `zone` at instant `nowMs` (e.g. "today" for the coordinator). */
export function todayIn(zone: IanaZone | string, nowMs: number): IsoDate {
  return DateTime.fromMillis(nowMs, { zone }).toISODate() as IsoDate;
}

/**
 * The zones this runtime knows by their canonical names, checked without building a formatter
 * (luxon's isValidZone builds one per call). Other spellings (aliases, other letter case) are
 * still asked of luxon. The list names every zone there is, not any case's.
 */
let knownZones: ReadonlySet<string> | null = null;
function isKnownZone(name: string): boolean {
  knownZones ??= new Set(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  return knownZones.has(name);
}

export function isIanaZone(value: unknown): value is IanaZone {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    (isKnownZone(value) || IANAZone.isValidZone(value))
  );
}
/** Checked constructor; throws on an unknown zone. */
export function ianaZone(s: string): IanaZone {
  if (!isIanaZone(s)) throw new Error(`Not an IANA time zone: ${s}`);
  return s;
}

/** True for `YYYY-MM-DDTHH:mm` with a real day, hours 00..23 and minutes 00..59. */
export function isLocalDateTime(value: unknown): value is LocalDateTime {
  if (typeof value !== 'string') return false;
  const m = LOCAL_RE.exec(value);
  if (!m) return false;
  return isIsoDate(value.slice(0, 10)) && Number(m[4]) <= 23 && Number(m[5]) <= 59;
}
export function localDateTime(s: string): LocalDateTime {
  if (!isLocalDateTime(s)) throw new Error(`Not a local date-time YYYY-MM-DDTHH:mm: ${s}`);
  return s;
}
export type LocalDateTimeError =
  DateError | { readonly code: 'time_format' } | { readonly code: 'not_a_time' };

const LOCAL_TEXT_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ]+|\s+)(\d{1,2}):(\d{2})$/;

/**
 * Validates typed text as a local date-time `YYYY-MM-DD HH:mm` (24-hour clock; a `T` between the
 * date and the time is accepted too) whose day exists and lies inside `range` (default: plan
 * dates), so a leg in year 0027 or 2227 is refused instead of stored.
 */
export function parseLocalDateTime(
  text: string,
  range: DateRange = PLAN_DATE_RANGE,
): Result<LocalDateTime, LocalDateTimeError> {
  const s = text.trim();
  const m = LOCAL_TEXT_RE.exec(s);
  if (!m) {
    const day = /^(\S+)/.exec(s)?.[1] ?? '';
    // A well-formed day without a usable time: say what is wrong with the time, not the day.
    if (ISO_DATE_RE.test(day) && isIsoDate(day)) return err({ code: 'time_format' });
    const d = parseIsoDate(day, range);
    return err(d.ok ? { code: 'time_format' } : d.error);
  }
  const date = parseIsoDate(m[1] ?? '', range);
  if (!date.ok) return err(date.error);
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) return err({ code: 'not_a_time' });
  return ok(`${date.value}T${String(h).padStart(2, '0')}:${m[3]}` as LocalDateTime);
}

export function localDateTimeErrorMessage(e: LocalDateTimeError): string {
  switch (e.code) {
    case 'format':
    case 'time_format':
      return 'Enter the date and time as YYYY-MM-DD HH:mm (24-hour clock), for example 2026-03-29 14:05';
    case 'not_a_time':
      return 'Enter a time between 00:00 and 23:59 (24-hour clock)';
    case 'not_a_day':
    case 'out_of_range':
      return dateErrorMessage(e);
    default:
      return assertNever(e, 'local date-time error');
  }
}

/**
 * A date of birth must not lie after `today` (a future one would give a negative age). Returns the
 * message to show at the field, or null when the date is fine or not a date at all (the schema
 * reports that).
 */
export function birthDateError(dob: string, today: IsoDate): string | null {
  if (!isIsoDate(dob) || dob <= today) return null;
  return `A date of birth cannot be in the future (today is ${today}); check the year`;
}

/** The calendar day of a local date-time. */
export function localDateOf(local: LocalDateTime): IsoDate {
  return local.slice(0, 10) as IsoDate;
}

export interface ResolvedInstant {
  /** Milliseconds since the epoch. */
  readonly epochMs: number;
  /** Offset from UTC in minutes at that instant (e.g. 240 for UTC+4). */
  readonly offsetMinutes: number;
  /**
   * The local time happens twice (clocks went back); the earlier instant was chosen.
   * The UI may ask the user which one they meant.
   */
  readonly ambiguous: boolean;
}

export type TimeError =
  | { readonly code: 'invalid_local' }
  | { readonly code: 'invalid_zone'; readonly zone: string }
  | {
      /** The local time is skipped by a DST change (e.g. 02:30 on the night clocks go forward). */
      readonly code: 'nonexistent_local';
      readonly gapMinutes: number;
      /** What the clock shows at that moment instead, e.g. 03:30. */
      readonly suggestion: LocalDateTime;
    };

export function timeErrorMessage(e: TimeError, local?: string): string {
  switch (e.code) {
    case 'invalid_local':
      return 'Enter the date and time as YYYY-MM-DD HH:mm (24-hour clock)';
    case 'invalid_zone':
      return `"${e.zone}" is not a known time zone; pick the place again so its zone is filled in`;
    case 'nonexistent_local':
      return `${local ? local.replace('T', ' ') : 'This time'} does not exist in this zone: clocks jump forward ${e.gapMinutes} minutes that night. Check the ticket; it is probably ${e.suggestion.replace('T', ' ')}`;
    default:
      return assertNever(e, 'time error');
  }
}

/** Small bounded memo: resolving is pure, and plan checks resolve the same times repeatedly. */
const resolveCache = new Map<string, Result<ResolvedInstant, TimeError>>();
const RESOLVE_CACHE_MAX = 5000;

/**
 * A zone's UTC offset at any instant, from one formatter per zone. Its `format()` text is read
 * digit by digit: luxon's IANAZone.offset reads `formatToParts()`, whose array of part objects was
 * most of a cold plan check's time. Anything unexpected in the text falls back to luxon.
 */
export class ZoneClock {
  private constructor(
    private readonly dtf: Intl.DateTimeFormat,
    private readonly luxon: IANAZone,
  ) {}

  /** The clock of `name`, or null when it is not a time zone. */
  static of(name: string): ZoneClock | null {
    if (!name) return null;
    // The constructor refuses an unknown zone: the same test as luxon's isValidZone.
    let dtf: Intl.DateTimeFormat;
    try {
      dtf = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    return new ZoneClock(dtf, IANAZone.create(name));
  }

  /** Minutes east of UTC at `epochMs` (as luxon's `offset`). */
  offset(epochMs: number): number {
    const text = this.dtf.format(epochMs);
    // "M/D/YYYY, HH:MM:SS": six runs of digits, in that order.
    const f = [0, 0, 0, 0, 0, 0];
    let k = -1;
    let inDigits = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c >= 0 && c <= 9) {
        if (!inDigits) {
          if (++k > 5) return this.luxon.offset(epochMs);
          inDigits = true;
        }
        f[k] = (f[k] as number) * 10 + c;
      } else inDigits = false;
    }
    const [month, day, year, hour, minute, second] = f as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (k !== 5 || year < 100 || hour > 23) return this.luxon.offset(epochMs);
    const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
    const whole = epochMs - (((epochMs % 1000) + 1000) % 1000);
    return (asUtc - whole) / 60_000;
  }
}

const zoneCache = new Map<string, ZoneClock>();

function zoneOf(name: string): ZoneClock | null {
  const cached = zoneCache.get(name);
  if (cached) return cached;
  const made = ZoneClock.of(name);
  if (made) zoneCache.set(name, made);
  return made;
}

/**
 * Empties both memos. They hold the local times and zones of legs (case data), so lock calls this
 * (features/lock/clear-on-lock.ts); benchmarks use it to measure the uncached cost.
 */
export function clearTimeCaches(): void {
  resolveCache.clear();
  zoneCache.clear();
}

/** How many entries the memos hold (tests check that lock leaves none). */
export function timeCacheSizes(): { resolved: number; zones: number } {
  return { resolved: resolveCache.size, zones: zoneCache.size };
}

/**
 * Resolves a wall-clock time in a zone to an instant. Reports a time skipped by a DST change as
 * `nonexistent_local` (never silently shifts it) and flags a repeated time as `ambiguous`.
 */
export function resolveLocal(zl: {
  readonly local: string;
  readonly zone: string;
}): Result<ResolvedInstant, TimeError> {
  const key = `${zl.local}|${zl.zone}`;
  const cached = resolveCache.get(key);
  if (cached) return cached;
  const r = resolveUncached(zl.local, zl.zone);
  if (resolveCache.size >= RESOLVE_CACHE_MAX) resolveCache.clear();
  resolveCache.set(key, r);
  return r;
}

function resolveUncached(local: string, zoneName: string): Result<ResolvedInstant, TimeError> {
  if (!isLocalDateTime(local)) return err({ code: 'invalid_local' });
  const zone = zoneOf(zoneName);
  if (!zone) return err({ code: 'invalid_zone', zone: zoneName });
  const asUtc = Date.UTC(
    Number(local.slice(0, 4)),
    Number(local.slice(5, 7)) - 1,
    Number(local.slice(8, 10)),
    Number(local.slice(11, 13)),
    Number(local.slice(14, 16)),
  );
  // Offsets a day either side bracket any DST change that could affect this wall-clock time.
  const before = zone.offset(asUtc - DAY_MS);
  const after = zone.offset(asUtc + DAY_MS);
  const candidates: { epochMs: number; offsetMinutes: number }[] = [];
  for (const o of before === after ? [before, zone.offset(asUtc)] : [before, after]) {
    const epochMs = asUtc - o * 60_000;
    if (zone.offset(epochMs) === o && !candidates.some((c) => c.epochMs === epochMs)) {
      candidates.push({ epochMs, offsetMinutes: o });
    }
  }
  if (candidates.length === 0) {
    const gapMinutes = Math.abs(after - before);
    const suggestion = DateTime.fromMillis(asUtc - before * 60_000, { zone: zoneName }).toFormat(
      "yyyy-MM-dd'T'HH:mm",
    );
    return err({ code: 'nonexistent_local', gapMinutes, suggestion: suggestion as LocalDateTime });
  }
  candidates.sort((a, b) => a.epochMs - b.epochMs);
  const first = candidates[0];
  if (!first) return err({ code: 'invalid_local' });
  return ok({
    epochMs: first.epochMs,
    offsetMinutes: first.offsetMinutes,
    ambiguous: candidates.length > 1,
  });
}

/** Instant of a zoned local time, or null when it cannot be resolved (see `resolveLocal`). */
export function toEpochMs(zl: { readonly local: string; readonly zone: string }): number | null {
  const r = resolveLocal(zl);
  return r.ok ? r.value.epochMs : null;
}

/** The wall-clock time of an instant in a zone. */
export function localAt(epochMs: number, zone: IanaZone | string): LocalDateTime {
  return DateTime.fromMillis(epochMs, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") as LocalDateTime;
}

/** Minutes from instant `a` to instant `b`. */
export function minutesBetween(aMs: number, bMs: number): number {
  return Math.round((bMs - aMs) / 60_000);
}

/** Current instant as an ISO string (for record timestamps); pass `nowMs` to stay deterministic. */
export function isoInstant(nowMs: number): IsoInstant {
  return new Date(nowMs).toISOString() as IsoInstant;
}
