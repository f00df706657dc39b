/**
 * The offline basemap inside a react-leaflet map: land and borders drawn on one shared canvas
 * renderer from the bundled Natural Earth shapes (110m when zoomed out, 50m from zoom 4), country
 * labels inside each country (larger countries first, more as the map zooms in), and from zoom 5
 * city labels from the app's gazetteer. No tile, no request: the sea is the container's colour.
 * The attribution says which data is shown, of which date, and how Crimea is drawn.
 *
 * `worldCopies` also draws the basemap one turn east and west, for routes unwrapped past ±180.
 */
import L from 'leaflet';
import countriesLib from 'i18n-iso-countries';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnlineTiles } from '../settings';
import { useMap } from 'react-leaflet';
import {
  BASEMAP_SOURCE,
  labelledCountries,
  type Basemap,
  type BasemapDetail,
} from '../../domain/geo/basemap';
import { citiesInBox } from '../../domain/places';
import { loadBasemap } from './basemap';

const LAND = { fillColor: '#f3efe6', fillOpacity: 1, stroke: false } as const;
const BORDER = { color: '#9a9386', weight: 0.8, opacity: 1, fill: false } as const;
const FINE_FROM_ZOOM = 4;
const CITIES_FROM_ZOOM = 5;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A country's name in the UI language (the runtime's region names); the source's English otherwise. */
function countryLabel(c: { key: string; name: string }, language: string): string {
  if (language.startsWith('en')) return c.name;
  const alpha2 = /^\d+$/.test(c.key) ? countriesLib.numericToAlpha2(c.key) : undefined;
  if (!alpha2) return c.name;
  try {
    return new Intl.DisplayNames(language, { type: 'region' }).of(alpha2) ?? c.name;
  } catch {
    return c.name;
  }
}

function label(className: string, text: string, at: L.LatLngExpression): L.Marker {
  return L.marker(at, {
    icon: L.divIcon({ className, html: `<span>${esc(text)}</span>`, iconSize: [0, 0] }),
    interactive: false,
    keyboard: false,
  });
}

function minPopulationAt(zoom: number): number {
  if (zoom < 6) return 1_000_000;
  if (zoom < 7) return 300_000;
  if (zoom < 8) return 100_000;
  return 0;
}

export function OfflineBasemap({
  worldCopies = false,
  cities: withCities = true,
  onlineTiles = false,
}: {
  worldCopies?: boolean;
  /** This map draws online tiles when they are on and confirmed (the note then says so). */
  onlineTiles?: boolean;
  /** City labels from the gazetteer (off where the map labels its own places). */
  cities?: boolean;
}) {
  const map = useMap();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const tilesDrawn = useOnlineTiles().state === 'on' && onlineTiles;
  const note = t(tilesDrawn ? 'map.sourceUnderTiles' : 'map.source', {
    version: BASEMAP_SOURCE.version,
    date: BASEMAP_SOURCE.date,
  });

  useEffect(() => {
    // Leaflet names its zoom buttons in English; say them in the UI language.
    const box = map.zoomControl?.getContainer();
    for (const [cls, key] of [
      ['.leaflet-control-zoom-in', 'map.zoomIn'],
      ['.leaflet-control-zoom-out', 'map.zoomOut'],
    ] as const) {
      const button = box?.querySelector(cls);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
  }, [map, t]);

  useEffect(() => {
    const attribution = map.attributionControl;
    attribution.setPrefix(false);
    attribution.addAttribution(esc(note));
    return () => {
      attribution.removeAttribution(esc(note));
    };
  }, [map, note]);

  useEffect(() => {
    const renderer = L.canvas({ padding: 0.3 });
    const shapes = L.layerGroup().addTo(map);
    const labels = L.layerGroup().addTo(map);
    const cities = L.layerGroup().addTo(map);
    let shown: BasemapDetail | null = null;
    let current: Basemap | null = null;
    let cancelled = false;
    const container = map.getContainer();
    const shifts = worldCopies ? [0, 360, -360] : [0];

    const draw = (b: Basemap) => {
      shapes.clearLayers();
      for (const shift of shifts) {
        const coordsToLatLng = (c: number[]) => L.latLng(c[1] ?? 0, (c[0] ?? 0) + shift);
        // Path options (the shared canvas renderer) reach each polygon L.geoJSON creates.
        const options = { renderer, interactive: false, coordsToLatLng } as L.GeoJSONOptions;
        const land: GeoJSON.FeatureCollection = {
          type: 'FeatureCollection',
          features: b.countries.map((c) => ({
            type: 'Feature',
            properties: {},
            geometry: c.geometry,
          })),
        };
        L.geoJSON(land, { ...options, style: () => LAND }).addTo(shapes);
        L.geoJSON(b.borders, { ...options, style: () => BORDER }).addTo(shapes);
      }
      shown = b.detail;
      current = b;
      container.dataset.basemap = b.detail;
      container.dataset.countries = String(b.countries.length);
      placeLabels();
    };

    const placeLabels = () => {
      if (!current) return;
      const zoom = map.getZoom();
      const view = map.getBounds().pad(0.2);
      labels.clearLayers();
      for (const c of labelledCountries(current.countries, zoom).slice(0, 150))
        for (const shift of shifts) {
          const at = L.latLng(c.labelAt[1], c.labelAt[0] + shift);
          if (view.contains(at))
            label('haven-country-label', countryLabel(c, language), at).addTo(labels);
        }
      cities.clearLayers();
      if (withCities && zoom >= CITIES_FROM_ZOOM) {
        const box = {
          south: view.getSouth(),
          north: view.getNorth(),
          west: view.getWest(),
          east: view.getEast(),
        };
        for (const c of citiesInBox(box, minPopulationAt(zoom), 60)) {
          const lng = c.lng + 360 * Math.round((map.getCenter().lng - c.lng) / 360);
          label('haven-city-label', c.name, [c.lat, lng]).addTo(cities);
        }
      }
    };

    const want = (): BasemapDetail => (map.getZoom() >= FINE_FROM_ZOOM ? '50m' : '110m');
    const update = () => {
      const detail = want();
      if (detail !== shown)
        void loadBasemap(detail).then((b) => {
          if (!cancelled && want() === b.detail && shown !== b.detail) draw(b);
        });
      else placeLabels();
    };
    map.on('zoomend moveend', update);
    update();
    return () => {
      cancelled = true;
      map.off('zoomend moveend', update);
      shapes.remove();
      labels.remove();
      cities.remove();
    };
  }, [map, worldCopies, withCities, language]);

  return null;
}
