/** Public face of the map feature. */
export { MapPage } from './MapPage';
