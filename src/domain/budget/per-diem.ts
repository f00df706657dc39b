/**
 * Per diem: person-days × the destination's daily rate. The rate is looked up by country and,
 * when one is set for the host's city, by city (a city rate wins over the country rate); the rate
 * valid on a day is the one with the latest `validFrom` on or before it. A minor (under 18 on the
 * day) gets the child amount when the rate has one. A stay is split wherever the rate changes or
 * a traveller turns 18, so each piece is priced at one rate.
 *
 * Which days count is the per diem convention, a setting stated in the UI and in exports:
 * `nights` counts one person-day per night (check-in day to the day before check-out),
 * `nights_plus_one` counts the check-out day too.
 */
import type { PerDiemRate } from '../entities/budget';
import type { HostLocation } from '../entities/host';
import { isMinorOn, type Person } from '../entities/person';
import type { Stay } from '../entities/stay';
import type { CurrencyCode, MinorUnits } from '../money';
import { addDays, daysBetween, isIsoDate, type IsoDate } from '../time';

export const PER_DIEM_CONVENTIONS = ['nights', 'nights_plus_one'] as const;
export type PerDiemConvention = (typeof PER_DIEM_CONVENTIONS)[number];
export const DEFAULT_PER_DIEM_CONVENTION: PerDiemConvention = 'nights';

/** English statement of the convention, for exports. */
export function conventionText(c: PerDiemConvention): string {
  return c === 'nights'
    ? 'Per diem person-days are counted as nights (check-out day not counted)'
    : 'Per diem person-days are counted as nights + 1 (check-out day counted)';
}

/** The days a stay counts for per diem: [first, end) with `end` exclusive. */
export function perDiemDays(
  stay: Pick<Stay, 'checkIn' | 'checkOut'>,
  convention: PerDiemConvention,
): { first: IsoDate; end: IsoDate } {
  return {
    first: stay.checkIn,
    end: convention === 'nights' ? stay.checkOut : addDays(stay.checkOut, 1),
  };
}

/** Rates of one destination, sorted by valid-from, city rates apart from the country's. */
export interface DestinationRates {
  readonly city: readonly PerDiemRate[];
  readonly country: readonly PerDiemRate[];
}

export function destinationRates(
  rates: readonly PerDiemRate[],
  countryCode: string,
  city: string | null,
): DestinationRates {
  const c = city?.trim().toLowerCase() ?? null;
  const byDate = (a: PerDiemRate, b: PerDiemRate) => (a.validFrom < b.validFrom ? -1 : 1);
  const inCountry = rates.filter((r) => r.countryCode === countryCode);
  return {
    city: inCountry.filter((r) => r.city !== null && r.city.toLowerCase() === c).sort(byDate),
    country: inCountry.filter((r) => r.city === null).sort(byDate),
  };
}

function latestOnOrBefore(list: readonly PerDiemRate[], day: IsoDate): PerDiemRate | null {
  let found: PerDiemRate | null = null;
  for (const r of list) {
    if (r.validFrom <= day) found = r;
    else break;
  }
  return found;
}

/** The rate valid on `day` at a destination (city first), or null. */
export function rateOn(dest: DestinationRates, day: IsoDate): PerDiemRate | null {
  return latestOnOrBefore(dest.city, day) ?? latestOnOrBefore(dest.country, day);
}

/** One priced piece of a stay for one traveller. */
export interface PerDiemPiece {
  readonly personId: string;
  readonly minor: boolean;
  readonly rate: PerDiemRate;
  readonly unitAmount: MinorUnits;
  readonly currency: CurrencyCode;
  readonly from: IsoDate;
  /** Exclusive. */
  readonly to: IsoDate;
  readonly days: number;
}

/** Days of a stay with no per diem rate at the destination. */
export interface PerDiemGap {
  readonly stayId: string;
  readonly personId: string;
  readonly countryCode: string;
  readonly city: string | null;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Splits one stay into pieces priced at one rate each, per traveller, and the days with no rate. */
export function perDiemPieces(
  stay: Stay,
  host: Pick<HostLocation, 'countryCode' | 'city'>,
  people: ReadonlyMap<string, Pick<Person, 'id' | 'dateOfBirth'>>,
  rates: readonly PerDiemRate[],
  convention: PerDiemConvention,
): { pieces: PerDiemPiece[]; gaps: PerDiemGap[] } {
  const dest = destinationRates(rates, host.countryCode, host.city);
  const { first, end } = perDiemDays(stay, convention);
  const pieces: PerDiemPiece[] = [];
  const gaps: PerDiemGap[] = [];
  const changes = new Set<IsoDate>();
  for (const r of [...dest.city, ...dest.country])
    if (r.validFrom > first && r.validFrom < end) changes.add(r.validFrom);
  for (const personId of stay.personIds) {
    const person = people.get(personId) ?? { id: personId, dateOfBirth: null };
    const cuts = new Set(changes);
    if (person.dateOfBirth) {
      const adult = eighteenthBirthday(person.dateOfBirth);
      if (adult > first && adult < end) cuts.add(adult);
    }
    const bounds = [first, ...[...cuts].sort(), end];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i] as IsoDate;
      const to = bounds[i + 1] as IsoDate;
      const days = daysBetween(from, to);
      if (days <= 0) continue;
      const rate = rateOn(dest, from);
      if (!rate) {
        const last = gaps.at(-1);
        if (last && last.personId === personId && last.to === from)
          gaps[gaps.length - 1] = { ...last, to };
        else
          gaps.push({
            stayId: stay.id,
            personId,
            countryCode: host.countryCode,
            city: host.city,
            from,
            to,
          });
        continue;
      }
      const minor = isMinorOn(person, from);
      const unitAmount = minor && rate.childAmount !== null ? rate.childAmount : rate.amount;
      const prev = pieces.at(-1);
      if (
        prev &&
        prev.personId === personId &&
        prev.rate.id === rate.id &&
        prev.minor === minor &&
        prev.to === from
      )
        pieces[pieces.length - 1] = { ...prev, to, days: prev.days + days };
      else
        pieces.push({
          personId,
          minor,
          rate,
          unitAmount,
          currency: rate.currency,
          from,
          to,
          days,
        });
    }
  }
  return { pieces, gaps };
}

/** The first day a person born on `dob` is not a minor (29 February: 1 March), as `isMinorOn` counts. */
export function eighteenthBirthday(dob: IsoDate): IsoDate {
  const day = `${Number(dob.slice(0, 4)) + 18}${dob.slice(4)}`;
  return isIsoDate(day) ? day : (`${day.slice(0, 4)}-03-01` as IsoDate);
}
