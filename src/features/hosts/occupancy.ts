/**
 * Host occupancy: beds used on each night of a window (default the next 90 nights), summed over
 * every case's stays at the host. A night counts from check-in (included) to check-out (excluded).
 */
import type { Stay } from '../../domain/entities';
import { addDays, daysBetween, type IsoDate } from '../../domain/time';

export interface Occupancy {
  readonly from: IsoDate;
  /** Beds used per night, `nights[i]` is the night of `from + i`. */
  readonly nights: readonly number[];
  readonly peak: number;
  /** First night with the peak occupancy, or null when the host is empty all window. */
  readonly peakNight: IsoDate | null;
  /** Nights with at least one person. */
  readonly usedNights: number;
}

export function occupancy(
  hostId: string,
  stays: readonly Pick<Stay, 'hostId' | 'checkIn' | 'checkOut' | 'personIds'>[],
  from: IsoDate,
  days = 90,
): Occupancy {
  const nights = new Array<number>(days).fill(0);
  for (const s of stays) {
    if (s.hostId !== hostId) continue;
    const start = Math.max(0, daysBetween(from, s.checkIn));
    const end = Math.min(days, daysBetween(from, s.checkOut));
    for (let i = start; i < end; i++) nights[i] = (nights[i] ?? 0) + s.personIds.length;
  }
  let peak = 0;
  let peakIndex = -1;
  let usedNights = 0;
  nights.forEach((n, i) => {
    if (n > 0) usedNights++;
    if (n > peak) {
      peak = n;
      peakIndex = i;
    }
  });
  return {
    from,
    nights,
    peak,
    peakNight: peakIndex >= 0 ? addDays(from, peakIndex) : null,
    usedNights,
  };
}

export type NightLevel = 'free' | 'partial' | 'full' | 'over';

export function nightLevel(used: number, beds: number): NightLevel {
  if (used === 0) return 'free';
  if (used < beds) return 'partial';
  return used === beds ? 'full' : 'over';
}
