/** Public face of the budget feature. */
export { BudgetPage } from './BudgetPage';
export { BudgetTab } from './BudgetTab';
export { useBudget, useBudgetCheckInput, type BudgetState } from './use-budget';
