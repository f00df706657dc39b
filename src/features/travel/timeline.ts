/**
 * The journey as the Travel tab shows it: legs in departure order, each with its local times
 * ("Sun 29 Mar 2026, 04:35 GET (UTC+4)"), its duration, and the connection before the next leg of
 * the same travellers (flagged when shorter than the minimum for the modes, or when the next leg
 * leaves from somewhere else).
 */
import type { TravelLeg } from '../../domain/entities';
import { DEFAULT_MIN_CONNECTION_MINUTES, samePlace } from '../../domain/plan-checks';
import { formatDuration, formatZoned, minutesBetween, resolveLocal } from '../../domain/time';

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
  readonly next: Connection | null;
}

export function buildTimeline(legs: readonly TravelLeg[]): TimelineLeg[] {
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
    if (nextLeg && x.arr !== null && nextLeg.dep !== null) {
      const minutes = minutesBetween(x.arr, nextLeg.dep);
      const minimum = Math.max(
        DEFAULT_MIN_CONNECTION_MINUTES[x.leg.mode],
        DEFAULT_MIN_CONNECTION_MINUTES[nextLeg.leg.mode],
      );
      next = {
        minutes,
        text: formatDuration(minutes),
        minimum,
        short: minutes < minimum,
        gap: !samePlace(x.leg.to, nextLeg.leg.from),
      };
    }
    const duration = x.dep !== null && x.arr !== null ? minutesBetween(x.dep, x.arr) : null;
    return {
      leg: x.leg,
      departText: formatZoned(x.leg.depart, { withDate: true }),
      arriveText: formatZoned(x.leg.arrive, { withDate: true }),
      durationText: duration === null ? null : formatDuration(duration),
      negative: duration !== null && duration <= 0,
      next,
    };
  });
  for (const leg of cancelled) {
    out.push({
      leg,
      departText: formatZoned(leg.depart, { withDate: true }),
      arriveText: formatZoned(leg.arrive, { withDate: true }),
      durationText: null,
      negative: false,
      next: null,
    });
  }
  return out;
}
