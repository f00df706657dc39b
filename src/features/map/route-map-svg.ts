/**
 * The static route map of a case (SVG), for the printed itinerary pack: countries, borders, the
 * route of the legs (great-circle arcs for flights, straight for ground travel, one line style
 * per party of travellers), labelled stops and stays, a legend and the data source.
 *
 * Pure and deterministic: the same records, basemap and options give the same bytes (no ids,
 * dates or random values; coordinates rounded to 0.1 px). Redacted, a stay is drawn at its
 * host's place rounded to about 10 km and labelled by city only: the SVG then holds no host
 * code name and no exact coordinates (projected pixels of an exact place would reveal it).
 *
 * Use: `renderRouteMapSvg({ bundle, hosts: index.hostsById }, { redact: true, basemap:
 * await loadBasemap('110m'), labels: routeMapLabels(t) })`.
 */
import { geoMercator, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, LineString, MultiPoint } from 'geojson';
import type { HostLocation } from '../../domain/entities';
import { BASEMAP_SOURCE, type Basemap } from '../../domain/geo/basemap';
import { caseRoute, type CaseRoute, type CaseRouteSource, type RouteStop } from '../../domain/geo';

export interface RouteMapInput {
  /** A case's records: a CaseBundle from the planning index fits. */
  readonly bundle: CaseRouteSource;
  /** Hosts by id (the planning index's `hostsById`). */
  readonly hosts: ReadonlyMap<string, HostLocation>;
}

/** Every word the map shows, translated by the caller (`routeMapLabels(t)`). */
export interface RouteMapLabels {
  /** Title, e.g. "Route of {{code}}"; `{{code}}` is replaced by the case code name. */
  readonly title: string;
  readonly origin: string;
  readonly stay: string;
  /** Legend line for a party, e.g. "Travellers: {{people}}". */
  readonly party: string;
  readonly noRoute: string;
  /** Data source, e.g. "Borders: Natural Earth {{version}} ({{date}}); Crimea shown as part of Ukraine". */
  readonly source: string;
}

export interface RouteMapOptions {
  readonly redact: boolean;
  /** From `loadBasemap('110m')` (or '50m' for a closer print). */
  readonly basemap: Basemap;
  readonly labels: RouteMapLabels;
  readonly width?: number;
  readonly height?: number;
}

/** Line colours and dash patterns per party: distinguishable in grey print too. */
export const PARTY_STYLES = [
  { stroke: '#c2255c', dash: '' },
  { stroke: '#1864ab', dash: '8 4' },
  { stroke: '#2b8a3e', dash: '2 3' },
  { stroke: '#e67700', dash: '10 3 2 3' },
  { stroke: '#5f3dc4', dash: '4 4' },
] as const;

export function partyStyle(i: number) {
  return PARTY_STYLES[i % PARTY_STYLES.length] ?? PARTY_STYLES[0];
}

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

const num = (n: number) => (Math.round(n * 10) / 10).toString();

function routeExtent(route: CaseRoute): MultiPoint | null {
  const coords: [number, number][] = [];
  for (const s of route.segments) coords.push(...s.line);
  const ref = coords[0]?.[0];
  for (const st of route.stops) {
    const lng =
      ref === undefined ? st.at.lng : st.at.lng + 360 * Math.round((ref - st.at.lng) / 360);
    coords.push([lng, st.at.lat]);
  }
  return coords.length ? { type: 'MultiPoint', coordinates: coords } : null;
}

function projectionFor(route: CaseRoute, w: number, h: number, mapTop: number): GeoProjection {
  const extent = routeExtent(route);
  // Labels run to the right of their stop: more room on the right.
  const box: [[number, number], [number, number]] = [
    [60, mapTop + 50],
    [w - 170, h - 90],
  ];
  const clip: [[number, number], [number, number]] = [
    [0, mapTop],
    [w, h - 36],
  ];
  if (!extent) return geoNaturalEarth1().fitExtent(box, { type: 'Sphere' }).clipExtent(clip);
  const xs = extent.coordinates.map((c) => c[0] ?? 0);
  const ys = extent.coordinates.map((c) => c[1] ?? 0);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const [minY, maxY] = [Math.min(...ys), Math.max(...ys)];
  const centre = (minX + maxX) / 2;
  const middle = (minY + maxY) / 2;
  // A single place, or places close together, would zoom in without limit: show at least ~4°.
  const points: [number, number][] = extent.coordinates.map((c) => [c[0] ?? 0, c[1] ?? 0]);
  points.push([Math.min(minX, centre - 2), Math.min(minY, middle - 1.5)]);
  points.push([Math.max(maxX, centre + 2), Math.max(maxY, middle + 1.5)]);
  return geoMercator()
    .rotate([-centre, 0])
    .fitExtent(box, { type: 'MultiPoint', coordinates: points })
    .clipExtent(clip);
}

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

function stopMarker(
  st: RouteStop,
  x: number,
  y: number,
  labels: RouteMapLabels,
  taken: Box[],
): string {
  const name =
    st.kind === 'origin'
      ? `${st.label} (${labels.origin})`
      : st.kind === 'stay'
        ? `${labels.stay}: ${st.label}`
        : st.label;
  const text = `${st.order}. ${name}`;
  const shape =
    st.kind === 'stay'
      ? `<rect x="${num(x - 5)}" y="${num(y - 5)}" width="10" height="10" fill="#fff" stroke="#222" stroke-width="2"/>`
      : `<circle cx="${num(x)}" cy="${num(y)}" r="${st.kind === 'origin' ? 6 : 4.5}" fill="${st.kind === 'origin' ? '#222' : '#fff'}" stroke="#222" stroke-width="2"/>`;
  // Two stops at one place (a city and a stay there): the later label goes below the earlier.
  let ty = y + 4;
  const width = text.length * 6.5;
  for (let i = 0; i < 6; i++) {
    const box: Box = [x + 9, ty - 11, x + 9 + width, ty + 3];
    if (!taken.some((b) => overlaps(b, box))) break;
    ty += 15;
  }
  taken.push([x + 9, ty - 11, x + 9 + width, ty + 3]);
  return (
    `<g class="stop" data-kind="${st.kind}">${shape}` +
    `<text x="${num(x + 9)}" y="${num(ty)}" font-size="12" paint-order="stroke" stroke="#fff" stroke-width="3" fill="#111">${esc(text)}</text></g>`
  );
}

/** The SVG document of a case's route map (see file comment). */
export function renderRouteMapSvg(input: RouteMapInput, options: RouteMapOptions): string {
  const w = options.width ?? 800;
  const h = options.height ?? 520;
  const { labels, basemap } = options;
  const route = caseRoute(input.bundle, input.hosts, { redact: options.redact });
  const mapTop = 34;
  const projection = projectionFor(route, w, h, mapTop);
  const path = geoPath(projection).digits(1);
  const land: FeatureCollection = {
    type: 'FeatureCollection',
    features: basemap.countries.map((c): Feature => ({
      type: 'Feature',
      properties: {},
      geometry: c.geometry,
    })),
  };
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="${esc(fill(labels.title, { code: route.caseCodeName }))}">`,
    `<rect width="${w}" height="${h}" fill="#dbe9f4"/>`,
    `<path d="${path(land) ?? ''}" fill="#f3efe6" stroke="none"/>`,
    `<path d="${path(basemap.borders) ?? ''}" fill="none" stroke="#9a9386" stroke-width="0.7"/>`,
  );
  // Country names where there is room (larger countries first; those off the map skipped).
  const placed: [number, number, number, number][] = [];
  for (const c of basemap.countries) {
    const bounds = path.bounds(c.geometry);
    const cw = bounds[1][0] - bounds[0][0];
    if (!(cw > 70)) continue;
    const at = projection([c.labelAt[0], c.labelAt[1]]);
    if (!at || at[0] < 40 || at[0] > w - 40 || at[1] < mapTop + 14 || at[1] > h - 50) continue;
    const half = c.name.length * 3.2;
    const box: [number, number, number, number] = [
      at[0] - half,
      at[1] - 8,
      at[0] + half,
      at[1] + 4,
    ];
    if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]))
      continue;
    placed.push(box);
    parts.push(
      `<text x="${num(at[0])}" y="${num(at[1])}" font-size="10" fill="#7a7264" text-anchor="middle" letter-spacing="0.5">${esc(c.name.toUpperCase())}</text>`,
    );
  }
  for (const seg of route.segments) {
    const style = partyStyle(seg.party);
    const line: LineString = { type: 'LineString', coordinates: seg.line };
    parts.push(
      `<path class="leg" data-mode="${seg.mode}" d="${path(line) ?? ''}" fill="none" stroke="${style.stroke}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''} stroke-linecap="round"/>`,
    );
  }
  const taken: Box[] = [];
  for (const st of route.stops) {
    const p = projection([st.at.lng, st.at.lat]);
    if (p) parts.push(stopMarker(st, p[0], p[1], labels, taken));
  }
  // Title bar, legend and source.
  parts.push(
    `<rect width="${w}" height="${mapTop}" fill="#fff"/>`,
    `<text x="12" y="22" font-size="16" font-weight="bold" fill="#111">${esc(fill(labels.title, { code: route.caseCodeName }))}</text>`,
    `<rect y="${h - 36}" width="${w}" height="36" fill="#fff"/>`,
  );
  if (route.segments.length === 0 && route.stops.length === 0)
    parts.push(
      `<text x="${w / 2}" y="${h / 2}" font-size="14" text-anchor="middle" fill="#333">${esc(labels.noRoute)}</text>`,
    );
  let x = 12;
  route.parties.forEach((party, i) => {
    const style = partyStyle(i);
    const text = fill(labels.party, { people: party.people.join(', ') });
    parts.push(
      `<line x1="${x}" y1="${h - 22}" x2="${x + 26}" y2="${h - 22}" stroke="${style.stroke}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
      `<text x="${x + 32}" y="${h - 18}" font-size="11" fill="#111">${esc(text)}</text>`,
    );
    x += 44 + text.length * 6;
  });
  parts.push(
    `<text x="${w - 12}" y="${h - 6}" font-size="9" fill="#555" text-anchor="end">${esc(fill(labels.source, { version: BASEMAP_SOURCE.version, date: BASEMAP_SOURCE.date }))}</text>`,
    '</svg>',
  );
  return parts.join('\n');
}
