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

export function hostRows(
  hosts: readonly HostLocation[],
  byHost: ReadonlyMap<string, readonly Stay[]>,
  query: AvailabilityQuery,
): HostRow[] {
  const by = availabilityByHost(hosts, byHost, query);
  return hosts
    .map((host) => ({
      host,
      availability: by.get(host.id) ?? {
        status: 'unavailable' as const,
        nights: 0,
        nightsFree: 0,
        fewestFreeBeds: null,
      },
    }))
    .sort(
      (a, b) => a.host.codeName.localeCompare(b.host.codeName) || (a.host.id < b.host.id ? -1 : 1),
    );
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
