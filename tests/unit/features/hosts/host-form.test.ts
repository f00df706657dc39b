/**
 * Form validation: each invalid input comes back as a message keyed by the field that shows it,
 * so nothing reaches the repositories (the e2e suite checks the same through the screens).
 */
import { describe, expect, it } from 'vitest';
import {
  hostFormValues,
  hostInput,
  validateHostForm,
} from '../../../../src/features/hosts/host-form';
import { formatCoordinate, parseCoordinate } from '../../../../src/features/places';
import { makeHost } from '../../builders';

describe('coordinates and the host form', () => {
  it('parses decimal degrees only', () => {
    expect(parseCoordinate(' 41.7151 ', 'lat')).toEqual({ ok: true, value: 41.7151 });
    expect(parseCoordinate('-0.1276', 'lng')).toEqual({ ok: true, value: -0.1276 });
    expect(parseCoordinate('41,71N', 'lat')).toEqual({ ok: false, error: 'malformed' });
    expect(parseCoordinate('41°42′', 'lat')).toEqual({ ok: false, error: 'malformed' });
    expect(parseCoordinate('91', 'lat')).toEqual({ ok: false, error: 'out_of_range' });
    expect(parseCoordinate('-181', 'lng')).toEqual({ ok: false, error: 'out_of_range' });
    expect(parseCoordinate('', 'lat')).toEqual({ ok: false, error: 'empty' });
    expect(formatCoordinate(41.7151234)).toBe('41.71512');
  });

  const messages = {
    coordinate: (axis: string, error: string) => `${axis}:${error}`,
    amountRequired: 'amount',
  };
  const valid = {
    ...hostFormValues(),
    codeName: 'North',
    city: 'Tbilisi',
    countryCode: 'GE',
    lat: '41.7',
    lng: '44.8',
    nightlyAmount: '20',
  };

  it('puts a malformed coordinate at its field', () => {
    expect(validateHostForm(valid, messages)).toEqual({});
    expect(validateHostForm({ ...valid, lat: '41,7' }, messages)).toEqual({ lat: 'lat:malformed' });
    expect(validateHostForm({ ...valid, lng: '200' }, messages)).toEqual({
      lng: 'lng:out_of_range',
    });
  });

  it('keeps the nightly cost in integer minor units and checks windows', () => {
    expect(hostInput({ ...valid, nightlyAmount: '45.5' }).input.nightlyCost).toEqual({
      amount: 4550,
      currency: 'EUR',
    });
    expect(validateHostForm({ ...valid, nightlyAmount: '' }, messages).nightlyAmount).toBe(
      'amount',
    );
    const overlap = {
      ...valid,
      availability: [
        { from: '2027-01-01', to: '2027-03-01' },
        { from: '2027-02-01', to: '2027-04-01' },
      ],
    };
    expect(validateHostForm(overlap, messages).availability).toMatch(/overlap/);
    expect(validateHostForm({ ...valid, capacityBeds: 0 }, messages).capacityBeds).toMatch(
      /at least 1 bed/,
    );
  });

  it('carries the street address both ways; a host stored without one opens with an empty field', () => {
    expect(hostInput({ ...valid, address: ' 9 Rue des Lilas ' }).input.address).toBe(
      ' 9 Rue des Lilas ',
    );
    expect(hostFormValues(makeHost({ address: '9 Rue des Lilas' })).address).toBe(
      '9 Rue des Lilas',
    );
    const stored = Object.fromEntries(
      Object.entries(makeHost()).filter(([k]) => k !== 'address'),
    ) as unknown as ReturnType<typeof makeHost>;
    expect(hostFormValues(stored).address).toBe('');
    expect(validateHostForm({ ...valid, address: 'x'.repeat(501) }, messages)).toEqual({
      address: 'Shorten the street address to 500 characters or fewer',
    });
  });
});
