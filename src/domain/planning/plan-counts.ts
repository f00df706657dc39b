/**
 * Plan-check counts per case, and what they depend on. Results are kept per case and reused while
 * the records they were computed from are the same objects (the vault replaces a record's object
 * only when it changes), so an edit recomputes only the cases it touched.
 */
import type { HostLocation } from '../entities/host';
import type { Stay } from '../entities/stay';
import type { HostId } from '../ids';
import { sameItems } from '../memoize';
import { capBreachKey } from '../budget/caps';
import { runPlanChecks, type BudgetCheckInput } from '../plan-checks';
import type { IsoDate } from '../time';
import { planCheckInput, type CaseBundle } from './model';
import { CASE_OWNED_STORES } from './stores';

export interface PlanCounts {
  readonly errors: number;
  readonly warnings: number;
}

interface Entry {
  readonly deps: readonly unknown[];
  readonly counts: PlanCounts;
}

/**
 * What a case's findings depend on: its records, its hosts and the stays at those hosts, the day,
 * and with a budget its items (the same array while the case is unchanged), the rate book, the
 * per diem gaps and the cap breaches it has.
 */
export function planDeps(
  bundle: CaseBundle,
  hosts: ReadonlyMap<HostId, HostLocation>,
  byHost: ReadonlyMap<string, readonly Stay[]>,
  today: IsoDate,
  budget: BudgetCheckInput | null = null,
): unknown[] {
  const deps: unknown[] = [today, bundle.case];
  for (const store of CASE_OWNED_STORES) deps.push(...bundle[store]);
  for (const s of bundle.stays) deps.push(hosts.get(s.hostId), byHost.get(s.hostId));
  if (budget)
    deps.push(
      budget.items,
      budget.book,
      budget.perDiemGaps,
      capBreachKey(bundle.case.id, budget.caps),
    );
  return deps;
}

/** Errors and warnings of the case's plan checks: the same input as the case's Plan checks tab. */
export function countFindings(
  bundle: CaseBundle,
  hosts: ReadonlyMap<HostId, HostLocation>,
  byHost: ReadonlyMap<string, readonly Stay[]>,
  today: IsoDate,
  budget: BudgetCheckInput | null = null,
): PlanCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of runPlanChecks({ ...planCheckInput(bundle, hosts, byHost, today), budget })) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/**
 * A per-case cache of counts. `get` returns the last counts even when stale (shown until
 * recomputed). `revision` changes whenever a count is set or dropped: several screens fill the
 * same cache, and each compares the revision it rendered with to learn that another one filled it.
 */
export class PlanCountCache {
  private readonly entries = new Map<string, Entry>();
  private rev = 0;

  get revision(): number {
    return this.rev;
  }

  get(caseId: string): PlanCounts | undefined {
    return this.entries.get(caseId)?.counts;
  }

  isFresh(caseId: string, deps: readonly unknown[]): boolean {
    const e = this.entries.get(caseId);
    return !!e && sameItems(e.deps, deps);
  }

  set(caseId: string, deps: readonly unknown[], counts: PlanCounts): void {
    this.entries.set(caseId, { deps, counts });
    this.rev++;
  }

  /** Forgets cases that no longer exist. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) {
      if (!ids.has(id)) {
        this.entries.delete(id);
        this.rev++;
      }
    }
  }

  clear(): void {
    this.entries.clear();
    this.rev++;
  }
}
