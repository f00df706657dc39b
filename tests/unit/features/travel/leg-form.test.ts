/**
 * Form validation: each invalid input comes back as a message keyed by the field that shows it,
 * so nothing reaches the repositories (the e2e suite checks the same through the screens).
 */
import { describe, expect, it } from 'vitest';
import type { Place } from '../../../../src/domain/entities';
import { legFormValues, legInput, validateLegForm } from '../../../../src/features/travel/leg-form';
import { PLACES, makeLeg } from '../../builders';

const CASE_ID = 'case1';
const LEG_MESSAGES = { chooseFrom: 'pick from', chooseTo: 'pick to', currency: 'currency' };

function leg(from: Place | null, to: Place | null, depart: string, arrive: string) {
  return {
    ...legFormValues(null, { travellerIds: ['p1'], currency: 'EUR', from }),
    to,
    depart: { local: depart },
    arrive: { local: arrive },
  };
}

describe('leg form', () => {
  it('accepts a leg whose arrival is after its departure once zones apply', () => {
    const v = leg(
      PLACES.tbilisi as Place,
      PLACES.istanbul as Place,
      '2027-01-10T04:35',
      '2027-01-10T06:10',
    );
    expect(validateLegForm(CASE_ID, v, LEG_MESSAGES)).toEqual({});
    expect(legInput(CASE_ID, v).depart).toEqual({
      local: '2027-01-10T04:35',
      zone: 'Asia/Tbilisi',
    });
  });

  it('puts "arrives before it departs" at the arrival field', () => {
    // Later on the clocks (12:30 > 10:00), earlier in fact (08:30 UTC < 09:00 UTC).
    const errors = validateLegForm(
      CASE_ID,
      leg(
        PLACES.amsterdam as Place,
        PLACES.tbilisi as Place,
        '2027-02-01T10:00',
        '2027-02-01T12:30',
      ),
      LEG_MESSAGES,
    );
    expect(Object.keys(errors)).toEqual(['arrive.local']);
    expect(errors['arrive.local']).toMatch(/once time zones are applied/);
  });

  it('reports a time skipped by a DST change at its field, and missing places at From and To', () => {
    const gap = validateLegForm(
      CASE_ID,
      leg(
        PLACES.amsterdam as Place,
        PLACES.istanbul as Place,
        '2027-03-28T02:30',
        '2027-03-28T09:00',
      ),
      LEG_MESSAGES,
    );
    expect(gap['depart.local']).toMatch(/does not exist/);
    const none = validateLegForm(
      CASE_ID,
      leg(null, null, '2027-01-10T04:35', '2027-01-10T06:10'),
      LEG_MESSAGES,
    );
    expect(none.from).toBe('pick from');
    expect(none.to).toBe('pick to');
  });

  it('checks the cost as money in the currency', () => {
    const v = {
      ...leg(
        PLACES.tbilisi as Place,
        PLACES.istanbul as Place,
        '2027-01-10T04:35',
        '2027-01-10T06:10',
      ),
      costAmount: '12.345',
    };
    expect(validateLegForm(CASE_ID, v, LEG_MESSAGES).costAmount).toMatch(/2 decimal digits/);
    expect(legInput(CASE_ID, { ...v, costAmount: '1,250.50' }).cost).toEqual({
      amount: 125050,
      currency: 'EUR',
    });
  });
});

describe('leg form: the date-time as the field shows it', () => {
  it('reads "YYYY-MM-DD HH:mm" and refuses years 0027 and 2227 at the field', () => {
    const v = leg(
      PLACES.tbilisi as Place,
      PLACES.istanbul as Place,
      '2027-01-10 04:35',
      '2027-01-10 06:10',
    );
    expect(validateLegForm(CASE_ID, v, LEG_MESSAGES)).toEqual({});
    expect(legInput(CASE_ID, v).depart.local).toBe('2027-01-10T04:35');
    const old = { ...v, depart: { local: '0027-01-10 04:35' } };
    expect(validateLegForm(CASE_ID, old, LEG_MESSAGES)['depart.local']).toBe(
      'Departure: Enter a date between 2000-01-01 and 2100-12-31',
    );
    const far = { ...v, arrive: { local: '2227-01-10 06:10' } };
    expect(validateLegForm(CASE_ID, far, LEG_MESSAGES)['arrive.local']).toBe(
      'Arrival: Enter a date between 2000-01-01 and 2100-12-31',
    );
  });
  it('says to use a point when a cost is typed with a decimal comma', () => {
    const v = {
      ...leg(
        PLACES.tbilisi as Place,
        PLACES.istanbul as Place,
        '2027-01-10T04:35',
        '2027-01-10T06:10',
      ),
      costAmount: '12,50',
    };
    expect(validateLegForm(CASE_ID, v, LEG_MESSAGES).costAmount).toBe(
      'Use a point for decimals: 12.50',
    );
  });
  it('carries the terminals both ways; a leg stored without them opens with empty fields', () => {
    const v = {
      ...leg(
        PLACES.tbilisi as Place,
        PLACES.istanbul as Place,
        '2027-01-10T04:35',
        '2027-01-10T06:10',
      ),
      departureTerminal: 'Main Terminal',
      arrivalTerminal: 'Terminal 1',
    };
    expect(validateLegForm(CASE_ID, v, LEG_MESSAGES)).toEqual({});
    expect(legInput(CASE_ID, v)).toMatchObject({
      departureTerminal: 'Main Terminal',
      arrivalTerminal: 'Terminal 1',
    });
    const stored = Object.fromEntries(
      Object.entries(makeLeg({ departureTerminal: 'T2' })).filter(
        ([k]) => k !== 'departureTerminal' && k !== 'arrivalTerminal',
      ),
    ) as unknown as ReturnType<typeof makeLeg>;
    const values = legFormValues(stored, { travellerIds: [], currency: 'EUR', from: null });
    expect([values.departureTerminal, values.arrivalTerminal]).toEqual(['', '']);
    expect(
      legFormValues(makeLeg({ departureTerminal: 'T2' }), {
        travellerIds: [],
        currency: 'EUR',
        from: null,
      }).departureTerminal,
    ).toBe('T2');
  });
});
