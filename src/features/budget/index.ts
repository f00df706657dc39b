/** Public face of the budget feature. */
export { BudgetPage } from './BudgetPage';
