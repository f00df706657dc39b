/**
 * What an itinerary pack holds, by variant. Pure: given the cases' bundles and the hosts, it picks
 * the people, legs, stays, documents and budget that the chosen variant may carry, and nothing
 * else, so a screen or a printer can only show what was selected here.
 *
 * - coordinator copy: every person, leg, stay and document of the chosen cases, and the budget;
 * - traveller copy: one person, or a family unit (a person with the case's minors), and only the
 *   legs and stays that include one of them, only their documents and visas, no budget, no other
 *   case (a traveller copy covers the case of its travellers only);
 * - in both, a legal name is carried only for a person the coordinator ticked;
 * - `redactAddresses` drops each host's street address and exact location (coordinates) and keeps
 *   city and country.
 *
 * Cancelled legs are left out of every variant: a pack is what will happen.
 */
import type {
  BudgetLine,
  HostLocation,
  HostType,
  Person,
  PersonRole,
  Stay,
  TravelDocument,
  TravelLeg,
  Visa,
} from '../entities';
import { isMinorOn } from '../entities/person';
import type { CaseId, HostId, PersonId } from '../ids';
import type { CurrencyCode, MinorUnits, Money } from '../money';
import type { CaseBundle } from '../planning';
import { resolveLocal, type IsoDate } from '../time';

export type PackVariant =
  | { readonly kind: 'coordinator' }
  | {
      readonly kind: 'traveller';
      /** The chosen person. */
      readonly personId: PersonId;
      /** Also the chosen person's case's minors (a family unit). */
      readonly withMinors: boolean;
    };

export interface PackOptions {
  readonly variant: PackVariant;
  /** People whose legal name the coordinator ticked to print. */
  readonly legalNamesFor: ReadonlySet<string>;
  /** Leave out host street addresses and coordinates (exact locations). */
  readonly redactAddresses: boolean;
  /** The day minors are counted on (the pack's print date). */
  readonly today: IsoDate;
}

export interface PackPerson {
  readonly id: PersonId;
  readonly codeName: string;
  /** Only when ticked. */
  readonly legalName: string | null;
  readonly role: PersonRole;
  readonly minor: boolean;
  readonly travelDocument: TravelDocument | null;
  readonly visas: readonly Pick<Visa, 'country' | 'type' | 'status' | 'validFrom' | 'validTo'>[];
}

export interface PackHostPlace {
  readonly codeName: string;
  readonly type: HostType;
  readonly city: string;
  readonly countryCode: string;
  /** The street address; null when redacted or not known. */
  readonly address: string | null;
  /** Null when redacted. */
  readonly coordinates: { readonly lat: number; readonly lng: number } | null;
  readonly approximate: boolean;
  readonly contactChannel: string;
}

export interface PackStay {
  readonly stay: Stay;
  readonly host: PackHostPlace | null;
  /** The pack's people in this stay (code names), in pack order. */
  readonly people: readonly PackPerson[];
  /** How many others of the case stay there too (a traveller copy does not name them). */
  readonly others: number;
}

export interface PackLeg {
  readonly leg: TravelLeg;
  readonly travellers: readonly PackPerson[];
  readonly others: number;
}

export interface PackBudget {
  readonly lines: number;
  /** Planned and actual totals per currency, in minor units. */
  readonly planned: readonly Money[];
  readonly actual: readonly Money[];
}

export interface PackCase {
  readonly caseId: CaseId;
  readonly codeName: string;
  readonly plannedStart: IsoDate | null;
  readonly plannedEnd: IsoDate | null;
  readonly protectionOfficer: string;
  readonly people: readonly PackPerson[];
  readonly legs: readonly PackLeg[];
  readonly stays: readonly PackStay[];
  /** Null in a traveller copy. */
  readonly budget: PackBudget | null;
}

export interface PackContent {
  readonly variant: PackVariant;
  readonly redactAddresses: boolean;
  readonly cases: readonly PackCase[];
}

/** The people a traveller copy is for: the person, and with `withMinors` the case's minors. */
export function travellerUnit(
  bundle: CaseBundle,
  personId: string,
  withMinors: boolean,
  today: IsoDate,
): Set<string> {
  const unit = new Set<string>();
  if (!bundle.people.some((p) => p.id === personId)) return unit;
  unit.add(personId);
  if (withMinors) for (const p of bundle.people) if (isMinorOn(p, today)) unit.add(p.id);
  return unit;
}

function byRoleThenName(a: Person, b: Person): number {
  if (a.role !== b.role) return a.role === 'principal' ? -1 : 1;
  return a.codeName.localeCompare(b.codeName);
}

function packPerson(p: Person, visas: readonly Visa[], options: PackOptions): PackPerson {
  return {
    id: p.id,
    codeName: p.codeName,
    legalName: options.legalNamesFor.has(p.id) && p.legalName ? p.legalName : null,
    role: p.role,
    minor: isMinorOn(p, options.today),
    travelDocument: p.travelDocument,
    visas: visas
      .filter((v) => v.personId === p.id)
      .map((v) => ({
        country: v.country,
        type: v.type,
        status: v.status,
        validFrom: v.validFrom,
        validTo: v.validTo,
      })),
  };
}

/**
 * What a pack may show of a host. Redacted: no street address and no coordinates. A record written
 * before hosts had an address has none at run time (reads are not re-parsed), hence the `||`.
 */
export function hostPlace(host: HostLocation, redact: boolean): PackHostPlace {
  const address = (host.address as string | undefined) || null;
  return {
    codeName: host.codeName,
    type: host.type,
    city: host.city,
    countryCode: host.countryCode,
    address: redact ? null : address,
    coordinates: redact ? null : { lat: host.lat, lng: host.lng },
    approximate: host.approximate,
    contactChannel: host.contactChannel,
  };
}

function totals(lines: readonly BudgetLine[], kind: BudgetLine['kind']): Money[] {
  const sums = new Map<string, number>();
  for (const l of lines)
    if (l.kind === kind)
      sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.quantity * l.unitAmount);
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({
      amount: amount as MinorUnits,
      currency: currency as CurrencyCode,
    }));
}

/** Milliseconds of a zoned wall-clock time (a time that does not resolve sorts by its text, as UTC). */
export function instantOf(zl: { readonly local: string; readonly zone: string }): number {
  const r = resolveLocal(zl);
  return r.ok ? r.value.epochMs : Date.parse(`${zl.local}:00Z`);
}

/** Legs in departure order, zones applied. */
function legOrder(a: TravelLeg, b: TravelLeg): number {
  return instantOf(a.depart) - instantOf(b.depart);
}

function selectCase(
  bundle: CaseBundle,
  hosts: ReadonlyMap<HostId | string, HostLocation>,
  included: ReadonlySet<string> | null,
  options: PackOptions,
): PackCase {
  const keep = (id: string) => included === null || included.has(id);
  const people = bundle.people
    .filter((p) => keep(p.id))
    .sort(byRoleThenName)
    .map((p) => packPerson(p, bundle.visas, options));
  const byId = new Map(people.map((p) => [p.id as string, p]));
  const pick = (ids: readonly string[]) => ({
    people: ids.flatMap((id) => byId.get(id) ?? []),
    others: ids.filter((id) => !byId.has(id)).length,
  });
  const legs = bundle.legs
    .filter((l) => l.status !== 'cancelled' && l.travellerIds.some((id) => byId.has(id)))
    .sort(legOrder)
    .map((leg) => {
      const { people: travellers, others } = pick(leg.travellerIds);
      return { leg, travellers, others };
    });
  const stays = bundle.stays
    .filter((s) => s.personIds.some((id) => byId.has(id)))
    .sort((a, b) => (a.checkIn < b.checkIn ? -1 : a.checkIn > b.checkIn ? 1 : 0))
    .map((stay) => {
      const host = hosts.get(stay.hostId);
      return {
        stay,
        host: host ? hostPlace(host, options.redactAddresses) : null,
        ...pick(stay.personIds),
      };
    });
  const c = bundle.case;
  return {
    caseId: c.id,
    codeName: c.codeName,
    plannedStart: c.plannedStart,
    plannedEnd: c.plannedEnd,
    protectionOfficer: c.protectionOfficer,
    people,
    legs,
    stays,
    budget:
      included === null
        ? {
            lines: bundle.budgetLines.length,
            planned: totals(bundle.budgetLines, 'planned'),
            actual: totals(bundle.budgetLines, 'actual'),
          }
        : null,
  };
}

/**
 * The pack's content for `bundles` (the cases the coordinator chose, in their order). A traveller
 * copy keeps only the case of its traveller, whatever else was chosen.
 */
export function selectPack(
  bundles: readonly CaseBundle[],
  hosts: ReadonlyMap<HostId | string, HostLocation>,
  options: PackOptions,
): PackContent {
  const { variant } = options;
  let cases: PackCase[];
  if (variant.kind === 'coordinator') {
    cases = bundles.map((b) => selectCase(b, hosts, null, options));
  } else {
    const own = bundles.find((b) => b.people.some((p) => p.id === variant.personId));
    cases = own
      ? [
          selectCase(
            own,
            hosts,
            travellerUnit(own, variant.personId, variant.withMinors, options.today),
            options,
          ),
        ]
      : [];
  }
  return { variant, redactAddresses: options.redactAddresses, cases };
}
