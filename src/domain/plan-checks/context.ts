/**
 * What every check module shares: the context built once per run from the input (hosts and people
 * by id, the legs whose times resolve sorted by departure, each traveller's legs) and the small
 * helpers that name things in messages. Messages use code names only, never legal names.
 */
import type { HostLocation } from '../entities/host';
import type { LegMode, Place, TravelLeg } from '../entities/leg';
import type { Person } from '../entities/person';
import { effectiveEnd } from '../duration';
import { distanceKm, normalizePlaceName } from '../geo';
import type { HostId, PersonId } from '../ids';
import { resolveLocal, type IsoDate } from '../time';
import {
  DEFAULT_MIN_CONNECTION_MINUTES,
  type CheckArea,
  type Finding,
  type PlanCheckInput,
  type PlanCheckOptions,
} from './types';

export interface LegInfo {
  readonly leg: TravelLeg;
  readonly dep: number;
  readonly arr: number;
  /** Which ends fall in the repeated hour when clocks go back. */
  readonly ambiguous: readonly ('depart' | 'arrive')[];
}

export interface PlanContext {
  readonly input: PlanCheckInput;
  readonly minConnection: Readonly<Record<LegMode, number>>;
  readonly km: number;
  readonly docMonths: number;
  readonly urgentDays: number;
  readonly end: IsoDate | null;
  readonly people: ReadonlyMap<string, Person>;
  readonly hosts: ReadonlyMap<string, HostLocation>;
  /** Non-cancelled legs whose times resolve, sorted by departure. */
  readonly timedLegs: readonly LegInfo[];
  /** Non-cancelled legs whose times do not resolve. */
  readonly untimedLegs: readonly TravelLeg[];
  /** Per traveller, their timed legs sorted by departure. */
  readonly legsByPerson: ReadonlyMap<PersonId, readonly LegInfo[]>;
}

/** One check of the registry: a stable id, the area it belongs to, and its findings for a plan. */
export interface PlanCheck {
  readonly id: string;
  readonly area: CheckArea;
  readonly run: (ctx: PlanContext) => Finding[];
}

export function makeContext(input: PlanCheckInput, options: PlanCheckOptions): PlanContext {
  // A map is used as it is: copying every host per case cost ~0.4 ms a case at 5,000 hosts.
  const hosts: ReadonlyMap<string, HostLocation> = isHostMap(input.hosts)
    ? input.hosts
    : new Map(input.hosts.map((h) => [h.id, h]));
  const people = new Map<string, Person>();
  for (const p of input.people) people.set(p.id, p);

  const timedLegs: LegInfo[] = [];
  const untimedLegs: TravelLeg[] = [];
  for (const leg of input.legs) {
    if (leg.status === 'cancelled') continue;
    const d = resolveLocal(leg.depart);
    const a = resolveLocal(leg.arrive);
    if (d.ok && a.ok) {
      const ambiguous: ('depart' | 'arrive')[] = [];
      if (d.value.ambiguous) ambiguous.push('depart');
      if (a.value.ambiguous) ambiguous.push('arrive');
      timedLegs.push({ leg, dep: d.value.epochMs, arr: a.value.epochMs, ambiguous });
    } else untimedLegs.push(leg);
  }
  timedLegs.sort((x, y) => x.dep - y.dep || x.arr - y.arr);
  const legsByPerson = new Map<PersonId, LegInfo[]>();
  for (const li of timedLegs) {
    for (const p of li.leg.travellerIds) {
      let list = legsByPerson.get(p);
      if (!list) legsByPerson.set(p, (list = []));
      list.push(li);
    }
  }
  return {
    input,
    minConnection: { ...DEFAULT_MIN_CONNECTION_MINUTES, ...options.minConnectionMinutes },
    km: options.samePlaceKm ?? 50,
    docMonths: options.documentValidityMonths ?? 6,
    urgentDays: options.urgentDays ?? 14,
    end: effectiveEnd(input.case, input.extensions),
    people,
    hosts,
    timedLegs,
    untimedLegs,
    legsByPerson,
  };
}

function isHostMap(h: PlanCheckInput['hosts']): h is ReadonlyMap<HostId, HostLocation> {
  return typeof (h as ReadonlyMap<HostId, HostLocation>).get === 'function' && !Array.isArray(h);
}

export function personName(ctx: PlanContext, id: string): string {
  return ctx.people.get(id)?.codeName ?? 'a traveller';
}

export function hostName(ctx: PlanContext, id: string): string {
  return ctx.hosts.get(id)?.codeName ?? 'an unknown host';
}

export function legLabel(leg: TravelLeg): string {
  const num = leg.number ? `${leg.number} ` : '';
  return `${num}${leg.from.name} → ${leg.to.name}`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Same place: same name and country, or closer than `km`. */
export function samePlace(a: Place, b: Place, km = 50): boolean {
  if (a.countryCode === b.countryCode && normalizePlaceName(a.name) === normalizePlaceName(b.name))
    return true;
  return distanceKm(a, b) <= km;
}

/** "Kestrel", "Kestrel and Wren", "Kestrel, Wren and Ash". */
/**
 * Separates the names in a finding's `names` parameter, so that a translation can join them with
 * its own "and" (the English `person`/`people` parameters are already joined).
 */
export const NAME_LIST_SEPARATOR = '\u001f';
export function nameList(names: readonly string[]): string {
  return names.join(NAME_LIST_SEPARATOR);
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** People on a non-cancelled leg that crosses a border, and people on any non-cancelled leg. */
export function travellers(ctx: PlanContext): { crossing: Set<string>; any: Set<string> } {
  const crossing = new Set<string>();
  const any = new Set<string>();
  for (const leg of ctx.input.legs) {
    if (leg.status === 'cancelled') continue;
    for (const p of leg.travellerIds) {
      any.add(p);
      if (leg.from.countryCode !== leg.to.countryCode) crossing.add(p);
    }
  }
  return { crossing, any };
}
