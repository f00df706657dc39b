/** Public face of the places feature: the offline place picker and typed-coordinate parsing. */
export { PlaceSearch, placeLabel, type PlaceSearchProps } from './PlaceSearch';
export {
  formatCoordinate,
  parseCoordinate,
  type CoordinateError,
  type CoordinateResult,
} from './coordinates';
