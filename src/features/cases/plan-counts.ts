/**
 * Plan-check counts for the cases list, computed off the rendering path. Running every plan check
 * of 5,000 cases takes a few hundred milliseconds, so the list renders first and the counts follow
 * in small slices between frames, visible rows first. The counts and what they depend on are the
 * domain's (`domain/planning`); this file only schedules the work.
 */
import type { HostLocation, Stay } from '../../domain/entities';
import type { HostId } from '../../domain/ids';
import {
  countFindings,
  planDeps,
  type CaseBundle,
  type PlanCountCache,
} from '../../domain/planning';
import type { BudgetCheckInput } from '../../domain/plan-checks';
import type { IsoDate } from '../../domain/time';
import { inBackground } from '../../shared/ui/background-work';

/** A case's budget as its plan checks read it (`budgetChecksOf(session).inputOf`), or null. */
export type BudgetOf = (caseId: string) => BudgetCheckInput | null;

/** How computeInSlices runs; every field has a default. */
export interface SliceOptions {
  /** How long one slice may hold the thread, in ms (8). */
  readonly sliceMs?: number;
  /** The budget findings to count too (none). */
  readonly budgetOf?: BudgetOf;
  /** The least time between two progress calls, in ms (150). */
  readonly reportMs?: number;
  /** The cache revision the caller rendered with (the revision at the start). */
  readonly shownRevision?: number;
}

/**
 * Computes stale or missing counts in order, yielding to the browser every `sliceMs` (each slice a
 * background task, after input, rendering and ordinary tasks). Calls `onProgress` once the cache
 * holds counts the caller has not shown, that is when its revision differs from `shownRevision`
 * (the revision the caller rendered with), whoever filled them (another screen shares the cache):
 * after the first slice that finds such counts (the rows in view come first), then at most every
 * `reportMs`, and once at the end. Each call re-renders whoever shows the counts, so a call per
 * slice would cost more than the checks. With `budgetOf`, the budget findings (missing rate, over
 * a cap, per diem gap) count too, as on the case's Plan checks tab. Returns a function that stops
 * the work.
 */
export function computeInSlices(
  order: readonly string[],
  bundles: ReadonlyMap<string, CaseBundle>,
  hosts: ReadonlyMap<HostId, HostLocation>,
  byHost: ReadonlyMap<string, readonly Stay[]>,
  today: IsoDate,
  cache: PlanCountCache,
  onProgress: () => void,
  opts: SliceOptions = {},
): () => void {
  const { sliceMs = 8, budgetOf = () => null, reportMs = 150 } = opts;
  const shownRevision = opts.shownRevision ?? cache.revision;
  let i = 0;
  let stopped = false;
  let reported = shownRevision;
  let reportedAt = -Infinity;
  const step = (): void => {
    if (stopped) return;
    const until = performance.now() + sliceMs;
    // At least one case per slice, however short the slice.
    do {
      if (i >= order.length) break;
      const id = order[i++] as string;
      const bundle = bundles.get(id);
      if (!bundle) continue;
      const budget = budgetOf(id);
      const deps = planDeps(bundle, hosts, byHost, today, budget);
      if (cache.isFresh(id, deps)) continue;
      cache.set(id, deps, countFindings(bundle, hosts, byHost, today, budget));
    } while (performance.now() < until);
    const done = i >= order.length;
    const now = performance.now();
    if (cache.revision !== reported && (done || now - reportedAt >= reportMs)) {
      reported = cache.revision;
      reportedAt = now;
      onProgress();
    }
    if (!done) cancel = inBackground(step);
  };
  // Start after the next paint, so the list shows before the first slice runs; every slice is a
  // background task (shared/ui/background-work.ts), behind input and any page opening.
  let cancel: () => void = () => undefined;
  if (typeof requestAnimationFrame === 'function') {
    const frame = requestAnimationFrame(() => (cancel = inBackground(step)));
    cancel = () => cancelAnimationFrame(frame);
  } else cancel = inBackground(step);
  return () => {
    stopped = true;
    cancel();
  };
}
