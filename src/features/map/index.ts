/**
 * Public face of the map feature: the Map page, and the static route map of a case for print
 * (`renderRouteMapSvg`, with `loadBasemap` for its countries and `routeMapLabels` for its words).
 */
export { MapPage } from './MapPage';
export { loadBasemap } from './basemap';
export {
  renderRouteMapSvg,
  type RouteMapInput,
  type RouteMapLabels,
  type RouteMapOptions,
} from './route-map-svg';
export { routeMapLabels } from './route-map-labels';
export {
  HostPlacePicker,
  roundingOf,
  type HostPlacePickerProps,
  type PlaceRounding,
} from './HostPlacePicker';
export { CaseMap } from './CaseMap';
export type { CaseMapProps } from './CaseMapView';
