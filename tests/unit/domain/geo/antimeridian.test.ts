import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  chainLines,
  greatCircle,
  groundSegment,
  unwrapRing,
  widestLongitudeStep,
} from '../../../../src/domain/geo';
import { prepareBasemap, type Basemap } from '../../../../src/domain/geo/basemap';

const require = createRequire(import.meta.url);
function atlas(detail: '110m' | '50m'): unknown {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${detail}.json`), 'utf8'));
}

const tokyo = { lat: 35.6762, lng: 139.6503 };
const losAngeles = { lat: 34.0522, lng: -118.2437 };

describe('great circles across the 180° meridian', () => {
  it('given Tokyo -> Los Angeles, then the arc crosses the Pacific with no step over 180° of longitude', () => {
    const arc = greatCircle(tokyo, losAngeles);
    expect(arc.length).toBeGreaterThan(20);
    expect(widestLongitudeStep(arc)).toBeLessThan(180);
    expect(arc[0]).toEqual([tokyo.lng, tokyo.lat]);
    // Ends at Los Angeles one turn east (241.76 = -118.24 + 360), not back across the map.
    const end = arc[arc.length - 1] ?? [0, 0];
    expect(end[0]).toBeCloseTo(losAngeles.lng + 360, 6);
    expect(end[1]).toBeCloseTo(losAngeles.lat, 6);
    // It passes the meridian itself, and north of both ends (a great circle bows poleward).
    expect(arc.some(([x]) => x > 180)).toBe(true);
    expect(Math.max(...arc.map(([, y]) => y))).toBeGreaterThan(45);
  });

  it('given Los Angeles -> Tokyo, then the arc runs west across 180° instead', () => {
    const arc = greatCircle(losAngeles, tokyo);
    expect(widestLongitudeStep(arc)).toBeLessThan(180);
    expect(arc[arc.length - 1]?.[0]).toBeCloseTo(tokyo.lng - 360, 6);
  });

  it('given a ground segment from Fiji (178°E) to Samoa (172°W), then it takes the short way', () => {
    const seg = groundSegment({ lat: -18.1, lng: 178.4 }, { lat: -13.8, lng: -171.8 });
    expect(seg).toEqual([
      [178.4, -18.1],
      [188.2, -13.8],
    ]);
  });

  it('given two legs Tokyo -> LA -> Mexico City, then chained the second starts where the first ended', () => {
    const [a = [], b = []] = chainLines([
      greatCircle(tokyo, losAngeles),
      groundSegment(losAngeles, { lat: 19.43, lng: -99.13 }),
    ]);
    expect(b[0]?.[0]).toBeCloseTo(a[a.length - 1]?.[0] ?? NaN, 6);
    expect(b[1]?.[0]).toBeCloseTo(-99.13 + 360, 6);
  });

  it('given a ring around the pole (Antarctica), then it is kept as it is', () => {
    const ring: [number, number][] = [
      [-180, -80],
      [-90, -70],
      [0, -70],
      [90, -70],
      [180, -80],
      [180, -90],
      [-180, -90],
      [-180, -80],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
  });
});

describe.each(['110m', '50m'] as const)('basemap %s', (detail) => {
  const basemap: Basemap = prepareBasemap(atlas(detail), detail);
  const byKey = (key: string) => basemap.countries.find((c) => c.key === key);
  const widest = (key: string) =>
    Math.max(
      ...(byKey(key)?.geometry.coordinates.flatMap((poly) =>
        poly.map((ring) => widestLongitudeStep(ring as [number, number][])),
      ) ?? [Infinity]),
    );

  it('given Russia and Fiji, then no ring segment spans more than 180° of longitude', () => {
    // Before unwrapping both have a segment of nearly 360° (the +180 -> -180 jump).
    expect(widest('643')).toBeLessThan(180);
    expect(widest('242')).toBeLessThan(180);
    expect(widest('840')).toBeLessThan(180);
    const fiji = byKey('242')?.geometry.coordinates.flat(2) ?? [];
    const lngs = fiji.map(([x = 0]) => x);
    // Fiji's islands sit together (within 10° of each other), not at both edges of the map.
    expect(Math.max(...lngs) - Math.min(...lngs)).toBeLessThan(10);
  });

  it('given every country, then no border line or ring steps more than 180°', () => {
    for (const c of basemap.countries) {
      if (c.key === '010') continue; // Antarctica runs along the cut around the pole
      for (const poly of c.geometry.coordinates)
        for (const ring of poly)
          expect(widestLongitudeStep(ring as [number, number][])).toBeLessThan(180);
    }
    for (const line of basemap.borders.coordinates)
      expect(widestLongitudeStep(line as [number, number][])).toBeLessThan(180);
  });

  it('given Crimea, then it is part of Ukraine and not of Russia', () => {
    const simferopol: [number, number] = [34.1, 44.95];
    const inside = (key: string) =>
      (byKey(key)?.geometry.coordinates ?? []).some((poly) =>
        pointInRing(simferopol, poly[0] ?? []),
      );
    expect(inside('804')).toBe(true);
    expect(inside('643')).toBe(false);
    // No border is drawn across the Perekop isthmus (~33.7°E 46.1°N).
    const nearPerekop = basemap.borders.coordinates.some((line) =>
      line.some(([x = 0, y = 0]) => Math.abs(x - 33.7) < 0.3 && Math.abs(y - 46.05) < 0.15),
    );
    expect(nearPerekop).toBe(false);
  });

  it('given the territories without an ISO id, then they have a key and a name', () => {
    for (const name of ['Kosovo', 'Somaliland', 'N. Cyprus'])
      expect(byKey(`ne:${name}`)?.name).toBe(name);
  });

  it('given label points, then each lies inside its country', () => {
    for (const key of ['643', '840', '250', '076', '036', '804']) {
      const c = byKey(key);
      expect(c).toBeDefined();
      const inside = c?.geometry.coordinates.some((poly) =>
        pointInRing(c.labelAt as [number, number], poly[0] ?? []),
      );
      expect(inside, key).toBe(true);
    }
  });
});

function pointInRing([x, y]: [number, number], ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
