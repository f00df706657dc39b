/** Dates, zoned local times (DST gaps and repeats), formatting and durations. */
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_DATE_RANGE,
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  isLocalDateTime,
  birthDateError,
  localDateTimeErrorMessage,
  parseIsoDate,
  parseLocalDateTime,
  resolveLocal,
  timeErrorMessage,
  todayIn,
} from '../../../src/domain/time';
import { formatDuration, formatUtcOffset, formatZoned } from '../../../src/domain/time-format';

describe('ISO dates', () => {
  it('Given days that do not exist, When validated, Then they are refused', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
  });
  it('Given a plan date in 1999, When parsed with the plan range, Then the message gives the range', () => {
    const r = parseIsoDate('1999-12-31');
    expect(r).toEqual({
      ok: false,
      error: { code: 'out_of_range', min: '2000-01-01', max: '2100-12-31' },
    });
  });
  it('Given a birth date in 1950, When parsed with the document range, Then it is accepted', () => {
    expect(parseIsoDate('1950-06-01', DOCUMENT_DATE_RANGE)).toEqual({
      ok: true,
      value: '1950-06-01',
    });
    expect(parseIsoDate('1899-12-31', DOCUMENT_DATE_RANGE).ok).toBe(false);
  });
  it('Given date arithmetic across months and leap days, When computed, Then it is calendar-exact', () => {
    expect(addDays(parseOk('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(parseOk('2026-03-28'), 2)).toBe('2026-03-30');
    expect(daysBetween(parseOk('2026-01-01'), parseOk('2026-04-01'))).toBe(90);
    expect(addMonths(parseOk('2026-08-31'), 6)).toBe('2027-02-28');
  });
  it('Given an instant near midnight UTC, When asking today in Tbilisi, Then it is already the next day', () => {
    expect(todayIn('Asia/Tbilisi', Date.UTC(2026, 2, 28, 22, 0))).toBe('2026-03-29');
  });
});

describe('local time in a zone', () => {
  it('Given 02:30 on the night Paris moves clocks forward, When resolved, Then it is reported as non-existent with a suggestion', () => {
    const r = resolveLocal({ local: '2026-03-29T02:30', zone: 'Europe/Paris' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toEqual({
        code: 'nonexistent_local',
        gapMinutes: 60,
        suggestion: '2026-03-29T03:30',
      });
      expect(timeErrorMessage(r.error, '2026-03-29T02:30')).toContain(
        'clocks jump forward 60 minutes',
      );
    }
  });
  it('Given 01:30 on the night New York moves clocks back, When resolved, Then it is flagged ambiguous and the earlier instant is used', () => {
    const r = resolveLocal({ local: '2026-11-01T01:30', zone: 'America/New_York' });
    expect(r).toEqual({
      ok: true,
      value: { epochMs: Date.UTC(2026, 10, 1, 5, 30), offsetMinutes: -240, ambiguous: true },
    });
  });
  it('Given a normal time, When resolved, Then the offset is applied', () => {
    expect(resolveLocal({ local: '2026-03-29T04:35', zone: 'Asia/Tbilisi' })).toEqual({
      ok: true,
      value: { epochMs: Date.UTC(2026, 2, 29, 0, 35), offsetMinutes: 240, ambiguous: false },
    });
  });
  it('Given a bad zone or a bad time, When resolved, Then the error says which', () => {
    expect(resolveLocal({ local: '2026-03-29T04:35', zone: 'Mars/Olympus' })).toEqual({
      ok: false,
      error: { code: 'invalid_zone', zone: 'Mars/Olympus' },
    });
    expect(resolveLocal({ local: '2026-03-29T24:00', zone: 'UTC' })).toEqual({
      ok: false,
      error: { code: 'invalid_local' },
    });
    expect(isLocalDateTime('2026-03-29T23:59')).toBe(true);
  });
  it('Given Tbilisi, Paris in summer and Kolkata, When formatted, Then abbreviation and UTC offset show', () => {
    expect(formatZoned({ local: '2026-03-29T04:35', zone: 'Asia/Tbilisi' })).toBe(
      '04:35 GET (UTC+4)',
    );
    expect(formatZoned({ local: '2026-07-01T09:05', zone: 'Europe/Paris' })).toBe(
      '09:05 CEST (UTC+2)',
    );
    expect(formatZoned({ local: '2026-07-01T09:05', zone: 'Asia/Kolkata' })).toBe(
      '09:05 IST (UTC+5:30)',
    );
    expect(
      formatZoned({ local: '2026-07-01T09:05', zone: 'America/New_York' }, { withDate: true }),
    ).toBe('Wed 1 Jul 2026, 09:05 EDT (UTC-4)');
  });
  it('Given offsets and durations, When formatted, Then they read naturally', () => {
    expect(formatUtcOffset(-180)).toBe('UTC-3');
    expect(formatUtcOffset(0)).toBe('UTC');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(785)).toBe('13 h 05 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(60 * 52)).toBe('2 d 4 h');
    expect(formatDuration(-70)).toBe('-1 h 10 min');
  });
});

function parseOk(s: string) {
  const r = parseIsoDate(s);
  if (!r.ok) throw new Error(s);
  return r.value;
}

describe('DST gaps around the world', () => {
  it('Given 02:30 on the night Auckland moves clocks forward in September, When resolved, Then it does not exist', () => {
    expect(resolveLocal({ local: '2026-09-27T02:30', zone: 'Pacific/Auckland' })).toEqual({
      ok: false,
      error: { code: 'nonexistent_local', gapMinutes: 60, suggestion: '2026-09-27T03:30' },
    });
  });
  it('Given 00:30 on the night Santiago skips midnight, When resolved, Then it does not exist', () => {
    const r = resolveLocal({ local: '2026-09-06T00:30', zone: 'America/Santiago' });
    expect(r.ok).toBe(false);
    expect(resolveLocal({ local: '2026-09-06T01:30', zone: 'America/Santiago' }).ok).toBe(true);
  });
  it("Given Lord Howe Island's half-hour DST change, When 02:15 is resolved, Then a 30-minute gap is reported", () => {
    expect(resolveLocal({ local: '2026-10-04T02:15', zone: 'Australia/Lord_Howe' })).toEqual({
      ok: false,
      error: { code: 'nonexistent_local', gapMinutes: 30, suggestion: '2026-10-04T02:45' },
    });
  });
  it('Given a zone without DST, When any time is resolved, Then it is never ambiguous', () => {
    const r = resolveLocal({ local: '2026-10-25T02:30', zone: 'Asia/Tbilisi' });
    expect(r.ok && r.value.ambiguous).toBe(false);
  });
});

describe('typed local date-times (the date-time field shows YYYY-MM-DD HH:mm)', () => {
  it('Given "2027-01-10 04:35" or "2027-01-10T04:35", When parsed, Then both are the local time 2027-01-10T04:35', () => {
    expect(parseLocalDateTime('2027-01-10 04:35')).toEqual({ ok: true, value: '2027-01-10T04:35' });
    expect(parseLocalDateTime('2027-01-10T04:35')).toEqual({ ok: true, value: '2027-01-10T04:35' });
  });
  it('Given year 0027, year 2227 or 30 February, When parsed, Then each is refused with a message that says how to fix it', () => {
    const refuse = (text: string) => {
      const r = parseLocalDateTime(text);
      return r.ok ? null : localDateTimeErrorMessage(r.error);
    };
    expect(refuse('0027-01-10 04:35')).toBe('Enter a date between 2000-01-01 and 2100-12-31');
    expect(refuse('2227-01-10 04:35')).toBe('Enter a date between 2000-01-01 and 2100-12-31');
    expect(refuse('2027-02-30 04:35')).toBe(
      'This day does not exist in the calendar; check the day and month',
    );
    expect(refuse('2027-01-10 25:10')).toBe('Enter a time between 00:00 and 23:59 (24-hour clock)');
    expect(refuse('01/10/2027 4:35 PM')).toBe(
      'Enter the date and time as YYYY-MM-DD HH:mm (24-hour clock), for example 2026-03-29 14:05',
    );
    expect(refuse('2027-01-10')).toBe(
      'Enter the date and time as YYYY-MM-DD HH:mm (24-hour clock), for example 2026-03-29 14:05',
    );
  });
  it('Given 30 February as a plain date, When parsed, Then it is refused as a day that does not exist', () => {
    expect(parseIsoDate('2027-02-30')).toEqual({ ok: false, error: { code: 'not_a_day' } });
  });
});

describe('dates of birth', () => {
  it('Given a date of birth after today, When checked, Then it is refused (no negative age)', () => {
    expect(birthDateError('2031-05-01', '2026-03-29' as never)).toBe(
      'A date of birth cannot be in the future (today is 2026-03-29); check the year',
    );
    expect(birthDateError('2026-03-29', '2026-03-29' as never)).toBeNull();
    expect(birthDateError('1990-05-01', '2026-03-29' as never)).toBeNull();
  });
});
