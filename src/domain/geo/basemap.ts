/**
 * The offline basemap, prepared from Natural Earth country shapes (`world-atlas`, TopoJSON) for
 * both the Leaflet map and the printed route map:
 *
 * - **Crimea is shown as part of Ukraine.** Natural Earth 4.1 draws it inside Russia's polygon;
 *   Haven moves that polygon to Ukraine before anything is drawn (so no border is drawn across the
 *   Perekop isthmus and the Kerch Strait is the border), following the UN General Assembly
 *   resolution 68/262. The map's source note says so (`BASEMAP_NOTE`).
 * - Kosovo, Northern Cyprus and Somaliland have no numeric ISO id in the data: they are labelled
 *   by their Natural Earth name and get a stable key of their own.
 * - Every ring is unwrapped across the 180° meridian (Russia, Fiji, the Aleutians) so a flat map
 *   draws no stripe.
 * - Each country has a label point inside it (`polylabel` on its largest polygon) and its area in
 *   steradians, so a map can show the larger countries' labels first.
 */
import { geoArea } from 'd3-geo';
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position as GeoPosition,
} from 'geojson';
import polylabel from 'polylabel';
import { feature, mesh } from 'topojson-client';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Topology,
} from 'topojson-specification';
import { unwrapLine, unwrapMultiPolygon } from './antimeridian';

export type BasemapDetail = '110m' | '50m';

export interface BasemapCountry {
  /** ISO 3166-1 numeric id, or `ne:<name>` for a territory without one. */
  readonly key: string;
  readonly name: string;
  /** Unwrapped polygons (GeoJSON positions). */
  readonly geometry: MultiPolygon;
  /** Where the label goes: [lng, lat], inside the country. */
  readonly labelAt: readonly [number, number];
  /** Spherical area in steradians (4π is the whole Earth). */
  readonly area: number;
}

export interface Basemap {
  readonly detail: BasemapDetail;
  readonly countries: readonly BasemapCountry[];
  /** Land borders between countries (not coastlines), unwrapped. */
  readonly borders: MultiLineString;
}

export const BASEMAP_SOURCE = {
  name: 'Natural Earth',
  version: '4.1.0',
  date: '2018-05-21',
  package: 'world-atlas 2.0.2',
} as const;

const UKRAINE = '804';
const RUSSIA = '643';

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Crimea's polygon in Russia's geometry: the one whose bounding box lies over the peninsula. */
function isCrimea(rings: GeoPosition[][]): boolean {
  const outer = rings[0] ?? [];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [x = 0, y = 0] of outer) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return minX > 32 && maxX < 37 && minY > 44 && maxY < 46.5;
}

/**
 * A copy of the topology with Crimea's polygon moved from Russia to Ukraine (see file comment).
 * The input is not changed; a topology without the two countries comes back as it was.
 */
export function moveCrimeaToUkraine(topology: CountriesTopology): CountriesTopology {
  const geometries = topology.objects.countries.geometries;
  const ru = geometries.find((g) => g.id === RUSSIA);
  const ua = geometries.find((g) => g.id === UKRAINE);
  if (!ru || !ua || ru.type !== 'MultiPolygon') return topology;
  const ruShape = feature(topology, ru).geometry;
  if (ruShape.type !== 'MultiPolygon') return topology;
  const index = ruShape.coordinates.findIndex(isCrimea);
  const crimea = ru.arcs[index];
  if (index < 0 || !crimea) return topology;
  const uaArcs =
    ua.type === 'Polygon' ? [ua.arcs] : ua.type === 'MultiPolygon' ? [...ua.arcs] : null;
  if (!uaArcs) return topology;
  const newRu: TopoMultiPolygon<{ name: string }> = {
    ...ru,
    arcs: ru.arcs.filter((_, i) => i !== index),
  };
  const newUa: TopoMultiPolygon<{ name: string }> = {
    type: 'MultiPolygon',
    id: ua.id,
    properties: { name: 'Ukraine' },
    arcs: [...uaArcs, crimea],
  };
  return {
    ...topology,
    objects: {
      ...topology.objects,
      countries: {
        ...topology.objects.countries,
        geometries: geometries.map((g) => (g === ru ? newRu : g === ua ? newUa : g)),
      },
    },
  };
}

function largestPolygon(polygons: number[][][][]): number[][][] {
  let best: number[][][] = polygons[0] ?? [];
  let bestArea = -1;
  for (const p of polygons) {
    const a = Math.abs(geoArea({ type: 'Polygon', coordinates: p }));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  return best;
}

/** The prepared basemap (see file comment) from a `world-atlas` countries topology. */
export function prepareBasemap(topology: unknown, detail: BasemapDetail): Basemap {
  const topo = moveCrimeaToUkraine(topology as CountriesTopology);
  const collection = feature(topo, topo.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const countries: BasemapCountry[] = [];
  for (const f of collection.features as Feature<Polygon | MultiPolygon, { name: string }>[]) {
    const polygons =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const unwrapped = unwrapMultiPolygon(polygons as [number, number][][][]);
    const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: unwrapped };
    const name = f.properties?.name ?? '';
    const key = f.id !== undefined ? String(f.id) : `ne:${name}`;
    const point = polylabel(largestPolygon(unwrapped), 0.05);
    countries.push({
      key,
      name,
      geometry,
      labelAt: [Number(point[0].toFixed(3)), Number(point[1].toFixed(3))],
      area: geoArea(f),
    });
  }
  countries.sort((a, b) => b.area - a.area || a.key.localeCompare(b.key));
  const lines = mesh(topo, topo.objects.countries, (a, b) => a !== b);
  const borders: MultiLineString = {
    type: 'MultiLineString',
    coordinates: lines.coordinates.map((l) => unwrapLine(l as [number, number][])),
  };
  return { detail, countries, borders };
}

/**
 * The countries whose label fits at `zoom` (Leaflet zoom, 256-px world at 0): a label shows
 * once the country is about 60 px across, always the larger ones first.
 */
export function labelledCountries(
  countries: readonly BasemapCountry[],
  zoom: number,
): BasemapCountry[] {
  const worldPx = 256 * 2 ** zoom;
  // Width of a country of area A (steradians) as if it were a square near the equator.
  return countries.filter((c) => Math.sqrt(c.area) * (worldPx / (2 * Math.PI)) >= 60);
}
