/** Nights and days of stays, per person and per case; extensions moving the end. */
import { describe, expect, it } from 'vitest';
import {
  caseDuration,
  caseSummary,
  draftExtension,
  effectiveEnd,
  formatSummary,
  personNights,
  personPresence,
  presenceByPerson,
  stayDays,
  stayNights,
  strayExtensions,
} from '../../../src/domain/duration';
import type { PersonId } from '../../../src/domain/ids';
import { makeCase, makeExtension, makePerson, makeStay } from '../builders';

const p1 = 'p-1' as PersonId;
const p2 = 'p-2' as PersonId;

describe('stay nights and days', () => {
  it('Given a stay 28 March to 26 June, When counted, Then it is 90 nights and 91 days (across the DST change)', () => {
    const s = makeStay();
    expect(stayNights(s)).toBe(90);
    expect(stayDays(s)).toBe(91);
  });
  it('Given a person in two stays, When their presence is computed, Then it runs from first check-in to last check-out', () => {
    const stays = [
      makeStay({
        id: 's1',
        checkIn: '2026-03-28',
        checkOut: '2026-04-10',
        personIds: ['p-1', 'p-2'],
      }),
      makeStay({ id: 's2', checkIn: '2026-04-10', checkOut: '2026-05-01', personIds: ['p-1'] }),
    ];
    expect(personPresence(p1, stays)).toEqual({
      from: '2026-03-28',
      to: '2026-05-01',
      nights: 34,
      days: 35,
    });
    expect(personPresence(p2, stays)).toEqual({
      from: '2026-03-28',
      to: '2026-04-10',
      nights: 13,
      days: 14,
    });
    expect(personPresence('p-9' as PersonId, stays)).toBeNull();
    expect([...presenceByPerson(stays).keys()]).toEqual(['p-1', 'p-2']);
    expect(personNights(stays)).toBe(13 * 2 + 21);
  });
});

describe('extensions and case duration', () => {
  it('Given two chained extensions, When the end is computed, Then it follows the chain', () => {
    const c = makeCase();
    const exts = [
      makeExtension({ id: 'e2', fromEnd: '2026-07-26', toEnd: '2026-08-26' }),
      makeExtension(),
    ];
    expect(effectiveEnd(c, exts)).toBe('2026-08-26');
    expect(caseDuration(c, exts)).toEqual({
      from: '2026-03-28',
      to: '2026-08-26',
      nights: 151,
      days: 152,
      extendedNights: 61,
    });
  });
  it('Given the case end already moved to the last extension, When the end is computed, Then it is not extended twice', () => {
    expect(effectiveEnd(makeCase({ plannedEnd: '2026-07-26' }), [makeExtension()])).toBe(
      '2026-07-26',
    );
  });
  it('Given an extension recorded from a date that is not the end in force, When checked, Then it is stray and ignored', () => {
    const stray = makeExtension({ id: 'x', fromEnd: '2026-06-20', toEnd: '2026-09-01' });
    expect(effectiveEnd(makeCase(), [stray])).toBe('2026-06-26');
    expect(strayExtensions(makeCase(), [makeExtension(), stray]).map((e) => e.id)).toEqual(['x']);
  });
  it('Given actual dates, When the duration is computed, Then they win over planned ones', () => {
    expect(
      caseDuration(makeCase({ actualStart: '2026-03-30', actualEnd: '2026-04-30' })),
    ).toMatchObject({ from: '2026-03-30', to: '2026-04-30', nights: 31 });
    expect(caseDuration(makeCase({ plannedStart: null }))).toBeNull();
  });
  it('Given a relocated case, When drafting an extension to a later date, Then it starts from the end in force', () => {
    const r = draftExtension(makeCase({ status: 'relocated' }), [makeExtension()], {
      toEnd: '2026-09-01',
      reason: 'Trial postponed',
      approvedBy: 'PO Ana',
      approvedOn: '2026-07-01',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        caseId: 'case-1',
        fromEnd: '2026-07-26',
        toEnd: '2026-09-01',
        reason: 'Trial postponed',
        approvedBy: 'PO Ana',
        approvedOn: '2026-07-01',
      },
    });
  });
  it('Given a new end not after the current one, or a case still in planning, When drafting, Then field errors explain why', () => {
    const r = draftExtension(makeCase({ status: 'planning' }), [], {
      toEnd: '2026-06-26',
      reason: '',
      approvedBy: 'PO',
      approvedOn: '2026-06-01',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((e) => e.field)).toEqual(['status', 'toEnd', 'reason']);
  });
});

describe('summary', () => {
  it('Given 90 nights and 3 people, When summarised, Then it reads "90 nights · 3 people"', () => {
    const people = [makePerson(), makePerson({ id: 'p-2' }), makePerson({ id: 'p-3' })];
    const s = caseSummary({
      case: makeCase(),
      people,
      stays: [makeStay({ personIds: ['p-1', 'p-2', 'p-3'] })],
    });
    expect(s).toMatchObject({ nights: 90, peopleCount: 3, personNights: 270, extended: false });
    expect(formatSummary(s)).toBe('90 nights · 3 people');
    expect(formatSummary({ nights: 1, peopleCount: 1 })).toBe('1 night · 1 person');
  });
});
