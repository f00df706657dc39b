/** Public face of the dashboard feature. */
export { DashboardPage } from './DashboardPage';
