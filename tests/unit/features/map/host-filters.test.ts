/**
 * The Map page's rows: hosts sorted once by code name (numbers in order, case and accents aside),
 * availability per query across every case's stays, and a row object kept when its host and
 * availability did not change (the markers and list then see only what changed).
 */
import { describe, expect, it } from 'vitest';
import type { AvailabilityQuery } from '../../../../src/domain/availability';
import type { Stay } from '../../../../src/domain/entities';
import {
  filterRows,
  hostRows,
  sortHosts,
  type HostFilters,
} from '../../../../src/features/map/host-filters';
import { makeHost, makeStay } from '../../builders';

const ALL: HostFilters = {
  country: null,
  type: null,
  services: [],
  minBeds: 1,
  statuses: ['free', 'partly_free', 'full', 'unavailable'],
};

describe('map host rows', () => {
  const a = makeHost({ id: 'h-a', codeName: 'Host 10', capacityBeds: 1 });
  const b = makeHost({ id: 'h-b', codeName: 'host 9', capacityBeds: 2 });
  const c = makeHost({ id: 'h-c', codeName: 'Élan', capacityBeds: 1 });
  const stay = makeStay({
    id: 's-1',
    hostId: 'h-a',
    checkIn: '2026-05-01',
    checkOut: '2026-05-08',
  });
  const byHost = new Map<string, readonly Stay[]>([['h-a', [stay]]]);
  const may = { from: '2026-05-02', to: '2026-05-05', people: 1 } as AvailabilityQuery;

  it('Given hosts, When sorted, Then by code name with numbers in order and case and accents aside', () => {
    expect(sortHosts([a, b, c]).map((h) => h.codeName)).toEqual(['Élan', 'host 9', 'Host 10']);
  });

  it("Given another case's stay fills a host, When rows are made, Then that host is full and the others free", () => {
    const rows = hostRows(sortHosts([a, b, c]), byHost, may);
    expect(rows.map((r) => [r.host.id, r.availability.status])).toEqual([
      ['h-c', 'free'],
      ['h-b', 'free'],
      ['h-a', 'full'],
    ]);
    expect(filterRows(rows, { ...ALL, statuses: ['free'] }).map((r) => r.host.id)).toEqual([
      'h-c',
      'h-b',
    ]);
  });

  it('Given the previous rows, When the query changes, Then unchanged rows are the same objects and changed ones new', () => {
    const sorted = sortHosts([a, b, c]);
    const before = hostRows(sorted, byHost, may);
    const previous = new Map(before.map((r) => [r.host.id, r]));
    const two = hostRows(sorted, byHost, { ...may, people: 2 }, previous);
    expect(two[0]).not.toBe(before[0]); // Élan: 1 bed, 2 people: unavailable now
    expect(two[0]?.availability.status).toBe('unavailable');
    expect(two[1]?.availability.status).toBe('free');
    const again = hostRows(sorted, byHost, may, previous);
    expect(again).toEqual(before);
    again.forEach((r, i) => expect(r).toBe(before[i]));
  });
});
