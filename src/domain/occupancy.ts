/**
 * Beds at a host while a stay is being planned: with every other stay at the same host (this
 * case's and other cases'), the night on which the planned stay would leave the host with more
 * people than beds. The stay form asks this as the dates, people or host change, so an overbooking
 * is refused before saving instead of being found later on the Plan checks tab.
 */
import type { IsoDate } from './time';

export interface BookedStay {
  readonly caseId: string;
  readonly checkIn: IsoDate;
  readonly checkOut: IsoDate;
  readonly people: number;
}

export interface Overbooking {
  /** The first night with the highest occupancy. */
  readonly night: IsoDate;
  readonly occupancy: number;
  readonly beds: number;
  /** The other stays that sleep at the host on that night. */
  readonly sharing: readonly BookedStay[];
}

/**
 * The worst night of `planned` at a host with `beds` beds, given the `others` there (the stay
 * being edited must not be among them), or null when it always fits. A night counts from check-in
 * (included) to check-out (excluded).
 */
export function worstOverbooking(
  planned: { readonly checkIn: IsoDate; readonly checkOut: IsoDate; readonly people: number },
  others: readonly BookedStay[],
  beds: number,
): Overbooking | null {
  if (!(planned.checkIn < planned.checkOut) || planned.people <= 0) return null;
  const overlapping = others.filter(
    (o) => o.checkIn < planned.checkOut && planned.checkIn < o.checkOut && o.people > 0,
  );
  // Occupancy only rises at a check-in: the nights to test are the first one and each check-in inside.
  const nights = new Set<IsoDate>([planned.checkIn]);
  for (const o of overlapping) if (o.checkIn > planned.checkIn) nights.add(o.checkIn);
  let worst: Overbooking | null = null;
  for (const night of [...nights].sort()) {
    const sharing = overlapping.filter((o) => o.checkIn <= night && night < o.checkOut);
    const occupancy = planned.people + sharing.reduce((n, o) => n + o.people, 0);
    if (occupancy > beds && (!worst || occupancy > worst.occupancy))
      worst = { night, occupancy, beds, sharing };
  }
  return worst;
}
