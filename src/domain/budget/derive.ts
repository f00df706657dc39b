/**
 * Budget lines derived from the plan, recomputed whenever the plan changes (nothing derived is
 * stored unless the coordinator overrides it): accommodation per stay (nights × the host's
 * nightly cost), per diem per stay, rate and age group (person-days × the destination's rate),
 * travel per leg (its cost) and visa fees per visa. Each line carries a stable `sourceKey` (what
 * it comes from, so an override finds its line again) and `explain`, the arithmetic in parts the
 * UI words ("90 nights × EUR 60.00"). Descriptions use code names and place names only.
 */
import type { BudgetCategory } from '../entities/budget';
import type { Case } from '../entities/case';
import type { HostLocation } from '../entities/host';
import type { TravelLeg } from '../entities/leg';
import type { Person } from '../entities/person';
import type { Stay } from '../entities/stay';
import type { Visa } from '../entities/visa';
import type { PerDiemRate } from '../entities/budget';
import { stayNights } from '../duration';
import type { CurrencyCode, MinorUnits } from '../money';
import { addDays, localDateOf, type IsoDate } from '../time';
import { perDiemPieces, type PerDiemConvention, type PerDiemGap } from './per-diem';

/** How a derived line was computed: a code and the numbers, for the UI and the exports to word. */
export type DerivedExplain =
  | { readonly code: 'accommodation'; readonly nights: number; readonly host: string }
  | {
      readonly code: 'per_diem';
      readonly personDays: number;
      readonly people: number;
      readonly group: 'adult' | 'child';
      readonly from: IsoDate;
      /** Last day counted (inclusive). */
      readonly to: IsoDate;
      readonly convention: PerDiemConvention;
      readonly place: string;
    }
  | { readonly code: 'travel'; readonly leg: string }
  | { readonly code: 'visa'; readonly person: string; readonly country: string };

export interface DerivedLine {
  readonly sourceKey: string;
  readonly category: BudgetCategory;
  readonly description: string;
  readonly quantity: number;
  readonly unitAmount: MinorUnits;
  readonly currency: CurrencyCode;
  readonly date: IsoDate;
  readonly explain: DerivedExplain;
}

/** What derivation reads: one case's plan, the hosts and the per diem rates. */
export interface DeriveInput {
  readonly case: Case;
  readonly people: readonly Person[];
  readonly stays: readonly Stay[];
  readonly legs: readonly TravelLeg[];
  readonly visas: readonly Visa[];
  readonly hosts: ReadonlyMap<string, HostLocation>;
  readonly perDiemRates: readonly PerDiemRate[];
  readonly convention: PerDiemConvention;
}

export interface Derivation {
  readonly lines: DerivedLine[];
  /** Days with no per diem rate at the destination. */
  readonly perDiemGaps: PerDiemGap[];
}

/** The day a line without a date of its own is booked on. */
function caseDate(input: DeriveInput): IsoDate {
  const firstStay = [...input.stays].sort((a, b) => (a.checkIn < b.checkIn ? -1 : 1))[0];
  return (
    input.case.plannedStart ?? firstStay?.checkIn ?? (input.case.createdAt.slice(0, 10) as IsoDate)
  );
}

export function deriveBudget(input: DeriveInput): Derivation {
  const lines: DerivedLine[] = [];
  const perDiemGaps: PerDiemGap[] = [];
  const people = new Map(input.people.map((p) => [p.id as string, p]));
  const stays = [...input.stays].sort((a, b) => (a.checkIn < b.checkIn ? -1 : 1));
  for (const stay of stays) {
    const host = input.hosts.get(stay.hostId);
    if (!host) continue;
    const nights = stayNights(stay);
    lines.push({
      sourceKey: `stay:${stay.id}`,
      category: 'accommodation',
      description: `Accommodation at ${host.codeName}, ${stay.checkIn} to ${stay.checkOut}`,
      quantity: nights,
      unitAmount: host.nightlyCost.amount,
      currency: host.nightlyCost.currency,
      date: stay.checkIn,
      explain: { code: 'accommodation', nights, host: host.codeName },
    });
    const { pieces, gaps } = perDiemPieces(
      stay,
      host,
      people,
      input.perDiemRates,
      input.convention,
    );
    perDiemGaps.push(...gaps);
    // One line per rate and age group: the person-days of everyone on the stay at that rate.
    const groups = new Map<string, { pieces: typeof pieces; group: 'adult' | 'child' }>();
    for (const p of pieces) {
      const group = p.minor && p.rate.childAmount !== null ? 'child' : 'adult';
      const key = `${p.rate.id}:${group}`;
      const g = groups.get(key) ?? { pieces: [], group };
      g.pieces.push(p);
      groups.set(key, g);
    }
    for (const [key, g] of groups) {
      const first = g.pieces[0];
      if (!first) continue;
      const personDays = g.pieces.reduce((n, p) => n + p.days, 0);
      const from = g.pieces.reduce((d, p) => (p.from < d ? p.from : d), first.from);
      const end = g.pieces.reduce((d, p) => (p.to > d ? p.to : d), first.to);
      const to = addDays(end, -1);
      const place = first.rate.city ?? host.countryCode;
      lines.push({
        sourceKey: `perdiem:${stay.id}:${key}`,
        category: 'per_diem',
        description: `Per diem (${g.group === 'child' ? 'children' : 'adults'}) in ${place}, ${from} to ${to}`,
        quantity: personDays,
        unitAmount: first.unitAmount,
        currency: first.currency,
        date: from,
        explain: {
          code: 'per_diem',
          personDays,
          people: new Set(g.pieces.map((p) => p.personId)).size,
          group: g.group,
          from,
          to,
          convention: input.convention,
          place,
        },
      });
    }
  }
  for (const leg of input.legs) {
    if (leg.status === 'cancelled' || !leg.cost) continue;
    const label = `${leg.number ? `${leg.number} ` : ''}${leg.from.name} → ${leg.to.name}`;
    lines.push({
      sourceKey: `leg:${leg.id}`,
      category: 'travel',
      description: `Travel ${label}`,
      quantity: 1,
      unitAmount: leg.cost.amount,
      currency: leg.cost.currency,
      date: localDateOf(leg.depart.local),
      explain: { code: 'travel', leg: label },
    });
  }
  const fallback = caseDate(input);
  for (const visa of input.visas) {
    if (!visa.fee || visa.status === 'not_needed') continue;
    const person = people.get(visa.personId)?.codeName ?? 'a traveller';
    lines.push({
      sourceKey: `visa:${visa.id}`,
      category: 'visa',
      description: `Visa fee for ${person} (${visa.country})`,
      quantity: 1,
      unitAmount: visa.fee.amount,
      currency: visa.fee.currency,
      date: visa.validFrom && visa.validFrom >= '2000-01-01' ? visa.validFrom : fallback,
      explain: { code: 'visa', person, country: visa.country },
    });
  }
  return { lines, perDiemGaps };
}
