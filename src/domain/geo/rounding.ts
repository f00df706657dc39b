/**
 * Blurring a place on purpose: a host whose exact place should not be stored is kept at about
 * 1 km or about 10 km. Latitude snaps to 0.01° (1.1 km) or 0.1° (11 km); longitude to the
 * smallest "nice" step (1, 2 or 5 × a power of ten) that is at least as wide on the ground at
 * that latitude, so the blur is never smaller than asked for, even far north.
 */
import type { LatLng } from './coordinates';

export const ROUNDINGS = ['1km', '10km'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

const LAT_STEP: Record<Rounding, number> = { '1km': 0.01, '10km': 0.1 };
const NICE = [1, 2, 5];

function niceStepAtLeast(min: number): number {
  let p = 10 ** Math.floor(Math.log10(min));
  for (;;) {
    for (const n of NICE) if (n * p >= min - 1e-12) return n * p;
    p *= 10;
  }
}

function snap(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((Math.round(value / step) * step).toFixed(decimals));
}

/** The longitude step used for `rounding` at latitude `lat` (degrees). */
export function longitudeStep(lat: number, rounding: Rounding): number {
  const cos = Math.cos((Math.min(Math.abs(lat), 89) * Math.PI) / 180);
  return Math.min(niceStepAtLeast(LAT_STEP[rounding] / cos), 10);
}

/** `p` snapped to a grid of about 1 km or 10 km (see file comment); always a valid coordinate. */
export function roundCoordinates(p: LatLng, rounding: Rounding): LatLng {
  const lat = Math.max(-90, Math.min(90, snap(p.lat, LAT_STEP[rounding])));
  let lng = snap(p.lng, longitudeStep(lat, rounding));
  if (lng > 180) lng -= 360;
  if (lng < -180) lng += 360;
  return { lat, lng: lng === 0 ? 0 : lng };
}

/** True when `p` is already on the grid of `rounding` (rounding it changes nothing). */
export function isRounded(p: LatLng, rounding: Rounding): boolean {
  const r = roundCoordinates(p, rounding);
  return r.lat === p.lat && r.lng === p.lng;
}
