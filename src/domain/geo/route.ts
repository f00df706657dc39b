/**
 * The lines of a journey, for maps: a flight as a great-circle arc (`d3-geo`'s
 * `geoInterpolate`), ground travel as a straight segment, each unwrapped across the 180° meridian
 * (see antimeridian.ts) and joined so that a route is continuous: Tokyo -> Los Angeles ends at
 * longitude 241.8 rather than -118.2, and a flat map draws it over the Pacific.
 */
import { geoDistance, geoInterpolate } from 'd3-geo';
import { nearestLongitude, unwrapLine, type Position } from './antimeridian';
import type { LatLng } from './coordinates';

export type SegmentKind = 'flight' | 'ground';

/** Points of the great circle from `a` to `b`, one about every `stepDeg` degrees of arc (at least 2). */
export function greatCircle(a: LatLng, b: LatLng, stepDeg = 2): [number, number][] {
  const pa: [number, number] = [a.lng, a.lat];
  const pb: [number, number] = [b.lng, b.lat];
  const arcDeg = (geoDistance(pa, pb) * 180) / Math.PI;
  const n = Math.max(1, Math.ceil(arcDeg / stepDeg));
  const at = geoInterpolate(pa, pb);
  const points: Position[] = [];
  for (let i = 0; i <= n; i++) points.push(i === 0 ? pa : i === n ? pb : at(i / n));
  return unwrapLine(points);
}

/** A straight segment from `a` to `b`, the short way round across 180° when that is shorter. */
export function groundSegment(a: LatLng, b: LatLng): [number, number][] {
  return unwrapLine([
    [a.lng, a.lat],
    [b.lng, b.lat],
  ]);
}

export function segmentLine(kind: SegmentKind, a: LatLng, b: LatLng): [number, number][] {
  return kind === 'flight' ? greatCircle(a, b) : groundSegment(a, b);
}

/**
 * Lines moved by whole turns of 360° so that each starts within 180° of where the one before it
 * ended: the legs of a route drawn as one continuous journey.
 */
export function chainLines(lines: readonly (readonly Position[])[]): [number, number][][] {
  const out: [number, number][][] = [];
  let end: number | null = null;
  for (const line of lines) {
    const first = line[0];
    if (!first) {
      out.push([]);
      continue;
    }
    const shift = end === null ? 0 : nearestLongitude(first[0], end) - first[0];
    const moved = line.map(([x, y]): [number, number] => [x + shift, y]);
    out.push(moved);
    end = moved[moved.length - 1]?.[0] ?? end;
  }
  return out;
}

/** A point's longitude moved within 180° of `ref` (a stop placed next to its route). */
export function nearLongitude(p: LatLng, ref: number): LatLng {
  return { lat: p.lat, lng: nearestLongitude(p.lng, ref) };
}
