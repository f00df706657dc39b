/**
 * Durations: nights and days of stays, per person and per case, and extensions.
 *
 * - A stay from check-in to check-out has `nights = checkOut - checkIn` and `days = nights + 1`
 *   (calendar days touched, arrival and departure days included: what per diem counts).
 * - A person is present from their first check-in to their last check-out across the case's stays.
 * - Extensions: `case.plannedEnd` keeps the end as first planned; each extension moves the end
 *   in force from `fromEnd` to a later `toEnd`, and they chain. `effectiveEnd` walks the chain
 *   from `plannedEnd`; it is idempotent, so a case whose `plannedEnd` was already moved to the
 *   last `toEnd` gives the same answer.
 */
import type { Case } from './entities/case';
import type { Extension, ExtensionInput } from './entities/extension';
import type { Person } from './entities/person';
import type { Stay } from './entities/stay';
import type { PersonId } from './ids';
import { canRecordExtension } from './lifecycle';
import { err, ok, type FieldError, type Result } from './result';
import { daysBetween, isIsoDate, maxIsoDate, minIsoDate, type IsoDate } from './time';

export interface Span {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly nights: number;
  readonly days: number;
}

export function span(from: IsoDate, to: IsoDate): Span {
  const nights = Math.max(0, daysBetween(from, to));
  return { from, to, nights, days: nights + 1 };
}

export function stayNights(stay: Pick<Stay, 'checkIn' | 'checkOut'>): number {
  return Math.max(0, daysBetween(stay.checkIn, stay.checkOut));
}
export function stayDays(stay: Pick<Stay, 'checkIn' | 'checkOut'>): number {
  return stayNights(stay) + 1;
}

/** Presence of one person: first check-in to last check-out, or null if they are in no stay. */
export function personPresence(
  personId: PersonId,
  stays: readonly Pick<Stay, 'checkIn' | 'checkOut' | 'personIds'>[],
): Span | null {
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  for (const s of stays) {
    if (!s.personIds.includes(personId)) continue;
    from = from ? minIsoDate(from, s.checkIn) : s.checkIn;
    to = to ? maxIsoDate(to, s.checkOut) : s.checkOut;
  }
  return from && to ? span(from, to) : null;
}

/** Presence of every person that appears in a stay. */
export function presenceByPerson(
  stays: readonly Pick<Stay, 'checkIn' | 'checkOut' | 'personIds'>[],
): Map<PersonId, Span> {
  const out = new Map<PersonId, Span>();
  const ids = new Set<PersonId>();
  for (const s of stays) for (const p of s.personIds) ids.add(p);
  for (const id of ids) {
    const p = personPresence(id, stays);
    if (p) out.set(id, p);
  }
  return out;
}

/** Sum over stays of nights × people (accommodation counts beds per night). */
export function personNights(
  stays: readonly Pick<Stay, 'checkIn' | 'checkOut' | 'personIds'>[],
): number {
  return stays.reduce((n, s) => n + stayNights(s) * s.personIds.length, 0);
}

/** The planned end once extensions are applied (see file comment), or null without a planned end. */
export function effectiveEnd(
  c: Pick<Case, 'plannedEnd'>,
  extensions: readonly Pick<Extension, 'fromEnd' | 'toEnd'>[],
): IsoDate | null {
  let end = c.plannedEnd;
  if (!end) return null;
  if (extensions.length === 0) return end;
  const byFrom = new Map<string, IsoDate>();
  for (const e of extensions) {
    if (e.toEnd <= e.fromEnd) continue; // invalid record: ignored (the schema refuses it anyway)
    const prev = byFrom.get(e.fromEnd);
    byFrom.set(e.fromEnd, prev ? maxIsoDate(prev, e.toEnd) : e.toEnd);
  }
  for (let guard = 0; guard <= extensions.length; guard++) {
    const next = byFrom.get(end);
    if (!next) break;
    end = next;
  }
  return end;
}

/** Extensions that do not chain from the planned end (recorded against an end no longer in force). */
export function strayExtensions<E extends Pick<Extension, 'fromEnd' | 'toEnd'>>(
  c: Pick<Case, 'plannedEnd'>,
  extensions: readonly E[],
): E[] {
  const chain = new Set<string>();
  let end = c.plannedEnd;
  if (!end) return [...extensions];
  chain.add(end);
  for (let guard = 0; guard <= extensions.length; guard++) {
    const next = extensions.find(
      (e) => e.fromEnd === end && e.toEnd > e.fromEnd && !chain.has(e.toEnd),
    );
    if (!next) break;
    end = next.toEnd;
    chain.add(end);
  }
  return extensions.filter(
    (e) => !(chain.has(e.fromEnd) && chain.has(e.toEnd) && e.toEnd > e.fromEnd),
  );
}

export interface CaseDuration extends Span {
  /** Nights added by extensions. */
  readonly extendedNights: number;
}

/** The case from (actual or planned) start to (actual or effective planned) end, or null without dates. */
export function caseDuration(
  c: Pick<Case, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>,
  extensions: readonly Pick<Extension, 'fromEnd' | 'toEnd'>[] = [],
): CaseDuration | null {
  const start = c.actualStart ?? c.plannedStart;
  const planned = effectiveEnd(c, extensions);
  const end = c.actualEnd ?? planned;
  if (!start || !end) return null;
  const extendedNights =
    c.plannedEnd && planned ? Math.max(0, daysBetween(c.plannedEnd, planned)) : 0;
  return { ...span(start, end), extendedNights };
}

export interface CaseSummary {
  readonly nights: number;
  readonly days: number;
  readonly peopleCount: number;
  readonly personNights: number;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
  readonly extended: boolean;
}

/** Data for the "90 nights · 3 people" line of a case. */
export function caseSummary(input: {
  readonly case: Pick<Case, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>;
  readonly people: readonly Pick<Person, 'id'>[];
  readonly stays: readonly Pick<Stay, 'checkIn' | 'checkOut' | 'personIds'>[];
  readonly extensions?: readonly Pick<Extension, 'fromEnd' | 'toEnd'>[];
}): CaseSummary {
  const d = caseDuration(input.case, input.extensions ?? []);
  return {
    nights: d?.nights ?? 0,
    days: d?.days ?? 0,
    peopleCount: input.people.length,
    personNights: personNights(input.stays),
    start: d?.from ?? null,
    end: d?.to ?? null,
    extended: (d?.extendedNights ?? 0) > 0,
  };
}

/** English rendering, "90 nights · 3 people" (the UI uses the numbers with its own plurals). */
export function formatSummary(s: Pick<CaseSummary, 'nights' | 'peopleCount'>): string {
  return `${s.nights} ${s.nights === 1 ? 'night' : 'nights'} · ${s.peopleCount} ${s.peopleCount === 1 ? 'person' : 'people'}`;
}

export interface ExtensionRequest {
  readonly toEnd: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly approvedOn: string;
}

/**
 * Prepares an extension of the end in force to `toEnd`. Refuses when the case is not relocated,
 * has no planned end, or when the new end is not after the end in force.
 */
export function draftExtension(
  c: Pick<Case, 'id' | 'status' | 'plannedEnd'>,
  existing: readonly Pick<Extension, 'fromEnd' | 'toEnd'>[],
  req: ExtensionRequest,
): Result<ExtensionInput, FieldError[]> {
  const errors: FieldError[] = [];
  if (!canRecordExtension(c.status)) {
    errors.push({
      field: 'status',
      message: 'An extension can be recorded only while the case is relocated',
    });
  }
  const fromEnd = effectiveEnd(c, existing);
  if (!fromEnd)
    errors.push({
      field: 'fromEnd',
      message: 'Set the planned end of the case before extending it',
    });
  if (!isIsoDate(req.toEnd))
    errors.push({ field: 'toEnd', message: 'Enter the new end date as YYYY-MM-DD' });
  else if (fromEnd && req.toEnd <= fromEnd) {
    errors.push({
      field: 'toEnd',
      message: `The new end must be after the current end (${fromEnd})`,
    });
  }
  if (!req.reason.trim())
    errors.push({ field: 'reason', message: 'Give the reason for the extension' });
  if (!req.approvedBy.trim())
    errors.push({ field: 'approvedBy', message: 'Enter who approved the extension' });
  if (!isIsoDate(req.approvedOn))
    errors.push({ field: 'approvedOn', message: 'Enter the approval date as YYYY-MM-DD' });
  if (errors.length > 0 || !fromEnd) return err(errors);
  return ok({
    caseId: c.id,
    fromEnd,
    toEnd: req.toEnd as IsoDate,
    reason: req.reason.trim(),
    approvedBy: req.approvedBy.trim(),
    approvedOn: req.approvedOn as IsoDate,
  });
}
