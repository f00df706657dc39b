/**
 * The route of one case, as maps draw it: its legs in departure order (cancelled ones left out),
 * flights as great-circle arcs and ground travel as straight lines, the places they touch
 * (origin, stops) and the hosts where its people stay. Each leg belongs to a "party": the set of
 * people travelling on it, so a family that splits is drawn as distinguishable lines.
 *
 * Redacted (for a printed copy that may travel): host stays are placed at their rounded place
 * (about 10 km) and labelled by city only; no host code name, no exact coordinates.
 */
import type { HostLocation } from '../entities/host';
import type { LegMode, TravelLeg } from '../entities/leg';
import type { Person } from '../entities/person';
import type { Stay } from '../entities/stay';
import type { HostId } from '../ids';
import { toEpochMs, type IsoDate } from '../time';
import { roundCoordinates } from './rounding';
import { chainLines, segmentLine, type SegmentKind } from './route';
import type { LatLng } from './coordinates';

export type RouteStopKind = 'origin' | 'stop' | 'stay';

export interface RouteStop {
  /** Stable key: `place:<country>:<name>` or `stay:<stay id>`. */
  readonly key: string;
  readonly kind: RouteStopKind;
  /** The place name ("Tbilisi"), or for a stay the host code name and city unless redacted. */
  readonly label: string;
  readonly countryCode: string;
  readonly at: LatLng;
  /** 1-based order of first visit along the route (stays follow the legs, by check-in). */
  readonly order: number;
  /** Stays only. */
  readonly checkIn?: IsoDate;
  readonly checkOut?: IsoDate;
}

export interface RouteSegment {
  readonly legId: string;
  readonly kind: SegmentKind;
  readonly mode: LegMode;
  readonly from: LatLng;
  readonly to: LatLng;
  /** Index into `parties`. */
  readonly party: number;
  /** The unwrapped line (GeoJSON [lng, lat] positions), continuous with the party's previous leg. */
  readonly line: [number, number][];
}

export interface RouteParty {
  /** The people's code names, sorted. */
  readonly people: readonly string[];
}

export interface CaseRoute {
  readonly caseCodeName: string;
  readonly stops: readonly RouteStop[];
  readonly segments: readonly RouteSegment[];
  readonly parties: readonly RouteParty[];
}

/** What `caseRoute` reads: a CaseBundle (domain/planning) has all of it. */
export interface CaseRouteSource {
  readonly case: { readonly codeName: string };
  readonly legs: readonly TravelLeg[];
  readonly stays: readonly Stay[];
  readonly people: readonly Pick<Person, 'id' | 'codeName'>[];
}

function placeKey(p: { countryCode: string; name: string }): string {
  return `place:${p.countryCode}:${p.name.toLowerCase()}`;
}

function legOrder(a: TravelLeg, b: TravelLeg): number {
  const ta = toEpochMs(a.depart) ?? Number.POSITIVE_INFINITY;
  const tb = toEpochMs(b.depart) ?? Number.POSITIVE_INFINITY;
  return ta - tb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The route of a case (see file comment). Deterministic for the same records. */
export function caseRoute(
  source: CaseRouteSource,
  hosts: ReadonlyMap<HostId | string, HostLocation>,
  options: { readonly redact: boolean },
): CaseRoute {
  const names = new Map(source.people.map((p) => [p.id as string, p.codeName]));
  const legs = source.legs.filter((l) => l.status !== 'cancelled').sort(legOrder);
  const partyIndex = new Map<string, number>();
  const parties: RouteParty[] = [];
  const stops: RouteStop[] = [];
  const seen = new Set<string>();
  const addPlace = (kind: RouteStopKind, p: TravelLeg['from']) => {
    const key = placeKey(p);
    if (seen.has(key)) return;
    seen.add(key);
    stops.push({
      key,
      kind,
      label: p.name,
      countryCode: p.countryCode,
      at: { lat: p.lat, lng: p.lng },
      order: stops.length + 1,
    });
  };
  const raw: Omit<RouteSegment, 'line'>[] = [];
  for (const leg of legs) {
    const people = [...new Set(leg.travellerIds.map((id) => names.get(id) ?? '?'))].sort();
    const partyKey = people.join('\u0000');
    let party = partyIndex.get(partyKey);
    if (party === undefined) {
      party = parties.length;
      partyIndex.set(partyKey, party);
      parties.push({ people });
    }
    addPlace(stops.length === 0 ? 'origin' : 'stop', leg.from);
    addPlace('stop', leg.to);
    raw.push({
      legId: leg.id,
      kind: leg.mode === 'flight' ? 'flight' : 'ground',
      mode: leg.mode,
      from: { lat: leg.from.lat, lng: leg.from.lng },
      to: { lat: leg.to.lat, lng: leg.to.lng },
      party,
    });
  }
  // Each party's legs chained so its line stays continuous across 180°.
  const lines = new Map<number, [number, number][]>();
  for (let p = 0; p < parties.length; p++) {
    const mine = raw.filter((s) => s.party === p);
    const chained = chainLines(mine.map((s) => segmentLine(s.kind, s.from, s.to)));
    mine.forEach((s, i) => lines.set(raw.indexOf(s), chained[i] ?? []));
  }
  const segments = raw.map((s, i) => ({ ...s, line: lines.get(i) ?? [] }));
  const stays = [...source.stays].sort((a, b) =>
    a.checkIn < b.checkIn ? -1 : a.checkIn > b.checkIn ? 1 : a.id < b.id ? -1 : 1,
  );
  for (const s of stays) {
    const host = hosts.get(s.hostId);
    if (!host) continue;
    const exact = { lat: host.lat, lng: host.lng };
    stops.push({
      key: `stay:${s.id}`,
      kind: 'stay',
      label: options.redact ? host.city : `${host.codeName} (${host.city})`,
      countryCode: host.countryCode,
      at: options.redact ? roundCoordinates(exact, '10km') : exact,
      order: stops.length + 1,
      checkIn: s.checkIn,
      checkOut: s.checkOut,
    });
  }
  return { caseCodeName: source.case.codeName, stops, segments, parties };
}
