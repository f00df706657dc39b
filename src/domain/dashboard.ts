/**
 * The Dashboard, computed in one pass over the planning records: who travels this week, arrivals
 * and returns in the next 14 days, overdue and upcoming reviews, cases by status, host occupancy
 * tonight, and the cases with plan-check errors (their counts come from the plan-check cache, which
 * fills in slices: see features/cases/plan-counts.ts). Every item names its case so the screen can
 * link to it. Lists are sorted (soonest first, most overdue first) and cut at `limit`, with the
 * full count kept, so 5,000 cases never mean 5,000 rows on the first screen.
 *
 * "Today" is the coordinator's calendar day in their zone (the caller passes it).
 */
import { effectiveEnd } from './duration';
import type { Case, CaseStatus } from './entities/case';
import type { HostLocation } from './entities/host';
import type { CheckpointKind } from './entities/checkpoint';
import type { TravelLeg } from './entities/leg';
import type { HostId } from './ids';
import { isAway, isTerminal } from './lifecycle';
import type { PlanningData } from './planning';
import { addDays, daysBetween, localDateOf, type IsoDate } from './time';

export interface Listed<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface CaseRef {
  readonly caseId: string;
  readonly codeName: string;
}

export interface TravelItem extends CaseRef {
  readonly leg: TravelLeg;
}

export interface DateItem extends CaseRef {
  readonly date: IsoDate;
}

export interface ReviewItem extends CaseRef {
  readonly checkpointId: string;
  readonly kind: CheckpointKind;
  readonly dueDate: IsoDate;
  /** Days overdue (positive) or days to go (zero or negative means today or later). */
  readonly daysLate: number;
}

export interface OccupancyItem {
  readonly hostId: HostId;
  readonly codeName: string;
  readonly people: number;
  readonly beds: number;
  /** The first cases sleeping there tonight, by code name (at most `casesPerHost`). */
  readonly cases: readonly CaseRef[];
  /** Every case sleeping there tonight: a busy host has more than the screen names. */
  readonly caseCount: number;
}

export interface ErrorItem extends CaseRef {
  readonly errors: number;
}

export interface Dashboard {
  readonly today: IsoDate;
  readonly travelling: Listed<TravelItem>;
  readonly arrivals: Listed<DateItem>;
  readonly returns: Listed<DateItem>;
  readonly overdue: Listed<ReviewItem>;
  readonly upcoming: Listed<ReviewItem>;
  readonly byStatus: ReadonlyMap<CaseStatus, number>;
  /** Occupied hosts tonight, fullest first. */
  readonly occupancy: Listed<OccupancyItem>;
  readonly planErrors: Listed<ErrorItem>;
  /** Plan-check errors summed over the open cases (the navigation's reminder). */
  readonly planErrorTotal: number;
  /** Cases whose plan-check counts are not computed yet (the errors item says so). */
  readonly planErrorsPending: number;
}

export interface DashboardOptions {
  readonly limit?: number;
  /** Cases named per occupied host (default 3); the rest is a count. */
  readonly casesPerHost?: number;
  /** Days ahead for travel (default 7: this week), arrivals, returns and upcoming reviews (14). */
  readonly travelDays?: number;
  readonly aheadDays?: number;
}

/** Plain code-unit order: `localeCompare` costs too much over thousands of items (display order only). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function listed<T>(all: T[], compare: (a: T, b: T) => number, limit: number): Listed<T> {
  all.sort(compare);
  return { items: all.slice(0, limit), total: all.length };
}

const byDate = (a: { date: string; codeName: string }, b: { date: string; codeName: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : cmp(a.codeName, b.codeName);

/**
 * The dashboard for `today`. `planErrors(caseId)` gives a case's plan-check error count, or
 * undefined while it is not computed yet.
 */
export function computeDashboard(
  data: PlanningData,
  today: IsoDate,
  planErrors: (caseId: string) => number | undefined,
  options: DashboardOptions = {},
): Dashboard {
  const limit = options.limit ?? 8;
  const travelEnd = addDays(today, (options.travelDays ?? 7) - 1);
  const aheadEnd = addDays(today, options.aheadDays ?? 14);
  const cases = new Map<string, Case>();
  const byStatus = new Map<CaseStatus, number>();
  const open = new Set<string>();
  for (const c of data.cases) {
    cases.set(c.id, c);
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
    if (!isTerminal(c.status)) open.add(c.id);
  }
  const extensionsByCase = new Map<string, { fromEnd: IsoDate; toEnd: IsoDate }[]>();
  for (const e of data.extensions) {
    let list = extensionsByCase.get(e.caseId);
    if (!list) extensionsByCase.set(e.caseId, (list = []));
    list.push(e);
  }

  const travelling: TravelItem[] = [];
  for (const leg of data.legs) {
    if (leg.status === 'cancelled' || !open.has(leg.caseId)) continue;
    const day = localDateOf(leg.depart.local);
    if (day < today || day > travelEnd) continue;
    const c = cases.get(leg.caseId);
    if (c) travelling.push({ caseId: c.id, codeName: c.codeName, leg });
  }

  const arrivals: DateItem[] = [];
  const returns: DateItem[] = [];
  for (const c of data.cases) {
    if (!open.has(c.id)) continue;
    const ref = { caseId: c.id, codeName: c.codeName };
    const start = c.actualStart ?? c.plannedStart;
    if (!c.actualStart && start && start >= today && start <= aheadEnd)
      arrivals.push({ ...ref, date: start });
    const end = effectiveEnd(c, extensionsByCase.get(c.id) ?? []);
    if ((isAway(c.status) || c.status === 'planning') && !c.actualEnd && end)
      if (end >= today && end <= aheadEnd) returns.push({ ...ref, date: end });
  }

  const overdue: ReviewItem[] = [];
  const upcoming: ReviewItem[] = [];
  for (const cp of data.checkpoints) {
    if (cp.decision !== null || !open.has(cp.caseId)) continue;
    if (cp.dueDate > aheadEnd) continue;
    const c = cases.get(cp.caseId);
    if (!c) continue;
    const item: ReviewItem = {
      caseId: c.id,
      codeName: c.codeName,
      checkpointId: cp.id,
      kind: cp.kind,
      dueDate: cp.dueDate,
      daysLate: daysBetween(cp.dueDate, today),
    };
    (cp.dueDate < today ? overdue : upcoming).push(item);
  }

  const hosts = new Map<string, HostLocation>(data.hosts.map((h) => [h.id, h]));
  const tonight = new Map<string, { people: number; cases: Map<string, CaseRef> }>();
  for (const s of data.stays) {
    if (s.checkIn > today || s.checkOut <= today || !open.has(s.caseId)) continue;
    let entry = tonight.get(s.hostId);
    if (!entry) tonight.set(s.hostId, (entry = { people: 0, cases: new Map() }));
    entry.people += s.personIds.length;
    const c = cases.get(s.caseId);
    if (c) entry.cases.set(c.id, { caseId: c.id, codeName: c.codeName });
  }
  const casesPerHost = options.casesPerHost ?? 3;
  const occupancy: OccupancyItem[] = [];
  for (const [hostId, entry] of tonight) {
    const h = hosts.get(hostId);
    if (!h) continue;
    const sleeping = [...entry.cases.values()].sort((a, b) => cmp(a.codeName, b.codeName));
    occupancy.push({
      hostId: h.id,
      codeName: h.codeName,
      people: entry.people,
      beds: h.capacityBeds,
      cases: sleeping.slice(0, casesPerHost),
      caseCount: sleeping.length,
    });
  }

  return {
    today,
    travelling: listed(
      travelling,
      (a, b) =>
        a.leg.depart.local < b.leg.depart.local
          ? -1
          : a.leg.depart.local > b.leg.depart.local
            ? 1
            : cmp(a.codeName, b.codeName),
      limit,
    ),
    arrivals: listed(arrivals, byDate, limit),
    returns: listed(returns, byDate, limit),
    overdue: listed(
      overdue,
      (a, b) =>
        b.daysLate - a.daysLate ||
        byDate(
          { date: a.dueDate, codeName: a.codeName },
          { date: b.dueDate, codeName: b.codeName },
        ),
      limit,
    ),
    upcoming: listed(
      upcoming,
      (a, b) =>
        byDate(
          { date: a.dueDate, codeName: a.codeName },
          { date: b.dueDate, codeName: b.codeName },
        ),
      limit,
    ),
    byStatus,
    occupancy: listed(
      occupancy,
      (a, b) => b.people / b.beds - a.people / a.beds || cmp(a.codeName, b.codeName),
      limit,
    ),
    ...dashboardPlanErrors(data.cases, planErrors, limit),
  };
}

/**
 * The plan-check part of the dashboard alone: it changes as counts arrive (every few
 * milliseconds while they are computed), so a screen recomputes it without the rest.
 */
export function dashboardPlanErrors(
  allCases: readonly Case[],
  planErrors: (caseId: string) => number | undefined,
  limit = 8,
): Pick<Dashboard, 'planErrors' | 'planErrorTotal' | 'planErrorsPending'> {
  const errors: ErrorItem[] = [];
  let pending = 0;
  let errorTotal = 0;
  for (const c of allCases) {
    if (isTerminal(c.status)) continue;
    const n = planErrors(c.id);
    if (n === undefined) pending++;
    else if (n > 0) {
      errors.push({ caseId: c.id, codeName: c.codeName, errors: n });
      errorTotal += n;
    }
  }
  return {
    planErrors: listed(errors, (a, b) => b.errors - a.errors || cmp(a.codeName, b.codeName), limit),
    planErrorTotal: errorTotal,
    planErrorsPending: pending,
  };
}
