/**
 * Reads an ICS file back with ical.js (a parser independent of the writer): registers every
 * VTIMEZONE block first, so event times resolve with the file's own zone rules.
 */
import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  /** Epoch ms of the start and the end (all-day events: midnight UTC of the date). */
  start: number;
  end: number;
  startZone: string | null;
  allDay: boolean;
  startDate: string;
}

export function parseIcs(text: string): { events: ParsedEvent[]; zones: string[] } {
  const root = new ICAL.Component(ICAL.parse(text));
  const zones: string[] = [];
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(tz);
    zones.push(tz.tzid);
  }
  const events = root.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    const startProp = c.getFirstProperty('dtstart');
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description ?? '',
      start: e.startDate.toJSDate().getTime(),
      end: e.endDate.toJSDate().getTime(),
      startZone: (startProp?.getParameter('tzid') as string | undefined) ?? null,
      allDay: e.startDate.isDate,
      startDate: e.startDate.toString().slice(0, 10),
    };
  });
  return { events, zones };
}
