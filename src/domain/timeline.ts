/**
 * The timeline across cases: one row per case with its stays (bars), legs (marks on the departure
 * day) and reviews (marks on the due day: overdue, due, decided), and the date range that holds
 * them all. Built in one pass over the planning records; rows sorted by start (cases without dates
 * last), so the screen only positions what is in view.
 */
import { effectiveEnd } from './duration';
import type { CaseStatus } from './entities/case';
import type { CheckpointKind } from './entities/checkpoint';
import type { LegMode } from './entities/leg';
import { isTerminal } from './lifecycle';
import type { PlanningData } from './planning';
import { addDays, localDateOf, maxIsoDate, minIsoDate, type IsoDate } from './time';

export interface TimelineStay {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly host: string;
}
export interface TimelineLeg {
  readonly day: IsoDate;
  readonly mode: LegMode;
  readonly label: string;
}
export interface TimelineReview {
  readonly day: IsoDate;
  readonly kind: CheckpointKind;
  readonly state: 'overdue' | 'due' | 'decided';
}
export interface TimelineRow {
  readonly caseId: string;
  readonly codeName: string;
  readonly status: CaseStatus;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
  readonly stays: TimelineStay[];
  readonly legs: TimelineLeg[];
  readonly reviews: TimelineReview[];
}
export interface Timeline {
  readonly rows: readonly TimelineRow[];
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export function buildTimeline(
  data: PlanningData,
  today: IsoDate,
  opts: { readonly includeClosed?: boolean } = {},
): Timeline {
  const rows = new Map<string, TimelineRow & { stays: TimelineStay[] }>();
  const ext = new Map<string, { fromEnd: IsoDate; toEnd: IsoDate }[]>();
  for (const e of data.extensions) {
    const list = ext.get(e.caseId) ?? [];
    list.push(e);
    ext.set(e.caseId, list);
  }
  const hostName = new Map(data.hosts.map((h) => [h.id as string, h.codeName]));
  for (const c of data.cases) {
    if (!opts.includeClosed && isTerminal(c.status)) continue;
    rows.set(c.id, {
      caseId: c.id,
      codeName: c.codeName,
      status: c.status,
      start: c.actualStart ?? c.plannedStart,
      end: c.actualEnd ?? effectiveEnd(c, ext.get(c.id) ?? []),
      stays: [],
      legs: [],
      reviews: [],
    });
  }
  let from: IsoDate = addDays(today, -14);
  let to: IsoDate = addDays(today, 60);
  const widen = (d: IsoDate) => {
    from = minIsoDate(from, d);
    to = maxIsoDate(to, d);
  };
  for (const s of data.stays) {
    const row = rows.get(s.caseId);
    if (!row) continue;
    row.stays.push({ from: s.checkIn, to: s.checkOut, host: hostName.get(s.hostId) ?? '' });
    widen(s.checkIn);
    widen(s.checkOut);
  }
  for (const l of data.legs) {
    const row = rows.get(l.caseId);
    if (!row || l.status === 'cancelled') continue;
    const day = localDateOf(l.depart.local);
    row.legs.push({ day, mode: l.mode, label: `${l.from.name} → ${l.to.name}` });
    widen(day);
  }
  for (const cp of data.checkpoints) {
    const row = rows.get(cp.caseId);
    if (!row) continue;
    const state = cp.decision !== null ? 'decided' : cp.dueDate < today ? 'overdue' : 'due';
    row.reviews.push({ day: cp.dueDate, kind: cp.kind, state });
    widen(cp.dueDate);
  }
  for (const row of rows.values()) {
    if (row.start) widen(row.start);
    if (row.end) widen(row.end);
  }
  const sorted = [...rows.values()].sort((a, b) =>
    a.start === b.start
      ? a.codeName.localeCompare(b.codeName)
      : a.start === null
        ? 1
        : b.start === null
          ? -1
          : a.start < b.start
            ? -1
            : 1,
  );
  return { rows: sorted, from: addDays(from, -7), to: addDays(to, 7) };
}
