import { describe, expect, it } from 'vitest';
import { availabilityByHost, hostAvailability } from '../../../src/domain/availability';
import { staysByHost } from '../../../src/domain/planning';
import type { IsoDate } from '../../../src/domain/time';
import { aHost, aStay } from '../builders';

const d = (s: string) => s as IsoDate;
const q = (from: string, to: string, people: number) => ({ from: d(from), to: d(to), people });

// A host with 4 beds, open all of 2027.
const host = aHost('h1', {
  capacityBeds: 4,
  availability: [{ from: '2027-01-01', to: '2027-12-31' }],
});
// Three cases' stays at it: case A 2 people 03-01..03-10, case B 1 person 03-05..03-20, case C 2 people 03-15..03-25.
const stays = [
  aStay('sA', 'cA', 'h1', '2027-03-01', '2027-03-10', ['a1', 'a2']),
  aStay('sB', 'cB', 'h1', '2027-03-05', '2027-03-20', ['b1']),
  aStay('sC', 'cC', 'h1', '2027-03-15', '2027-03-25', ['c1', 'c2']),
];

describe('host availability across several cases', () => {
  it('given no stay in the range, then free for up to the beds, unavailable above', () => {
    expect(hostAvailability(host, stays, q('2027-04-01', '2027-04-10', 4)).status).toBe('free');
    expect(hostAvailability(host, stays, q('2027-04-01', '2027-04-10', 5)).status).toBe(
      'unavailable',
    );
  });

  it('given cases A and B overlapping (3 of 4 beds on 03-05..03-09), then 1 person fits, 2 fit only partly', () => {
    const one = hostAvailability(host, stays, q('2027-03-01', '2027-03-10', 1));
    expect(one).toEqual({ status: 'free', nights: 9, nightsFree: 9, fewestFreeBeds: 1 });
    const two = hostAvailability(host, stays, q('2027-03-01', '2027-03-10', 2));
    // 03-01..03-04: 2 used, 2 free (fits); 03-05..03-09: 3 used, 1 free (does not).
    expect(two).toEqual({ status: 'partly_free', nights: 9, nightsFree: 4, fewestFreeBeds: 1 });
  });

  it('given B and C overlapping (3 used on 03-15..03-19), then 2 people are full there', () => {
    expect(hostAvailability(host, stays, q('2027-03-15', '2027-03-20', 2)).status).toBe('full');
    // After B leaves, C alone leaves 2 beds: partly free over 03-15..03-25.
    expect(hostAvailability(host, stays, q('2027-03-15', '2027-03-25', 2))).toMatchObject({
      status: 'partly_free',
      nightsFree: 5,
    });
  });

  it('given a check-out day, then that night is free again (check-out excluded)', () => {
    expect(hostAvailability(host, stays, q('2027-03-25', '2027-03-27', 4)).status).toBe('free');
    expect(hostAvailability(host, stays, q('2027-03-24', '2027-03-27', 4)).status).toBe(
      'partly_free',
    );
  });

  it('given availability windows, then closed nights count against, and a closed range is unavailable', () => {
    const windows = aHost('h2', {
      capacityBeds: 2,
      availability: [
        { from: '2027-05-01', to: '2027-05-10' },
        { from: '2027-05-20', to: '2027-06-01' },
      ],
    });
    expect(hostAvailability(windows, [], q('2027-05-02', '2027-05-09', 2)).status).toBe('free');
    expect(hostAvailability(windows, [], q('2027-05-05', '2027-05-25', 1))).toMatchObject({
      status: 'partly_free',
      nightsFree: 10,
    });
    expect(hostAvailability(windows, [], q('2027-05-10', '2027-05-20', 1)).status).toBe(
      'unavailable',
    );
  });

  it('given a host without windows, then it is open every night (as the plan checks read it)', () => {
    const open = aHost('h3', { capacityBeds: 2, availability: [] });
    expect(hostAvailability(open, [], q('2030-01-01', '2030-02-01', 2)).status).toBe('free');
  });

  it('given an empty range, then unavailable', () => {
    expect(hostAvailability(host, stays, q('2027-03-01', '2027-03-01', 1)).status).toBe(
      'unavailable',
    );
  });

  it('given hosts and the stays per host, then each host is judged on its own stays only', () => {
    const other = aHost('h2', { capacityBeds: 1, availability: [] });
    const all = [...stays, aStay('sD', 'cD', 'h2', '2027-03-01', '2027-03-05', ['d1'])];
    const by = availabilityByHost(
      [host, other],
      staysByHost(all),
      q('2027-03-01', '2027-03-05', 1),
    );
    expect(by.get('h1')?.status).toBe('free');
    expect(by.get('h2')?.status).toBe('full');
  });

  it('given a stay added by another case, then a free host becomes full', () => {
    const small = aHost('h4', { capacityBeds: 2, availability: [] });
    const range = q('2027-07-01', '2027-07-08', 2);
    expect(hostAvailability(small, [], range).status).toBe('free');
    const filled = [aStay('sX', 'cX', 'h4', '2027-06-28', '2027-07-10', ['x1'])];
    expect(hostAvailability(small, filled, range).status).toBe('full');
  });
});
