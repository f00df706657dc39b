/**
 * Calendar export (ICS) of travel legs and return-readiness reviews, for the coordinator's own
 * calendar. Code names only: the summary names the case by its code name, a leg by its mode,
 * carrier, number and the two places; no legal name, no booking reference, no host, no address.
 *
 * Times: each leg starts at its departure's local time in the departure's IANA zone
 * (`DTSTART;TZID=…`) and ends at the arrival instant expressed in that same zone, so calendars show
 * the right instants; the arrival's local time and zone are spelled out in the description. Every
 * zone used gets its VTIMEZONE block (timezones-ical-library), so a calendar without that zone's
 * rules still places the event right across a clock change. Reviews are all-day events on their due
 * date. Cancelled legs and legs whose times do not resolve are left out (and counted).
 */
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Case } from './entities/case';
import type { Checkpoint, CheckpointKind } from './entities/checkpoint';
import type { LegMode, TravelLeg } from './entities/leg';
import { fileSlug } from './file-name';
import { addDays, resolveLocal } from './time';
import { formatZoned } from './time-format';

export interface IcsCase {
  readonly case: Pick<Case, 'id' | 'codeName'>;
  readonly legs: readonly TravelLeg[];
  readonly checkpoints: readonly Checkpoint[];
}

/** The words the file uses (English by default; the screen passes its translations). */
export interface IcsLabels {
  readonly calendarName: string;
  readonly mode: Readonly<Record<LegMode, string>>;
  readonly kind: Readonly<Record<CheckpointKind, string>>;
  /** "Review" suffix, e.g. "Pre-return review". */
  readonly review: string;
  readonly arrives: string;
}

export const ENGLISH_ICS_LABELS: IcsLabels = {
  calendarName: 'Haven',
  mode: {
    flight: 'Flight',
    train: 'Train',
    bus: 'Bus',
    car: 'Car',
    ferry: 'Ferry',
    other: 'Travel',
  },
  kind: {
    arrival_check_in: 'Arrival check-in',
    periodic_review: 'Periodic review',
    pre_return: 'Pre-return review',
    post_return_follow_up: 'Post-return follow-up',
  },
  review: 'return-readiness review',
  arrives: 'Arrives',
};

export interface IcsResult {
  readonly text: string;
  readonly legs: number;
  readonly checkpoints: number;
  /** Legs left out because their time does not resolve. */
  readonly skipped: number;
}

function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  const text = Array.isArray(block) ? block[0] : null;
  return typeof text === 'string' && text.includes('BEGIN:VTIMEZONE') ? text : null;
}

/** Builds the calendar; `nowMs` stamps the events (DTSTAMP) so the same input gives the same file. */
export function buildIcs(
  cases: readonly IcsCase[],
  nowMs: number,
  labels: IcsLabels = ENGLISH_ICS_LABELS,
): IcsResult {
  const cal = ical({
    name: labels.calendarName,
    prodId: { company: 'Haven', product: 'Haven planner', language: 'EN' },
  });
  cal.timezone({ name: null, generator: (zone: string) => vtimezone(zone) ?? '' });
  const stamp = DateTime.fromMillis(nowMs, { zone: 'utc' });
  let legs = 0;
  let checkpoints = 0;
  let skipped = 0;
  for (const { case: c, legs: caseLegs, checkpoints: caseCheckpoints } of cases) {
    for (const leg of caseLegs) {
      if (leg.status === 'cancelled') continue;
      const dep = resolveLocal(leg.depart);
      const arr = resolveLocal(leg.arrive);
      if (!dep.ok || !arr.ok || arr.value.epochMs <= dep.value.epochMs) {
        skipped++;
        continue;
      }
      const zone = leg.depart.zone;
      const what = [labels.mode[leg.mode], leg.carrier, leg.number].filter(Boolean).join(' ');
      cal.createEvent({
        id: `leg-${leg.id}@haven`,
        stamp,
        start: DateTime.fromMillis(dep.value.epochMs, { zone }),
        end: DateTime.fromMillis(arr.value.epochMs, { zone }),
        timezone: zone,
        summary: `${c.codeName}: ${what} ${leg.from.name} → ${leg.to.name}`,
        description: `${labels.arrives} ${formatZoned(leg.arrive, { withDate: true })} (${leg.arrive.zone})`,
        location: leg.from.name,
      });
      legs++;
    }
    for (const cp of caseCheckpoints) {
      cal.createEvent({
        id: `checkpoint-${cp.id}@haven`,
        stamp,
        allDay: true,
        start: DateTime.fromISO(cp.dueDate, { zone: 'utc' }),
        end: DateTime.fromISO(addDays(cp.dueDate, 1), { zone: 'utc' }),
        summary: `${c.codeName}: ${labels.kind[cp.kind]} (${labels.review})`,
      });
      checkpoints++;
    }
  }
  return { text: cal.toString(), legs, checkpoints, skipped };
}

/** A file name that names no person: `haven-calendar-<code name or "all-cases">-<date>.ics`. */
export function icsFileName(scope: string | null, day: string): string {
  const slug = scope === null ? 'all-cases' : fileSlug(scope, 'case');
  return `haven-calendar-${slug}-${day}.ics`;
}
