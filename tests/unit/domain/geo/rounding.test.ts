import { describe, expect, it } from 'vitest';
import { distanceKm, isRounded, longitudeStep, roundCoordinates } from '../../../../src/domain/geo';

describe('rounding coordinates', () => {
  it('given Tbilisi to about 1 km, then latitude snaps to 0.01° and longitude to 0.02° (0.01° is only 0.75 km at 41°N)', () => {
    expect(roundCoordinates({ lat: 41.71513, lng: 44.82712 }, '1km')).toEqual({
      lat: 41.72,
      lng: 44.82,
    });
  });

  it('given Tbilisi to about 10 km, then latitude to 0.1° and longitude to 0.2°', () => {
    expect(roundCoordinates({ lat: 41.71513, lng: 44.82712 }, '10km')).toEqual({
      lat: 41.7,
      lng: 44.8,
    });
  });

  it('given a place far north, then the longitude step widens so the blur stays at least as asked', () => {
    expect(longitudeStep(69.65, '1km')).toBe(0.05);
    const r = roundCoordinates({ lat: 69.6492, lng: 18.9553 }, '1km');
    expect(r).toEqual({ lat: 69.65, lng: 18.95 });
  });

  it('given any place, then the rounded one is within the grid cell and rounding again changes nothing', () => {
    const places = [
      { lat: 48.8566, lng: 2.3522 },
      { lat: -36.8485, lng: 174.7633 },
      { lat: 64.1466, lng: -21.9426 },
      { lat: -0.004, lng: -0.004 },
      { lat: 89.99, lng: 179.99 },
    ];
    for (const p of places)
      for (const rounding of ['1km', '10km'] as const) {
        const r = roundCoordinates(p, rounding);
        expect(isRounded(r, rounding)).toBe(true);
        expect(r.lat).toBeGreaterThanOrEqual(-90);
        expect(r.lat).toBeLessThanOrEqual(90);
        expect(r.lng).toBeGreaterThanOrEqual(-180);
        expect(r.lng).toBeLessThanOrEqual(180);
        if (Math.abs(p.lat) < 80)
          expect(distanceKm(p, r)).toBeLessThan(rounding === '1km' ? 2.5 : 25);
      }
    expect(Object.is(roundCoordinates({ lat: 0, lng: -0.001 }, '1km').lng, -0)).toBe(false);
  });

  it('given an exact value, then it is not already rounded', () => {
    expect(isRounded({ lat: 41.71513, lng: 44.82712 }, '1km')).toBe(false);
  });
});
