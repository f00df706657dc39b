/**
 * The cases list as data: one row per case with what the table shows (dates, people, hosts, next
 * checkpoint, plan-check counts), and pure filtering and sorting over those rows. Rows are built
 * once per data change; a keystroke in the search box only filters and sorts, so 5,000 cases stay
 * fast.
 */
import type { CaseStatus, RiskLevel } from '../../domain/entities';
import { normalizePlaceName } from '../../domain/geo';
import { RISK_LEVELS, CASE_STATUSES } from '../../domain/entities';
import { runPlanChecks } from '../../domain/plan-checks';
import { effectiveEnd } from '../../domain/duration';
import type { IsoDate } from '../../domain/time';
import { groupByCase, hostMap, planCheckInput, staysByHost, type PlanningData } from './plan';

export interface CaseRow {
  readonly id: string;
  readonly codeName: string;
  /** Lower-case, accent-free code name for search. */
  readonly search: string;
  readonly status: CaseStatus;
  readonly risk: RiskLevel;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
  readonly people: number;
  /** Host code names, in check-in order. */
  readonly hosts: readonly string[];
  /** The earliest undecided checkpoint. */
  readonly nextCheckpoint: { readonly date: IsoDate; readonly overdue: boolean } | null;
  readonly errors: number;
  readonly warnings: number;
}

export function buildCaseRows(data: PlanningData, todayDate: IsoDate): CaseRow[] {
  const bundles = groupByCase(data);
  const hosts = hostMap(data.hosts);
  const byHost = staysByHost(data.stays);
  const rows: CaseRow[] = [];
  for (const b of bundles.values()) {
    const c = b.case;
    const findings = runPlanChecks(planCheckInput(b, hosts, byHost, todayDate));
    let errors = 0;
    let warnings = 0;
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    let next: IsoDate | null = null;
    for (const cp of b.checkpoints) if (cp.decision === null && (!next || cp.dueDate < next)) next = cp.dueDate;
    const hostNames = [...b.stays]
      .sort((x, y) => (x.checkIn < y.checkIn ? -1 : 1))
      .map((s) => hosts.get(s.hostId)?.codeName)
      .filter((n): n is string => !!n);
    rows.push({
      id: c.id,
      codeName: c.codeName,
      search: normalizePlaceName(c.codeName),
      status: c.status,
      risk: c.riskLevel,
      start: c.actualStart ?? c.plannedStart,
      end: c.actualEnd ?? effectiveEnd(c, b.extensions),
      people: b.people.length,
      hosts: [...new Set(hostNames)],
      nextCheckpoint: next ? { date: next, overdue: next < todayDate } : null,
      errors,
      warnings,
    });
  }
  return rows;
}

export interface CaseFilter {
  readonly query: string;
  readonly statuses: readonly CaseStatus[];
  readonly risks: readonly RiskLevel[];
  /** Cases whose dates overlap [from, to]; either may be empty. */
  readonly from: string;
  readonly to: string;
}

export const EMPTY_FILTER: CaseFilter = { query: '', statuses: [], risks: [], from: '', to: '' };

export function isFiltering(f: CaseFilter): boolean {
  return f.query.trim() !== '' || f.statuses.length > 0 || f.risks.length > 0 || f.from !== '' || f.to !== '';
}

export function filterRows(rows: readonly CaseRow[], f: CaseFilter): CaseRow[] {
  const q = normalizePlaceName(f.query);
  const statuses = f.statuses.length ? new Set<string>(f.statuses) : null;
  const risks = f.risks.length ? new Set<string>(f.risks) : null;
  const dated = f.from !== '' || f.to !== '';
  return rows.filter((r) => {
    if (q && !r.search.includes(q)) return false;
    if (statuses && !statuses.has(r.status)) return false;
    if (risks && !risks.has(r.risk)) return false;
    if (dated) {
      if (!r.start) return false;
      const end = r.end ?? r.start;
      if (f.from && end < f.from) return false;
      if (f.to && r.start > f.to) return false;
    }
    return true;
  });
}

export const SORT_KEYS = ['codeName', 'status', 'start', 'people', 'nextCheckpoint', 'findings', 'risk'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface CaseSort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}

const STATUS_ORDER = new Map<string, number>(CASE_STATUSES.map((s, i) => [s, i]));
const RISK_ORDER = new Map<string, number>(RISK_LEVELS.map((r, i) => [r, i]));
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Missing values (no dates, no checkpoint) always sort last, whatever the direction. */
export function sortRows(rows: readonly CaseRow[], sort: CaseSort): CaseRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const value = (r: CaseRow): string | number | null => {
    switch (sort.key) {
      case 'codeName':
        return r.codeName;
      case 'status':
        return STATUS_ORDER.get(r.status) ?? 0;
      case 'risk':
        return RISK_ORDER.get(r.risk) ?? 0;
      case 'start':
        return r.start;
      case 'people':
        return r.people;
      case 'nextCheckpoint':
        return r.nextCheckpoint?.date ?? null;
      case 'findings':
        return r.errors * 10_000 + r.warnings;
    }
  };
  return rows
    .map((r) => ({ r, v: value(r) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? collator.compare(a.r.codeName, b.r.codeName) : a.v === null ? 1 : -1;
      const c = typeof a.v === 'string' && typeof b.v === 'string' ? collator.compare(a.v, b.v) : (a.v as number) - (b.v as number);
      return c !== 0 ? sign * c : collator.compare(a.r.codeName, b.r.codeName);
    })
    .map((x) => x.r);
}
