/**
 * Typed coordinates: decimal degrees with a dot ("41.7151", "-0.1276"). Anything else (a comma
 * decimal, letters, degrees-minutes-seconds, a value out of range) is refused with a reason the
 * form turns into a message at the field.
 */
import { isLatitude, isLongitude } from '../../domain/geo';

export type CoordinateError = 'empty' | 'malformed' | 'out_of_range';
export type CoordinateResult = { ok: true; value: number } | { ok: false; error: CoordinateError };

const DECIMAL = /^[+-]?(\d{1,3})(\.\d{1,8})?$/;

export function parseCoordinate(text: string, axis: 'lat' | 'lng'): CoordinateResult {
  const s = text.trim();
  if (s === '') return { ok: false, error: 'empty' };
  if (!DECIMAL.test(s)) return { ok: false, error: 'malformed' };
  const value = Number(s);
  const inRange = axis === 'lat' ? isLatitude(value) : isLongitude(value);
  return inRange ? { ok: true, value } : { ok: false, error: 'out_of_range' };
}

/** Text for an input from a stored coordinate (at most 5 decimals, about 1 m). */
export function formatCoordinate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Math.round(value * 1e5) / 1e5);
}
