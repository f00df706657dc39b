/**
 * The pack's day-by-day itinerary. A day is the traveller's local day: a leg belongs to the day of
 * its departure in the departure's zone (what the ticket says), a check-out and a check-in to
 * their calendar day at the host. An arrival on another local day (an overnight flight, or the
 * date line: Auckland on the 3rd, Honolulu on the 2nd) is marked with its own date.
 *
 * Durations come from the instants (zones and DST applied), never from the wall-clock difference.
 * A connection is the time between a leg and the pack's previous leg of one of its travellers,
 * shown when it is under a day.
 */
import { resolveLocal, type IsoDate } from '../time';
import { instantOf, type PackCase, type PackLeg, type PackStay } from './select';

export type DayEntry =
  | { readonly kind: 'check-out'; readonly stay: PackStay }
  | {
      readonly kind: 'leg';
      readonly leg: PackLeg;
      /** Minutes in the air / on the road, zones applied; null when a time does not resolve. */
      readonly durationMinutes: number | null;
      /** Minutes since the previous leg of one of its travellers arrived (under 24 h), else null. */
      readonly connectionMinutes: number | null;
      /** True when the previous leg arrived somewhere else (a connection that does not connect). */
      readonly connectionElsewhere: boolean;
      /** The arrival's local date when it differs from the departure's. */
      readonly arrivesOn: IsoDate | null;
    }
  | { readonly kind: 'check-in'; readonly stay: PackStay };

export interface PackDay {
  readonly date: IsoDate;
  readonly entries: readonly DayEntry[];
}

const DAY_MINUTES = 24 * 60;

function resolvedMs(zl: { readonly local: string; readonly zone: string }): number | null {
  const r = resolveLocal(zl);
  return r.ok ? r.value.epochMs : null;
}

function legEntries(legs: readonly PackLeg[]): Extract<DayEntry, { kind: 'leg' }>[] {
  const lastByPerson = new Map<string, PackLeg>();
  return legs.map((pl) => {
    const { leg } = pl;
    const departMs = resolvedMs(leg.depart);
    const arriveMs = resolvedMs(leg.arrive);
    let previous: PackLeg | null = null;
    for (const p of pl.travellers) {
      const before = lastByPerson.get(p.id);
      if (before && (!previous || instantOf(before.leg.arrive) > instantOf(previous.leg.arrive)))
        previous = before;
    }
    for (const p of pl.travellers) lastByPerson.set(p.id, pl);
    let connectionMinutes: number | null = null;
    let connectionElsewhere = false;
    const previousArrival = previous ? resolvedMs(previous.leg.arrive) : null;
    if (previous && previousArrival !== null && departMs !== null) {
      const gap = Math.round((departMs - previousArrival) / 60_000);
      if (gap >= 0 && gap < DAY_MINUTES) {
        connectionMinutes = gap;
        connectionElsewhere = previous.leg.to.name !== leg.from.name;
      }
    }
    const departDate = leg.depart.local.slice(0, 10) as IsoDate;
    const arriveDate = leg.arrive.local.slice(0, 10) as IsoDate;
    return {
      kind: 'leg',
      leg: pl,
      durationMinutes:
        departMs !== null && arriveMs !== null ? Math.round((arriveMs - departMs) / 60_000) : null,
      connectionMinutes,
      connectionElsewhere,
      arrivesOn: arriveDate !== departDate ? arriveDate : null,
    };
  });
}

const ENTRY_RANK: Record<DayEntry['kind'], number> = { 'check-out': 0, leg: 1, 'check-in': 2 };

/** The case's days in calendar order, each with its check-outs, legs (in departure order) and check-ins. */
export function packDays(c: Pick<PackCase, 'legs' | 'stays'>): PackDay[] {
  const days = new Map<string, DayEntry[]>();
  const add = (date: string, entry: DayEntry) => {
    let list = days.get(date);
    if (!list) days.set(date, (list = []));
    list.push(entry);
  };
  for (const e of legEntries(c.legs)) add(e.leg.leg.depart.local.slice(0, 10), e);
  for (const stay of c.stays) {
    add(stay.stay.checkIn, { kind: 'check-in', stay });
    add(stay.stay.checkOut, { kind: 'check-out', stay });
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, entries]) => ({
      date: date as IsoDate,
      // A stable sort: legs keep their departure order.
      entries: [...entries].sort((a, b) => ENTRY_RANK[a.kind] - ENTRY_RANK[b.kind]),
    }));
}
