/** The words of the static route map, from the map's translations. */
import type { TFunction } from 'i18next';
import type { RouteMapLabels } from './route-map-svg';

/** `{{…}}` placeholders are kept for the SVG renderer to fill. */
export function routeMapLabels(t: TFunction): RouteMapLabels {
  const keep = { code: '{{code}}', people: '{{people}}', version: '{{version}}', date: '{{date}}' };
  return {
    title: t('map.routeSvg.title', keep),
    origin: t('map.routeSvg.origin'),
    stay: t('map.routeSvg.stay'),
    party: t('map.routeSvg.party', keep),
    noRoute: t('map.routeSvg.noRoute'),
    source: t('map.routeSvg.source', keep),
  };
}
