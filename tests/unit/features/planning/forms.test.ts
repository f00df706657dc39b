/**
 * Form validation: each invalid input comes back as a message keyed by the field that shows it,
 * so nothing reaches the repositories (the e2e suite checks the same through the screens).
 */
import { describe, expect, it } from 'vitest';
import type { Place } from '../../../../src/domain/entities';
import { caseFormValues, validateCaseForm } from '../../../../src/features/cases/case-form';
import {
  hostFormValues,
  hostInput,
  validateHostForm,
} from '../../../../src/features/hosts/host-form';
import {
  personFormValues,
  personInput,
  validatePersonForm,
} from '../../../../src/features/people/person-form';
import { formatCoordinate, parseCoordinate } from '../../../../src/features/places';
import { stayOverbooking, validateStayForm } from '../../../../src/features/stays/stay-form';
import { legFormValues, legInput, validateLegForm } from '../../../../src/features/travel/leg-form';
import { aHost, PLACES } from './fixtures';

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

describe('stay form', () => {
  const host = aHost('h1', { codeName: 'Small Flat', capacityBeds: 2 });
  const stay = (patch: object) => ({
    hostId: 'h1',
    checkIn: '2027-01-10',
    checkOut: '2027-04-10',
    personIds: ['a', 'b'],
    ...patch,
  });

  it('refuses more people than beds, at the people field', () => {
    expect(validateStayForm(CASE_ID, stay({}), host)).toEqual({});
    expect(validateStayForm(CASE_ID, stay({ personIds: ['a', 'b', 'c'] }), host).personIds).toBe(
      'Small Flat has 2 beds for 3 people; choose fewer people or another host',
    );
  });

  it('refuses dates outside the plan range and a check-out before check-in', () => {
    expect(validateStayForm(CASE_ID, stay({ checkIn: '1850-01-10' }), host).checkIn).toMatch(
      /between 2000-01-01 and 2100-12-31/,
    );
    expect(validateStayForm(CASE_ID, stay({ checkOut: '2027-01-10' }), host).checkOut).toMatch(
      /at least one day after check-in/,
    );
    expect(validateStayForm(CASE_ID, stay({ hostId: null }), undefined).hostId).toMatch(
      /pick it again/,
    );
  });
});

describe('case form', () => {
  it('refuses a planned start outside any sensible range and an end before the start', () => {
    const v = { ...caseFormValues(), codeName: 'Alder', plannedStart: '1850-03-01' };
    expect(validateCaseForm(v).plannedStart).toBe(
      'The planned start: Enter a date between 2000-01-01 and 2100-12-31',
    );
    expect(
      validateCaseForm({ ...v, plannedStart: '2027-03-01', plannedEnd: '2027-02-01' }).plannedEnd,
    ).toMatch(/after the planned start/);
    expect(validateCaseForm({ ...v, codeName: '  ', plannedStart: '' }).codeName).toBe(
      'Enter a code name',
    );
  });
});

describe('person form', () => {
  it('stores no travel document when none is typed, and asks for the rest when one field is', () => {
    const v = { ...personFormValues(undefined, 'principal'), codeName: 'Cedar' };
    expect(personInput(CASE_ID, v).travelDocument).toBeNull();
    expect(validatePersonForm(CASE_ID, v)).toEqual({});
    const partial = { ...v, travelDocument: { ...v.travelDocument, expiry: '2031-01-01' } };
    const errors = validatePersonForm(CASE_ID, partial);
    expect(Object.keys(errors).sort()).toEqual(['travelDocument.number', 'travelDocument.type']);
  });

  it('keeps the principal as "self"', () => {
    const v = {
      ...personFormValues(undefined, 'principal'),
      codeName: 'Cedar',
      relationship: 'child',
    };
    expect(validatePersonForm(CASE_ID, v).relationship).toMatch(/themself/);
  });
});

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
});

describe('stay form: another case at the same host', () => {
  const host = aHost('h1', { codeName: 'Small Flat', capacityBeds: 3 });
  const draft = {
    hostId: 'h1',
    checkIn: '2027-01-10',
    checkOut: '2027-02-10',
    personIds: ['a', 'b'],
  };
  const other = {
    id: 's-other',
    caseId: 'case2',
    hostId: 'h1',
    checkIn: '2027-01-20',
    checkOut: '2027-03-01',
    personIds: ['x', 'y'],
  } as never;

  it('finds the first night on which the host would have more people than beds, naming the other stay', () => {
    const o = stayOverbooking(draft, host, [other], null);
    expect(o).toMatchObject({ night: '2027-01-20', occupancy: 4, beds: 3 });
    expect(o?.sharing.map((s) => s.caseId)).toEqual(['case2']);
    // Before the other stay starts, it fits; the stay being edited is not counted twice.
    expect(stayOverbooking({ ...draft, checkOut: '2027-01-20' }, host, [other], null)).toBeNull();
    expect(stayOverbooking(draft, host, [other], 's-other')).toBeNull();
  });

  it('refuses to save an overbooking, under the occupancy key that the dialog shows at Check-in', () => {
    expect(validateStayForm(CASE_ID, draft, host, 'Overbooked: ...').occupancy).toBe(
      'Overbooked: ...',
    );
    expect(validateStayForm(CASE_ID, draft, host, null)).toEqual({});
  });
});

describe('person form: a date of birth in the future', () => {
  it('is refused at the field instead of giving a negative age', () => {
    const v = {
      ...personFormValues(undefined, 'principal'),
      codeName: 'Cedar',
      dateOfBirth: '2031-05-01',
    };
    expect(validatePersonForm(CASE_ID, v, '2026-03-29' as never).dateOfBirth).toBe(
      'A date of birth cannot be in the future (today is 2026-03-29); check the year',
    );
    expect(
      validatePersonForm(CASE_ID, { ...v, dateOfBirth: '1990-05-01' }, '2026-03-29' as never),
    ).toEqual({});
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
});
