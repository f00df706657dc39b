/** The coordinator's calendar day, in the machine's own time zone (what "today" means on screen). */
import { localAt, todayIn, type IsoDate } from '../../domain/time';

let zoneSeen: { zone: string; at: number } | null = null;

/**
 * The computer's IANA zone. Asking Intl costs a formatter each time and screens ask on every
 * render, so the answer is kept for a second (a change of the system zone shows within one).
 */
export function localZone(nowMs: number = Date.now()): string {
  if (zoneSeen && nowMs - zoneSeen.at < 1000 && nowMs >= zoneSeen.at) return zoneSeen.zone;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  zoneSeen = { zone, at: nowMs };
  return zone;
}

export function today(nowMs: number = Date.now()): IsoDate {
  return todayIn(localZone(), nowMs);
}

/** A record timestamp as the app shows times: `YYYY-MM-DD HH:mm`, 24-hour, in the machine's zone. */
export function formatLocalInstant(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : localAt(ms, localZone()).replace('T', ' ');
}
