/** Public face of the budget feature. */
export { BudgetPage } from './BudgetPage';
export { BudgetTab } from './BudgetTab';
export {
  budgetChecksOf,
  useBudget,
  useBudgetCheckInput,
  useBudgetChecks,
  useBudgetWarmed,
  type BudgetChecks,
  type BudgetState,
} from './use-budget';
