/** Public face of the cases feature: the list, the case page, and the types other tabs receive. */
export { CasesPage } from './CasesPage';
export { CasePage } from './CasePage';
export type { CaseBundle, PlanningData } from './plan';
export { NEW_CASE_HREF } from './new-case-shortcut';
