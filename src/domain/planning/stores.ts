/**
 * Which stores hold records that belong to one case (each record carries the `caseId` of its
 * case). Written once: the case bundle, the grouping by case, the dependants counted before a
 * case is deleted, the deletion cascade and the plan-count dependencies all derive from it.
 */
import type { EntityStoreName } from '../entities/store-names';

export const CASE_OWNED_STORES = [
  'people',
  'legs',
  'stays',
  'visas',
  'checkpoints',
  'extensions',
  'budgetLines',
] as const satisfies readonly EntityStoreName[];
export type CaseOwnedStore = (typeof CASE_OWNED_STORES)[number];

/** Every store the planning model reads: the cases, what they own, and the hosts they stay at. */
export const PLANNING_STORES = [
  'cases',
  ...CASE_OWNED_STORES,
  'hosts',
] as const satisfies readonly EntityStoreName[];
export type PlanningStore = (typeof PLANNING_STORES)[number];
