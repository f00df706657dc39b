/** The coordinator's calendar day, in the machine's own time zone (what "today" means on screen). */
import { todayIn, type IsoDate } from '../../domain/time';

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function today(nowMs: number = Date.now()): IsoDate {
  return todayIn(localZone(), nowMs);
}
