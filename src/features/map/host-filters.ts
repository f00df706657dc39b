/**
 * The Map page's host filters: country, type, services (all of those chosen), beds, and the
 * availability for the chosen dates and people (computed once per query by the domain's
 * `availabilityByHost`, across every case's stays).
 */
import {
  availabilityByHost,
  type Availability,
  type AvailabilityQuery,
  type HostAvailability,
} from '../../domain/availability';
import type { HostLocation, HostService, HostType, Stay } from '../../domain/entities';

export interface HostFilters {
  readonly country: string | null;
  readonly type: HostType | null;
  readonly services: readonly HostService[];
  readonly minBeds: number;
  readonly statuses: readonly Availability[];
}

export interface HostRow {
  readonly host: HostLocation;
  readonly availability: HostAvailability;
}

const byCodeName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

// Keyed by the planning index's hosts array (a new array on any host change), so a later visit
// of the page does not sort again; weak, so nothing outlives the array (it goes with a lock).
const sortedOf = new WeakMap<readonly HostLocation[], HostLocation[]>();

/** Hosts in list order (code name, then id), sorted once per change of the hosts, not per query. */
export function sortHosts(hosts: readonly HostLocation[]): readonly HostLocation[] {
  const known = sortedOf.get(hosts);
  if (known) return known;
  const sorted = [...hosts].sort(
    (a, b) =>
      byCodeName.compare(a.codeName, b.codeName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  sortedOf.set(hosts, sorted);
  return sorted;
}

const CLOSED: HostAvailability = {
  status: 'unavailable',
  nights: 0,
  nightsFree: 0,
  fewestFreeBeds: null,
};

/**
 * One row per host, in the order given (`sortHosts`), with its availability for the query. A row
 * whose availability did not change keeps the previous row object (`previous`), so the markers
 * and the list see only what changed.
 */
export function hostRows(
  sortedHosts: readonly HostLocation[],
  byHost: ReadonlyMap<string, readonly Stay[]>,
  query: AvailabilityQuery,
  previous?: ReadonlyMap<string, HostRow>,
): HostRow[] {
  const by = availabilityByHost(sortedHosts, byHost, query);
  return sortedHosts.map((host) => {
    const availability = by.get(host.id) ?? CLOSED;
    const before = previous?.get(host.id);
    return before &&
      before.host === host &&
      before.availability.status === availability.status &&
      before.availability.fewestFreeBeds === availability.fewestFreeBeds &&
      before.availability.nightsFree === availability.nightsFree
      ? before
      : { host, availability };
  });
}

export function filterRows(rows: readonly HostRow[], f: HostFilters): HostRow[] {
  const statuses = new Set(f.statuses);
  return rows.filter(
    ({ host, availability }) =>
      (f.country === null || host.countryCode === f.country) &&
      (f.type === null || host.type === f.type) &&
      f.services.every((s) => host.services.includes(s)) &&
      host.capacityBeds >= f.minBeds &&
      statuses.has(availability.status),
  );
}
