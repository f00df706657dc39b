/** The pack's local days (domain/itinerary/days.ts): DST, the date line, connections. */
import { describe, expect, it } from 'vitest';
import { packDays, selectPack, type DayEntry } from '../../../../src/domain/itinerary';
import { isoDate } from '../../../../src/domain/time';
import { packFixture } from './pack-fixture';

const { ids, bundles, hosts } = packFixture();
const pack = selectPack([bundles.get(ids.caseId)!], hosts, {
  variant: { kind: 'coordinator' },
  legalNamesFor: new Set(),
  redactAddresses: false,
  today: isoDate('2026-12-02'),
});
const days = packDays(pack.cases[0]!);
const legs = days.flatMap((d) =>
  d.entries.filter((e): e is Extract<DayEntry, { kind: 'leg' }> => e.kind === 'leg'),
);
const byNumber = (n: string) => legs.find((e) => e.leg.leg.number === n)!;

describe('packDays', () => {
  it('groups by the local day of departure, with check-outs before and check-ins after the legs', () => {
    expect(days.map((d) => d.date)).toEqual([
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
      '2027-03-28',
      '2027-05-30',
    ]);
    expect(days[0]?.entries.map((e) => (e.kind === 'leg' ? e.leg.leg.number : e.kind))).toEqual([
      'TK383',
      'AF1391',
      'TK9118',
    ]);
    expect(days[2]?.entries.map((e) => e.kind)).toEqual(['check-out', 'leg']);
    expect(days[3]?.entries.map((e) => e.kind)).toEqual(['leg', 'check-in']);
  });

  it('gives durations from instants: 2 h 20 across the spring DST change, 8 h 45 across the date line', () => {
    expect(byNumber('ES453').durationMinutes).toBe(140);
    expect(byNumber('NZ10').durationMinutes).toBe(525);
    expect(byNumber('TK9118').durationMinutes).toBe(19 * 60 + 15);
  });

  it('marks an arrival on another local day, even an earlier one (the date line)', () => {
    expect(byNumber('TK9118').arrivesOn).toBe('2027-03-02');
    expect(byNumber('NZ10').arrivesOn).toBe('2027-03-02');
    expect(byNumber('TK383').arrivesOn).toBeNull();
  });

  it("gives each leg's connection from its travellers' previous arrival, under a day only", () => {
    expect(byNumber('TK383').connectionMinutes).toBeNull();
    expect(byNumber('TK9118').connectionMinutes).toBe(175);
    expect(byNumber('AF1391').connectionMinutes).toBe(150);
    expect(byNumber('NZ10').connectionMinutes).toBe(610);
    // Birch arrived in Paris CDG on 1 March; the train leaves Paris Est weeks later: no connection.
    expect(byNumber('ES453').connectionMinutes).toBeNull();
    expect(legs.every((e) => !e.connectionElsewhere)).toBe(true);
  });
});
