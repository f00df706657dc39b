import { describe, expect, it } from 'vitest';
import { buildIcs, icsFileName } from '../../../src/domain/ics';
import { makeCase, makeCheckpoint, makeLeg } from '../builders';
import { parseIcs } from './ics-parse';

const heron = makeCase({ codeName: 'Heron' });
// Tbilisi (UTC+4) 04:35 → Istanbul (UTC+3) 06:20: 02:20 real time.
const outbound = makeLeg({ id: 'out', bookingReference: 'QX7Y2Z' });
// Leaves Paris at 01:30 CET on the night its clocks go forward (02:00 → 03:00).
const overDst = makeLeg({
  id: 'dst',
  from: { ...makeLeg().to, name: 'Paris', countryCode: 'FR', zone: 'Europe/Paris' },
  to: makeLeg().from,
  depart: { local: '2027-03-28T01:30', zone: 'Europe/Paris' },
  arrive: { local: '2027-03-28T09:30', zone: 'Asia/Tbilisi' },
});
const cancelled = makeLeg({ id: 'gone', status: 'cancelled' });
const review = makeCheckpoint({ id: 'cp', dueDate: '2026-06-12', kind: 'pre_return' });

describe('ICS export', () => {
  const result = buildIcs(
    [{ case: heron, legs: [outbound, overDst, cancelled], checkpoints: [review] }],
    Date.UTC(2026, 0, 1),
  );
  const { events, zones } = parseIcs(result.text);

  it('Given two legs, a cancelled one and a review, When exported, Then three events (the cancelled leg left out)', () => {
    expect(result).toMatchObject({ legs: 2, checkpoints: 1, skipped: 0 });
    expect(events.map((e) => e.uid).sort()).toEqual([
      'checkpoint-cp@haven',
      'leg-dst@haven',
      'leg-out@haven',
    ]);
  });

  it('Given a leg across zones, When parsed back with its VTIMEZONEs, Then it starts at the departure instant in the departure zone and ends at the arrival instant', () => {
    expect(zones.sort()).toEqual(['Asia/Tbilisi', 'Europe/Paris']);
    const out = events.find((e) => e.uid === 'leg-out@haven');
    expect(out?.startZone).toBe('Asia/Tbilisi');
    expect(out?.start).toBe(Date.UTC(2026, 2, 28, 0, 35));
    expect(out?.end).toBe(Date.UTC(2026, 2, 28, 3, 20));
    expect(out?.summary).toBe('Heron: Flight TK TK385 Tbilisi → Istanbul');
    expect(out?.description).toMatch(/06:20/);
    expect(out?.description).toMatch(/Europe\/Istanbul/);
  });

  it('Given a departure on the night Paris moves its clocks forward, When parsed, Then the instants are right on both sides of the change', () => {
    const dst = events.find((e) => e.uid === 'leg-dst@haven');
    expect(dst?.startZone).toBe('Europe/Paris');
    expect(dst?.start).toBe(Date.UTC(2027, 2, 28, 0, 30)); // 01:30 CET = 00:30 UTC
    expect(dst?.end).toBe(Date.UTC(2027, 2, 28, 5, 30)); // 09:30 in Tbilisi = 05:30 UTC
  });

  it('Given a review, When exported, Then it is an all-day event on its due date named by code name and kind', () => {
    const cp = events.find((e) => e.uid === 'checkpoint-cp@haven');
    expect(cp?.allDay).toBe(true);
    expect(cp?.startDate).toBe('2026-06-12');
    expect(cp?.summary).toBe('Heron: Pre-return review (return-readiness review)');
  });

  it('Given a leg with a booking reference, When exported, Then the reference is not in the file', () => {
    expect(result.text).not.toContain('QX7Y2Z');
  });

  it('Given a scope, When naming the file, Then only the code name or "all cases" and the day', () => {
    expect(icsFileName('Heron 2', '2026-05-01')).toBe('haven-calendar-heron-2-2026-05-01.ics');
    expect(icsFileName(null, '2026-05-01')).toBe('haven-calendar-all-cases-2026-05-01.ics');
  });
});
