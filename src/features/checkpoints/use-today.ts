/**
 * The coordinator's day: "today" in the zone set in Settings (else the computer's), turning at
 * midnight there. Components that show overdue reviews re-render when the day changes.
 */
import { useEffect, useState } from 'react';
import { todayIn, type IsoDate } from '../../domain/time';
import { localZone } from '../../shared/ui/today';
import { useSettings } from '../settings';

export function useCoordinatorZone(): string {
  return useSettings().timeZone ?? localZone();
}

/** Milliseconds until the next midnight in `zone` (at least a second, at most a day). */
export function msToMidnight(zone: string, nowMs: number): number {
  const day = todayIn(zone, nowMs);
  let lo = nowMs;
  let hi = nowMs + 26 * 3600_000;
  // The first instant whose day in `zone` differs: a binary search, exact to the second.
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (todayIn(zone, mid) === day) lo = mid;
    else hi = mid;
  }
  return Math.max(1000, hi - nowMs);
}

export function useCoordinatorToday(): IsoDate {
  const zone = useCoordinatorZone();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now()), msToMidnight(zone, Date.now()));
    return () => clearTimeout(timer);
  }, [zone, now]);
  return todayIn(zone, now);
}
