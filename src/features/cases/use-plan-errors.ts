/**
 * Plan-check error counts of every case, for the Dashboard and the navigation's reminder: the same
 * per-session cache the cases list fills (so a count is computed once per change, whichever screen
 * asks first), filled in slices between frames; re-renders as counts arrive.
 */
import { useEffect, useState } from 'react';
import { usePlanningIndex, usePlanningSession } from '../../storage';
import { today } from '../../shared/ui/today';
import { useBudgetChecks } from '../budget';
import { computeInSlices } from './plan-counts';
import { createCasesListStore } from './use-cases-list';

export interface PlanErrors {
  /** A case's error count, or undefined while it is being computed. */
  readonly errorsOf: (caseId: string) => number | undefined;
  /** Changes as counts arrive (a memo key). */
  readonly version: number;
}

export function usePlanErrors(): PlanErrors {
  const session = usePlanningSession();
  const counts = session.local(createCasesListStore).planCounts;
  const { bundles, hostsById, byHost, complete } = usePlanningIndex();
  // The budget findings count as on the case's Plan checks tab and in the list (the same cache:
  // counted without them here, every count would be redone there and back).
  const budget = useBudgetChecks();
  const [version, setVersion] = useState(0);
  const day = today();
  // The revision these counts are rendered at: counts another screen adds later are reported.
  const shownRevision = counts.revision;
  useEffect(
    () =>
      // Only on complete lists: a store still opening after unlock would make a case look wrong.
      complete
        ? computeInSlices(
            [...bundles.keys()],
            bundles,
            hostsById,
            byHost,
            day,
            counts,
            () => setVersion((v) => v + 1),
            { budgetOf: (id) => budget.inputOf(id), shownRevision },
          )
        : undefined,
    // Not re-run for a new revision: the run in progress reports it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bundles, hostsById, byHost, day, counts, complete, budget],
  );
  return { errorsOf: (id) => counts.get(id)?.errors, version };
}
