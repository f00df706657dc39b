/**
 * Which screen opens the record a plan-check finding is about. The domain says what a finding is
 * about (store, id, field); the tab that fixes it is a UI choice, made here once for every finding
 * code (a new code fails to compile until it is given a tab).
 */
import { assertNever } from '../../domain/assert';
import type { Finding, FindingFix } from '../../domain/plan-checks';

export type FixTab = 'people' | 'travel' | 'stays' | 'checkpoints' | 'budget' | 'overview';

/** The tab of the case (or `budget`, the Budget page) where a finding is fixed. */
export function findingTab(f: Pick<Finding, 'code' | 'fix'>): FixTab {
  switch (f.code) {
    case 'document_missing':
    case 'document_expires_too_soon':
    case 'visa_not_granted':
    case 'visa_not_valid_on_entry':
    case 'visa_expires_during_stay':
      return 'people';
    case 'leg_time_invalid':
    case 'leg_time_ambiguous':
    case 'leg_arrives_before_departure':
    case 'legs_do_not_connect':
    case 'connection_too_short':
    case 'no_return_leg':
    case 'return_leg_before_end':
    case 'leg_to_rebook':
      return 'travel';
    case 'traveller_double_booked':
      // Two legs at once are fixed on Travel; two stays on the same nights on Stays.
      return f.fix.entity === 'stays' ? 'stays' : 'travel';
    case 'stay_host_missing':
    case 'stay_over_capacity':
    case 'stay_outside_availability':
    case 'host_overbooked':
    case 'stay_start_mismatch':
    case 'traveller_without_stay':
    case 'nights_without_stay':
      return 'stays';
    case 'no_checkpoint_before_end':
    case 'checkpoint_overdue':
      return 'checkpoints';
    case 'budget_over_cap':
    case 'budget_currency_mismatch':
    case 'budget_rate_missing':
    case 'budget_case_over_funder_cap':
    case 'budget_funder_over_total':
    case 'budget_per_diem_rate_missing':
      return 'budget';
    default:
      return assertNever(f.code, 'finding code');
  }
}

/** A finding's link: the tab that fixes it, and the record and field to open there. */
export interface FindingLink extends FindingFix {
  readonly tab: FixTab;
}

export function findingLink(f: Pick<Finding, 'code' | 'fix'>): FindingLink {
  return { tab: findingTab(f), ...f.fix };
}

/** Findings grouped by the tab that fixes them (for badges on the case tabs). */
export function findingsByTab(findings: readonly Finding[]): Record<FixTab, Finding[]> {
  const out: Record<FixTab, Finding[]> = {
    people: [],
    travel: [],
    stays: [],
    checkpoints: [],
    budget: [],
    overview: [],
  };
  for (const f of findings) out[findingTab(f)].push(f);
  return out;
}
