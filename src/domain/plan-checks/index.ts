/**
 * Plan checks: the preflight list shown on a case. `runPlanChecks` is a pure function of the
 * case's records; each `Finding` has a severity, a stable `code` (the i18n key), an English
 * `message` with its `params` (so translations can rebuild it), and a `fix` that names the record
 * and field to correct. Messages use code names only, never legal names or addresses.
 *
 * The checks are a registry (`PLAN_CHECKS`) of modules, one file per area of the plan:
 * legs.ts (times of one leg), timeline.ts (a traveller's legs in sequence, somewhere to sleep, the
 * return leg), stays.ts, people.ts (documents and visas), checkpoints.ts, extension.ts (what an extension left behind) and budget.ts; context.ts
 * holds what they share. A check is an id, its area and a function from the run's context (the
 * input, indexed once) to findings; the registry's order is the order of findings of equal
 * severity.
 *
 * Cancelled legs are ignored everywhere. Cases that are declined, cancelled, closed or purged get
 * no findings: there is nothing left to plan. Form validators (`validateLeg`, `validateStay`) live
 * beside their entities in `domain/entities`.
 */
import { isTerminal } from '../lifecycle';
import { BUDGET_CHECKS } from './budget';
import { CHECKPOINT_CHECKS } from './checkpoints';
import { EXTENSION_CHECKS } from './extension';
import { makeContext, type PlanCheck } from './context';
import { LEG_CHECKS } from './legs';
import { PEOPLE_CHECKS } from './people';
import { STAY_CHECKS } from './stays';
import { LEG_SEQUENCE_CHECKS, RETURN_CHECKS } from './timeline';
import {
  SEVERITY_ORDER,
  type Finding,
  type PlanCheckInput,
  type PlanCheckOptions,
  type Severity,
} from './types';

export {
  joinNames,
  NAME_LIST_SEPARATOR,
  samePlace,
  type PlanCheck,
  type PlanContext,
} from './context';
export {
  DEFAULT_MIN_CONNECTION_MINUTES,
  type BudgetCheckInput,
  FINDING_CODES,
  type CheckArea,
  type Finding,
  type FindingCode,
  type FindingFix,
  type OtherStay,
  type PlanCheckInput,
  type PlanCheckOptions,
  type Severity,
} from './types';

/** Every check, in the order its findings are listed (within one severity). */
export const PLAN_CHECKS: readonly PlanCheck[] = [
  ...LEG_CHECKS,
  ...LEG_SEQUENCE_CHECKS,
  ...STAY_CHECKS,
  ...PEOPLE_CHECKS,
  ...RETURN_CHECKS,
  ...EXTENSION_CHECKS,
  ...CHECKPOINT_CHECKS,
  ...BUDGET_CHECKS,
];

/** Runs every plan check; findings sorted errors first, then warnings, then info. */
export function runPlanChecks(input: PlanCheckInput, options: PlanCheckOptions = {}): Finding[] {
  if (isTerminal(input.case.status)) return [];
  const ctx = makeContext(input, options);
  const out: Finding[] = [];
  for (const check of PLAN_CHECKS) out.push(...check.run(ctx));
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** The most severe level among findings, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) {
    if (worst === null || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  }
  return worst;
}
