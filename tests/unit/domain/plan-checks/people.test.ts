/** People checks: travel documents and visas. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/domain/time';
import { PLACES, makeExtension, makeLeg, makePerson, makeVisa } from '../../builders';
import { cleanPlan, codes, only, runPlanChecks } from './helpers';

describe('travel documents', () => {
  it('Given a passport expiring 3 months after return, When checked, Then a warning asks to renew with the required date', () => {
    const input = cleanPlan();
    input.people[0] = makePerson({
      travelDocument: { type: 'passport', number: 'X1', expiry: '2026-09-30' },
    });
    const [f] = only(runPlanChecks(input), 'document_expires_too_soon');
    expect(f).toMatchObject({
      severity: 'warning',
      params: { requiredUntil: '2026-12-26', person: 'Kestrel' },
    });
    expect(f!.fix).toEqual({
      tab: 'people',
      entity: 'people',
      id: 'p-1',
      field: 'travelDocument.expiry',
    });
  });
  it('Given a passport expiring during the stay, When checked, Then it is an error', () => {
    const input = cleanPlan();
    input.people[0] = makePerson({
      travelDocument: { type: 'passport', number: 'X1', expiry: '2026-05-01' },
    });
    expect(only(runPlanChecks(input), 'document_expires_too_soon')[0]?.severity).toBe('error');
  });
  it('Given a passport valid exactly to return + 6 months, When checked, Then nothing fires', () => {
    const input = cleanPlan();
    input.people[0] = makePerson({
      travelDocument: { type: 'passport', number: 'X1', expiry: '2026-12-26' },
    });
    expect(only(runPlanChecks(input), 'document_expires_too_soon')).toEqual([]);
  });
  it('Given an extension moving the end, When checked, Then the document must cover the new end + 6 months', () => {
    const input = { ...cleanPlan(), extensions: [makeExtension({ toEnd: '2026-08-26' })] };
    input.people[0] = makePerson({
      travelDocument: { type: 'passport', number: 'X1', expiry: '2027-01-15' },
    });
    expect(only(runPlanChecks(input), 'document_expires_too_soon')[0]?.params).toMatchObject({
      returnDate: '2026-08-26',
      requiredUntil: '2027-02-26',
    });
  });
  it('Given a traveller whose legs all stay in France, When checked, Then an expiring passport does not matter for this plan', () => {
    const input = cleanPlan();
    input.people[0] = makePerson({
      travelDocument: { type: 'passport', number: 'X1', expiry: '2026-05-01' },
    });
    const domestic = {
      ...input,
      legs: [
        makeLeg({
          from: PLACES.paris,
          to: PLACES.lyon,
          mode: 'train',
          depart: { local: '2026-03-28T08:00', zone: 'Europe/Paris' },
          arrive: { local: '2026-03-28T10:00', zone: 'Europe/Paris' },
          travellerIds: ['p-1'],
        }),
      ],
    };
    expect(only(runPlanChecks(domestic), 'document_expires_too_soon')).toEqual([]);
    const noLegsYet = { ...input, legs: [] };
    expect(only(runPlanChecks(noLegsYet), 'document_expires_too_soon')).toHaveLength(1);
  });
  it('Given a border-crossing traveller without a document, When checked, Then it is an error; an in-country traveller is fine', () => {
    const input = cleanPlan();
    input.people[1] = makePerson({
      id: 'p-2',
      codeName: 'Wren',
      role: 'dependant',
      relationship: 'child',
      travelDocument: null,
    });
    expect(only(runPlanChecks(input), 'document_missing').map((f) => f.fix.id)).toEqual(['p-2']);
    const domestic = {
      ...input,
      legs: [
        makeLeg({
          from: PLACES.paris,
          to: PLACES.lyon,
          depart: { local: '2026-03-28T08:00', zone: 'Europe/Paris' },
          arrive: { local: '2026-03-28T10:00', zone: 'Europe/Paris' },
          mode: 'train',
          travellerIds: ['p-2'],
        }),
      ],
    };
    expect(only(runPlanChecks(domestic), 'document_missing')).toEqual([]);
  });
});

describe('visas', () => {
  it('Given a visa still to apply for and departure in 27 days, When checked, Then a warning links to the visa status', () => {
    const input = {
      ...cleanPlan(),
      visas: [makeVisa({ status: 'to_apply', validFrom: null, validTo: null })],
    };
    const [f] = only(runPlanChecks(input), 'visa_not_granted');
    expect(f).toMatchObject({
      severity: 'warning',
      params: { country: 'FR', departDate: '2026-03-28', daysLeft: 27 },
    });
    expect(f!.fix).toEqual({ tab: 'people', entity: 'visas', id: 'visa-1', field: 'status' });
  });
  it('Given an applied visa and departure in 10 days, When checked, Then it is an error', () => {
    const input = {
      ...cleanPlan(),
      today: '2026-03-18' as IsoDate,
      visas: [makeVisa({ status: 'applied', validFrom: null, validTo: null })],
    };
    expect(only(runPlanChecks(input), 'visa_not_granted')[0]?.severity).toBe('error');
  });
  it('Given a refused visa, When checked, Then it is an error', () => {
    const input = { ...cleanPlan(), visas: [makeVisa({ status: 'refused' })] };
    expect(only(runPlanChecks(input), 'visa_not_granted')[0]?.severity).toBe('error');
  });
  it('Given a visa for a country no leg enters, When checked, Then nothing fires', () => {
    const input = { ...cleanPlan(), visas: [makeVisa({ country: 'DE', status: 'to_apply' })] };
    expect(only(runPlanChecks(input), 'visa_not_granted')).toEqual([]);
  });
  it('Given a granted visa valid only from the day after arrival, When checked, Then it is not valid on entry', () => {
    const input = { ...cleanPlan(), visas: [makeVisa({ validFrom: '2026-03-29' })] };
    expect(only(runPlanChecks(input), 'visa_not_valid_on_entry')[0]?.fix.field).toBe('validFrom');
  });
  it('Given a granted visa ending before the stay ends, When checked, Then a warning asks for renewal', () => {
    const input = { ...cleanPlan(), visas: [makeVisa({ validTo: '2026-06-01' })] };
    expect(codes(runPlanChecks(input))).toEqual(['visa_expires_during_stay']);
  });
});
