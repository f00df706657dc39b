/**
 * Plan-check counts for the cases list, computed off the rendering path. Running every plan check
 * of 5,000 cases takes a few hundred milliseconds, so the list renders first and the counts follow
 * in small slices between frames, visible rows first. Results are kept per case and reused while
 * the records they were computed from are the same objects (the vault replaces a record's object
 * only when it changes), so returning to the list is instant and an edit recomputes only what it
 * touched.
 */
import type { HostLocation, Stay } from '../../domain/entities';
import type { HostId } from '../../domain/ids';
import { runPlanChecks } from '../../domain/plan-checks';
import type { IsoDate } from '../../domain/time';
import { planCheckInput, type CaseBundle } from './plan';

export interface PlanCounts {
  readonly errors: number;
  readonly warnings: number;
}

interface Entry {
  readonly deps: readonly unknown[];
  readonly counts: PlanCounts;
}

/** What a case's findings depend on: its records, its hosts and the stays at those hosts, and the day. */
export function planDeps(
  bundle: CaseBundle,
  hosts: ReadonlyMap<HostId, HostLocation>,
  byHost: ReadonlyMap<string, readonly Stay[]>,
  today: IsoDate,
): unknown[] {
  const deps: unknown[] = [
    today,
    bundle.case,
    ...bundle.people,
    ...bundle.legs,
    ...bundle.stays,
    ...bundle.visas,
    ...bundle.checkpoints,
    ...bundle.extensions,
  ];
  for (const s of bundle.stays) deps.push(hosts.get(s.hostId), byHost.get(s.hostId));
  return deps;
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function countFindings(
  bundle: CaseBundle,
  hosts: ReadonlyMap<HostId, HostLocation>,
  byHost: ReadonlyMap<string, readonly Stay[]>,
  today: IsoDate,
): PlanCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of runPlanChecks(planCheckInput(bundle, hosts, byHost, today))) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** A per-case cache of counts. `get` returns the last counts even when stale (shown until recomputed). */
export class PlanCountCache {
  private readonly entries = new Map<string, Entry>();

  get(caseId: string): PlanCounts | undefined {
    return this.entries.get(caseId)?.counts;
  }

  isFresh(caseId: string, deps: readonly unknown[]): boolean {
    const e = this.entries.get(caseId);
    return !!e && sameDeps(e.deps, deps);
  }

  set(caseId: string, deps: readonly unknown[], counts: PlanCounts): void {
    this.entries.set(caseId, { deps, counts });
  }

  /** Forgets cases that no longer exist. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Computes stale or missing counts in order, yielding to the browser every `sliceMs`; calls
 * `onProgress` after each slice. Returns a function that stops the work.
 */
export function computeInSlices(
  order: readonly string[],
  bundles: ReadonlyMap<string, CaseBundle>,
  hosts: ReadonlyMap<HostId, HostLocation>,
  byHost: ReadonlyMap<string, readonly Stay[]>,
  today: IsoDate,
  cache: PlanCountCache,
  onProgress: () => void,
  sliceMs = 8,
): () => void {
  let i = 0;
  let stopped = false;
  const step = (): void => {
    if (stopped) return;
    const until = performance.now() + sliceMs;
    let changed = false;
    // At least one case per slice, however short the slice.
    do {
      if (i >= order.length) break;
      const id = order[i++] as string;
      const bundle = bundles.get(id);
      if (!bundle) continue;
      const deps = planDeps(bundle, hosts, byHost, today);
      if (cache.isFresh(id, deps)) continue;
      cache.set(id, deps, countFindings(bundle, hosts, byHost, today));
      changed = true;
    } while (performance.now() < until);
    if (changed) onProgress();
    if (i < order.length) setTimeout(step, 0);
  };
  // Start after the next paint, so the list shows before the first slice runs.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(step, 0));
  else setTimeout(step, 0);
  return () => {
    stopped = true;
  };
}
