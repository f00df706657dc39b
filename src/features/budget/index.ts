/** Public face of the budget feature. */
export { BudgetPage } from './BudgetPage';
export { BudgetTab } from './BudgetTab';
export {
  budgetChecksOf,
  useBudget,
  useBudgetCheckInput,
  useBudgetChecks,
  type BudgetChecks,
  type BudgetState,
} from './use-budget';
