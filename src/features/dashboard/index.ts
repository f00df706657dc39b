/** Public face of the dashboard feature: the page, and the budget item the budget work will feed. */
export { DashboardPage } from './DashboardPage';
export { TimelinePage } from './TimelinePage';
export { BudgetThisMonth } from './BudgetThisMonth';
