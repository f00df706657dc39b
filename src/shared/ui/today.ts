/** The coordinator's calendar day, in the machine's own time zone (what "today" means on screen). */
import { localAt, todayIn, type IsoDate } from '../../domain/time';

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function today(nowMs: number = Date.now()): IsoDate {
  return todayIn(localZone(), nowMs);
}

/** A record timestamp as the app shows times: `YYYY-MM-DD HH:mm`, 24-hour, in the machine's zone. */
export function formatLocalInstant(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : localAt(ms, localZone()).replace('T', ' ');
}
