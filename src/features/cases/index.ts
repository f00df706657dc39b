/** Public face of the cases feature. */
export { CasesPage } from './CasesPage';
export { CasePage } from './CasePage';
