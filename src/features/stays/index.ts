/** Public face of the stays feature: the Stays tab of a case. */
export { StaysTab } from './StaysTab';
