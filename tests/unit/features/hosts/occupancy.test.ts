/** Host occupancy over a window. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/domain/time';
import { nightLevel, occupancy } from '../../../../src/features/hosts/occupancy';
import { aStay } from '../../builders';

describe('occupancy', () => {
  const stays = [
    aStay('s1', 'c1', 'h1', '2027-01-10', '2027-01-20', ['a', 'b', 'c']),
    aStay('s2', 'c2', 'h1', '2027-01-15', '2027-02-01', ['d', 'e']),
    aStay('s3', 'c3', 'h2', '2027-01-01', '2027-12-01', ['f']),
    aStay('s4', 'c4', 'h1', '2026-12-01', '2027-01-03', ['g']),
  ];

  it('sums beds per night across cases, check-in night counted, check-out night not', () => {
    const o = occupancy('h1', stays, '2027-01-01' as IsoDate, 40);
    expect(o.nights[0]).toBe(1); // s4 started before the window
    expect(o.nights[2]).toBe(0); // 01-03 is s4's check-out day
    expect(o.nights[9]).toBe(3); // 01-10
    expect(o.nights[14]).toBe(5); // 01-15: both cases
    expect(o.nights[19]).toBe(2); // 01-20: s1 has left
    expect(o.nights[31]).toBe(0); // 02-01
    expect(o).toMatchObject({ peak: 5, peakNight: '2027-01-15', usedNights: 2 + 22 });
  });

  it('is empty for a host nobody uses, and stays within the window', () => {
    expect(occupancy('h9', stays, '2027-01-01' as IsoDate)).toMatchObject({
      peak: 0,
      peakNight: null,
      usedNights: 0,
    });
    expect(occupancy('h2', stays, '2027-01-01' as IsoDate).nights).toHaveLength(90);
  });

  it('grades a night against the beds', () => {
    expect([nightLevel(0, 4), nightLevel(2, 4), nightLevel(4, 4), nightLevel(5, 4)]).toEqual([
      'free',
      'partial',
      'full',
      'over',
    ]);
  });
});
