/**
 * The 180° meridian. Natural Earth cuts shapes there, and a great circle over the Pacific jumps
 * from +180 to -180: drawn on a flat map (Leaflet), such a jump is a stripe across the whole
 * world. Unwrapping adds or removes 360° so that consecutive points never differ by more than
 * 180° of longitude; the line may then run past ±180 (e.g. to 190), which a flat map draws as one
 * continuous piece just beyond the edge.
 *
 * Positions are GeoJSON order: [longitude, latitude].
 */
export type Position = readonly [number, number];

/** `lng` moved by a multiple of 360 to lie within 180° of `ref`. */
export function nearestLongitude(lng: number, ref: number): number {
  return lng + 360 * Math.round((ref - lng) / 360);
}

/** A line's positions with each longitude moved within 180° of the one before it. */
export function unwrapLine(line: readonly Position[]): [number, number][] {
  const out: [number, number][] = [];
  let prev: number | null = null;
  for (const [lng, lat] of line) {
    const x: number = prev === null ? lng : nearestLongitude(lng, prev);
    out.push([x, lat]);
    prev = x;
  }
  return out;
}

/**
 * A closed ring unwrapped like a line, unless it goes once around a pole (Antarctica's ring runs
 * along the whole 180° cut): unwrapping such a ring would not close it, so it is kept as it is.
 */
export function unwrapRing(ring: readonly Position[]): [number, number][] {
  const out = unwrapLine(ring);
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && Math.abs(first[0] - last[0]) > 1e-9) return ring.map(([x, y]) => [x, y]);
  return out;
}

/** The widest longitude step between consecutive positions (what a test checks stays ≤ 180). */
export function widestLongitudeStep(line: readonly Position[]): number {
  let widest = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (a && b) widest = Math.max(widest, Math.abs(b[0] - a[0]));
  }
  return widest;
}

type Polygon = readonly (readonly Position[])[];

function meanLongitude(ring: readonly Position[]): number {
  let sum = 0;
  for (const [x] of ring) sum += x;
  return ring.length ? sum / ring.length : 0;
}

function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) {
    const p = ring[i - 1];
    const q = ring[i];
    if (p && q) a += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(a / 2);
}

/**
 * The polygons of one country unwrapped: each ring made continuous, then each polygon moved by
 * 360° to sit next to the country's largest polygon, so Fiji's islands on both sides of 180°, or
 * Russia's Chukotka, are drawn together instead of at opposite edges of the map.
 */
export function unwrapMultiPolygon(polygons: readonly Polygon[]): [number, number][][][] {
  const unwrapped = polygons.map((poly) => poly.map(unwrapRing));
  let ref = 0;
  let biggest = -1;
  for (const poly of unwrapped) {
    const outer = poly[0];
    if (!outer) continue;
    const area = ringArea(outer);
    if (area > biggest) {
      biggest = area;
      ref = meanLongitude(outer);
    }
  }
  return unwrapped.map((poly) => {
    const outer = poly[0];
    if (!outer) return poly;
    const mean = meanLongitude(outer);
    const shift = nearestLongitude(mean, ref) - mean;
    if (shift === 0) return poly;
    return poly.map((ring) => ring.map(([x, y]): [number, number] => [x + shift, y]));
  });
}
