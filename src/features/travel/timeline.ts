/**
 * The journey as the Travel tab shows it: legs in departure order, each with its local times
 * ("Sun 29 Mar 2026, 04:35 GET (UTC+4)"), its duration, and the connection before the next leg of
 * the same travellers (flagged when shorter than the minimum for the modes, or when the next leg
 * leaves from somewhere else). A stay of those travellers between two legs breaks the journey:
 * there is no connection then, the stay is shown instead ("Stay at Harbour House · 90 nights").
 */
import type { Stay, TravelLeg } from '../../domain/entities';
import { DEFAULT_MIN_CONNECTION_MINUTES, samePlace } from '../../domain/plan-checks';
import { daysBetween, localDateOf, minutesBetween, resolveLocal } from '../../domain/time';
import { formatDuration, formatZoned } from '../../domain/time-format';

export interface Connection {
  readonly minutes: number;
  readonly text: string;
  readonly minimum: number;
  readonly short: boolean;
  /** The next leg leaves from a different place than this one arrives. */
  readonly gap: boolean;
}

export interface TimelineLeg {
  readonly leg: TravelLeg;
  readonly departText: string;
  readonly arriveText: string;
  /** Null when a time cannot be resolved (shown as typed). */
  readonly durationText: string | null;
  readonly negative: boolean;
  /** The connection to the next leg of the same travellers; null when a stay comes between. */
  readonly next: Connection | null;
  /** A stay of the travellers between this leg and their next one (the journey pauses). */
  readonly stayAfter: StayBetween | null;
}

export interface StayBetween {
  readonly stay: Stay;
  readonly nights: number;
}

/**
 * The stay that lies between a leg arriving on `arrival` and the next leg departing on `depart`
 * for `travellers`: one of them stays at least one night in between. The longest wins.
 */
function stayBetween(
  stays: readonly Stay[],
  travellers: readonly string[],
  arrival: string,
  depart: string,
): Stay | null {
  let best: Stay | null = null;
  for (const s of stays) {
    if (!s.personIds.some((p) => travellers.includes(p))) continue;
    if (!(s.checkIn < depart && s.checkOut > arrival)) continue;
    if (!best || daysBetween(s.checkIn, s.checkOut) > daysBetween(best.checkIn, best.checkOut))
      best = s;
  }
  return best;
}

export function buildTimeline(
  legs: readonly TravelLeg[],
  stays: readonly Stay[] = [],
  /** Locale of the weekday, month and duration units (the UI language's). */
  locale = 'en',
): TimelineLeg[] {
  const timed = legs
    .filter((l) => l.status !== 'cancelled')
    .map((leg) => {
      const d = resolveLocal(leg.depart);
      const a = resolveLocal(leg.arrive);
      return { leg, dep: d.ok ? d.value.epochMs : null, arr: a.ok ? a.value.epochMs : null };
    })
    .sort((x, y) => (x.dep ?? Number.MAX_SAFE_INTEGER) - (y.dep ?? Number.MAX_SAFE_INTEGER));
  const cancelled = legs.filter((l) => l.status === 'cancelled');
  const out: TimelineLeg[] = timed.map((x, i) => {
    const nextLeg = timed
      .slice(i + 1)
      .find((n) => n.leg.travellerIds.some((p) => x.leg.travellerIds.includes(p)));
    let next: Connection | null = null;
    let stayAfter: StayBetween | null = null;
    const shared = nextLeg
      ? x.leg.travellerIds.filter((p) => nextLeg.leg.travellerIds.includes(p))
      : [];
    const between = nextLeg
      ? stayBetween(
          stays,
          shared,
          localDateOf(x.leg.arrive.local),
          localDateOf(nextLeg.leg.depart.local),
        )
      : null;
    if (between) {
      stayAfter = { stay: between, nights: daysBetween(between.checkIn, between.checkOut) };
    } else if (nextLeg && x.arr !== null && nextLeg.dep !== null) {
      const minutes = minutesBetween(x.arr, nextLeg.dep);
      const minimum = Math.max(
        DEFAULT_MIN_CONNECTION_MINUTES[x.leg.mode],
        DEFAULT_MIN_CONNECTION_MINUTES[nextLeg.leg.mode],
      );
      next = {
        minutes,
        text: formatDuration(minutes, locale),
        minimum,
        short: minutes < minimum,
        gap: !samePlace(x.leg.to, nextLeg.leg.from),
      };
    }
    const duration = x.dep !== null && x.arr !== null ? minutesBetween(x.dep, x.arr) : null;
    return {
      leg: x.leg,
      departText: formatZoned(x.leg.depart, { withDate: true, locale }),
      arriveText: formatZoned(x.leg.arrive, { withDate: true, locale }),
      durationText: duration === null ? null : formatDuration(duration, locale),
      negative: duration !== null && duration <= 0,
      next,
      stayAfter,
    };
  });
  for (const leg of cancelled) {
    out.push({
      leg,
      departText: formatZoned(leg.depart, { withDate: true, locale }),
      arriveText: formatZoned(leg.arrive, { withDate: true, locale }),
      durationText: null,
      negative: false,
      next: null,
      stayAfter: null,
    });
  }
  return out;
}
