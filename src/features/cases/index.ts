/** Public face of the cases feature: the list (and its preparation after unlock), the case page. */
export { CasesPage } from './CasesPage';
export { CasePage } from './CasePage';
export { usePrimeCasesList } from './use-cases-list';
export { NEW_CASE_HREF } from './new-case-shortcut';
export { usePlanErrors, type PlanErrors } from './use-plan-errors';
