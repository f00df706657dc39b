/** The travel timeline (local times, durations, connections). */
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../../src/features/travel/timeline';
import { aLeg, aStay } from '../../builders';

describe('buildTimeline', () => {
  it('shows local times with zone and offset, durations once zones apply, and the connection', () => {
    const legs = [
      aLeg('l2', 'c', 'istanbul', 'amsterdam', '2027-01-10T08:05', '2027-01-10T10:45', ['p']),
      aLeg('l1', 'c', 'tbilisi', 'istanbul', '2027-01-10T04:35', '2027-01-10T06:10', ['p']),
    ];
    const [first, second] = buildTimeline(legs);
    expect(first?.leg.id).toBe('l1');
    expect(first?.departText).toBe('Sun 10 Jan 2027, 04:35 GET (UTC+4)');
    expect(first?.arriveText).toBe('Sun 10 Jan 2027, 06:10 TRT (UTC+3)');
    expect(first?.durationText).toBe('2 h 35 min');
    expect(first?.next).toMatchObject({
      minutes: 115,
      text: '1 h 55 min',
      short: false,
      gap: false,
    });
    expect(second?.arriveText).toBe('Sun 10 Jan 2027, 10:45 CET (UTC+1)');
    expect(second?.durationText).toBe('4 h 40 min');
    expect(second?.next).toBeNull();
  });

  it('flags a short connection and a next leg that leaves from elsewhere', () => {
    const short = buildTimeline([
      aLeg('l1', 'c', 'tbilisi', 'istanbul', '2027-01-10T04:35', '2027-01-10T06:10', ['p']),
      aLeg('l2', 'c', 'istanbul', 'amsterdam', '2027-01-10T06:40', '2027-01-10T09:20', ['p']),
    ]);
    expect(short[0]?.next).toMatchObject({ minutes: 30, minimum: 60, short: true, gap: false });
    const gap = buildTimeline([
      aLeg('l1', 'c', 'tbilisi', 'istanbul', '2027-01-10T04:35', '2027-01-10T06:10', ['p']),
      aLeg('l2', 'c', 'ankara', 'amsterdam', '2027-01-10T08:05', '2027-01-10T10:45', ['p']),
    ]);
    expect(gap[0]?.next?.gap).toBe(true);
  });

  it('counts a flight across the date line by its instants, not its dates', () => {
    // Auckland 23:00 (UTC+13 in January) to Honolulu, arriving the previous calendar day.
    const [leg] = buildTimeline([
      aLeg('l1', 'c', 'auckland', 'honolulu', '2027-01-10T23:00', '2027-01-10T08:45', ['p']),
    ]);
    expect(leg?.durationText).toBe('8 h 45 min');
    expect(leg?.negative).toBe(false);
  });

  it('marks a leg that arrives before it departs, and connects only legs that share a traveller', () => {
    const [bad] = buildTimeline([
      aLeg('l1', 'c', 'amsterdam', 'tbilisi', '2027-02-01T10:00', '2027-02-01T12:30', ['p']),
    ]);
    expect(bad?.negative).toBe(true);
    const apart = buildTimeline([
      aLeg('l1', 'c', 'tbilisi', 'istanbul', '2027-01-10T04:35', '2027-01-10T06:10', ['p']),
      aLeg('l2', 'c', 'istanbul', 'amsterdam', '2027-01-10T06:40', '2027-01-10T09:20', ['q']),
    ]);
    expect(apart[0]?.next).toBeNull();
  });

  it('breaks the journey at a stay: a 90-night stay between two legs is not a connection', () => {
    const legs = [
      aLeg('l1', 'c', 'istanbul', 'amsterdam', '2027-01-10T08:05', '2027-01-10T10:45', ['p', 'q']),
      aLeg('l2', 'c', 'amsterdam', 'istanbul', '2027-04-10T10:00', '2027-04-10T14:30', ['p', 'q']),
    ];
    const stay = aStay('s1', 'c', 'h1', '2027-01-10', '2027-04-10', ['p', 'q']);
    const [out, back] = buildTimeline(legs, [stay]);
    expect(out?.next).toBeNull();
    expect(out?.stayAfter).toEqual({ stay, nights: 90 });
    expect(back?.stayAfter).toBeNull();
    // Without the stay (or with a stay of other people) the same pair is a connection.
    const other = aStay('s2', 'c', 'h1', '2027-01-10', '2027-04-10', ['r']);
    const [bare] = buildTimeline(legs, [other]);
    expect(bare?.stayAfter).toBeNull();
    expect(bare?.next?.text).toBe('89 d 22 h');
  });

  it('shows an overnight stopover stay between two legs, and keeps a same-day connection', () => {
    const legs = [
      aLeg('l1', 'c', 'tbilisi', 'istanbul', '2027-01-10T20:00', '2027-01-10T21:30', ['p']),
      aLeg('l2', 'c', 'istanbul', 'amsterdam', '2027-01-11T08:05', '2027-01-11T10:45', ['p']),
    ];
    const hotel = aStay('s1', 'c', 'h2', '2027-01-10', '2027-01-11', ['p']);
    expect(buildTimeline(legs, [hotel])[0]?.stayAfter?.nights).toBe(1);
    // A stay that ended the day they arrive is behind them, not between the legs.
    const before = aStay('s0', 'c', 'h2', '2027-01-01', '2027-01-10', ['p']);
    expect(buildTimeline(legs, [before])[0]?.next).not.toBeNull();
  });

  it('lists cancelled legs last, without connections', () => {
    const t = buildTimeline([
      aLeg('l0', 'c', 'tbilisi', 'istanbul', '2027-01-09T04:35', '2027-01-09T06:10', ['p'], {
        status: 'cancelled',
      }),
      aLeg('l1', 'c', 'tbilisi', 'istanbul', '2027-01-10T04:35', '2027-01-10T06:10', ['p']),
    ]);
    expect(t.map((x) => x.leg.id)).toEqual(['l1', 'l0']);
    expect(t[1]?.next).toBeNull();
  });
});
