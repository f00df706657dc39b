/** Public face of the travel feature: the Travel tab of a case. */
export { TravelTab } from './TravelTab';
