/** Plan checks: each check fires on a broken plan and stays silent on a clean one (DST nights and the date line included). */
import { describe, expect, it } from 'vitest';
import type { HostId } from '../../../src/domain/ids';
import { money } from '../../../src/domain/money';
import {
  FINDING_CODES,
  findingsByTab,
  worstSeverity,
  runPlanChecks,
  validateLeg,
  validateStay,
  type Finding,
  type FindingCode,
  type PlanCheckInput,
} from '../../../src/domain/plan-checks';
import type { IsoDate } from '../../../src/domain/time';
import type { Person, Stay } from '../../../src/domain/entities';
import {
  PLACES,
  makeCase,
  makeCheckpoint,
  makeExtension,
  makeHost,
  makeLeg,
  makePerson,
  makeStay,
  makeVisa,
} from './fixtures';

/**
 * A clean plan: Kestrel (principal) and Wren (child) fly Tbilisi → Istanbul → Paris on 28 March 2026,
 * stay at a Paris host until 26 June and fly back the same way; visas granted; one pre-return review.
 */
function cleanPlan(): PlanCheckInput & { people: Person[]; stays: Stay[] } {
  const travellers = ['p-1', 'p-2'];
  return {
    case: makeCase(),
    people: [
      makePerson(),
      makePerson({
        id: 'p-2',
        codeName: 'Wren',
        role: 'dependant',
        relationship: 'child',
        dateOfBirth: '2015-02-02',
      }),
    ],
    legs: [
      makeLeg({ id: 'leg-1', travellerIds: travellers }),
      makeLeg({
        id: 'leg-2',
        number: 'TK1821',
        from: PLACES.istanbul,
        to: PLACES.parisCdg,
        depart: { local: '2026-03-28T08:00', zone: 'Europe/Istanbul' },
        arrive: { local: '2026-03-28T10:30', zone: 'Europe/Paris' },
        travellerIds: travellers,
      }),
      makeLeg({
        id: 'leg-3',
        number: 'TK1822',
        from: PLACES.parisCdg,
        to: PLACES.istanbul,
        depart: { local: '2026-06-26T11:00', zone: 'Europe/Paris' },
        arrive: { local: '2026-06-26T15:30', zone: 'Europe/Istanbul' },
        travellerIds: travellers,
      }),
      makeLeg({
        id: 'leg-4',
        number: 'TK384',
        from: PLACES.istanbul,
        to: PLACES.tbilisi,
        depart: { local: '2026-06-26T17:30', zone: 'Europe/Istanbul' },
        arrive: { local: '2026-06-26T21:00', zone: 'Asia/Tbilisi' },
        travellerIds: travellers,
      }),
    ],
    stays: [makeStay({ personIds: travellers })],
    visas: [makeVisa(), makeVisa({ id: 'visa-2', personId: 'p-2' })],
    checkpoints: [makeCheckpoint()],
    extensions: [],
    hosts: [makeHost()],
    otherStaysAtHosts: [],
    budgetTotalInReporting: money(500000, 'EUR'),
    funderCap: money(1000000, 'EUR'),
    today: '2026-03-01' as IsoDate,
  };
}

function codes(findings: Finding[]): FindingCode[] {
  return findings.map((f) => f.code);
}
function only(findings: Finding[], code: FindingCode): Finding[] {
  return findings.filter((f) => f.code === code);
}
function withLeg(
  input: PlanCheckInput,
  id: string,
  over: Parameters<typeof makeLeg>[0],
): PlanCheckInput {
  const base = input.legs.find((l) => l.id === id)!;
  return {
    ...input,
    legs: input.legs.map((l) => (l.id === id ? makeLeg({ ...base, ...over }) : l)),
  };
}

describe('runPlanChecks on a clean plan', () => {
  it('Given a complete, consistent plan, When checked, Then there are no findings', () => {
    expect(runPlanChecks(cleanPlan())).toEqual([]);
  });
  it('Given a cancelled case with problems, When checked, Then nothing is reported', () => {
    const input = {
      ...cleanPlan(),
      case: makeCase({ status: 'cancelled', statusReason: 'x' }),
      checkpoints: [],
    };
    expect(runPlanChecks(input)).toEqual([]);
  });
  it('Given the finding codes, When listed, Then each is unique', () => {
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
  });
});

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

describe('leg times and connections', () => {
  it('Given Auckland 23:00 → Honolulu 09:30 the same calendar day, When checked, Then it is valid (crosses the date line)', () => {
    const leg = makeLeg({
      from: PLACES.auckland,
      to: PLACES.honolulu,
      depart: { local: '2026-03-28T23:00', zone: 'Pacific/Auckland' },
      arrive: { local: '2026-03-28T09:30', zone: 'Pacific/Honolulu' },
    });
    expect(validateLeg(leg)).toEqual([]);
    const input = { ...cleanPlan(), legs: [leg] };
    expect(only(runPlanChecks(input), 'leg_arrives_before_departure')).toEqual([]);
  });
  it('Given Auckland → Honolulu arriving on the 27th, When checked, Then it arrives before it departs', () => {
    const leg = makeLeg({
      from: PLACES.auckland,
      to: PLACES.honolulu,
      depart: { local: '2026-03-28T23:00', zone: 'Pacific/Auckland' },
      arrive: { local: '2026-03-27T09:30', zone: 'Pacific/Honolulu' },
    });
    const errors = validateLeg(leg);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('arrive.local');
    expect(errors[0]!.message).toContain('HST (UTC-10)');
    const [f] = only(
      runPlanChecks({ ...cleanPlan(), legs: [leg] }),
      'leg_arrives_before_departure',
    );
    expect(f).toMatchObject({
      severity: 'error',
      params: { minutes: -870 },
      fix: { tab: 'travel', entity: 'legs', id: 'leg-1', field: 'arrive.local' },
    });
  });
  it('Given Istanbul 08:00 → Paris 07:30 (westbound), When checked, Then it is valid; arriving 05:30 is 30 minutes before departure', () => {
    const fine = withLeg(cleanPlan(), 'leg-2', {
      arrive: { local: '2026-03-28T07:30', zone: 'Europe/Paris' },
    });
    expect(only(runPlanChecks(fine), 'leg_arrives_before_departure')).toEqual([]);
    const bad = withLeg(cleanPlan(), 'leg-2', {
      arrive: { local: '2026-03-28T05:30', zone: 'Europe/Paris' },
    });
    expect(only(runPlanChecks(bad), 'leg_arrives_before_departure')[0]?.params.minutes).toBe(-30);
  });
  it('Given a same-zone leg with arrival before departure, When validated, Then it is refused; a normal leg passes', () => {
    expect(
      validateLeg({
        depart: { local: '2026-03-28T10:00', zone: 'Europe/Paris' } as never,
        arrive: { local: '2026-03-28T09:00', zone: 'Europe/Paris' } as never,
      }),
    ).toHaveLength(1);
    expect(validateLeg(makeLeg())).toEqual([]);
  });
  it('Given a departure at 02:30 on the night Europe moves clocks forward, When checked, Then the time is reported as non-existent', () => {
    const input = withLeg(cleanPlan(), 'leg-2', {
      depart: { local: '2026-03-29T02:30', zone: 'Europe/Paris' },
      from: PLACES.paris,
      to: PLACES.amsterdam,
      arrive: { local: '2026-03-29T04:45', zone: 'Europe/Amsterdam' },
    });
    const [f] = only(runPlanChecks(input), 'leg_time_invalid');
    expect(f?.fix).toEqual({ tab: 'travel', entity: 'legs', id: 'leg-2', field: 'depart.local' });
    expect(f?.message).toContain('it is probably 2026-03-29 03:30');
    expect(validateLeg(input.legs[1]!)[0]).toMatchObject({ field: 'depart.local' });
  });
  it('Given a departure at 02:30 on the night Paris moves clocks back, When checked, Then an info says the time happens twice', () => {
    const input = withLeg(cleanPlan(), 'leg-3', {
      depart: { local: '2026-10-25T02:30', zone: 'Europe/Paris' },
      arrive: { local: '2026-10-25T07:30', zone: 'Europe/Istanbul' },
    });
    const [f] = only(runPlanChecks(input), 'leg_time_ambiguous');
    expect(f).toMatchObject({
      severity: 'info',
      params: { which: 'depart', zone: 'Europe/Paris' },
      fix: { id: 'leg-3', field: 'depart.local' },
    });
    expect(only(runPlanChecks(cleanPlan()), 'leg_time_ambiguous')).toEqual([]);
  });
  it('Given a connection across the March DST change that looks like 90 minutes on the clocks, When checked, Then it is really 30 minutes and too short', () => {
    const base = cleanPlan();
    const input: PlanCheckInput = {
      ...base,
      legs: [
        makeLeg({
          id: 'a',
          from: PLACES.istanbul,
          to: PLACES.parisCdg,
          depart: { local: '2026-03-29T00:10', zone: 'Europe/Istanbul' },
          arrive: { local: '2026-03-29T01:50', zone: 'Europe/Paris' },
        }),
        makeLeg({
          id: 'b',
          from: PLACES.parisCdg,
          to: PLACES.amsterdam,
          depart: { local: '2026-03-29T03:20', zone: 'Europe/Paris' },
          arrive: { local: '2026-03-29T04:40', zone: 'Europe/Amsterdam' },
        }),
      ],
    };
    const [f] = only(runPlanChecks(input), 'connection_too_short');
    expect(f).toMatchObject({
      params: { minutes: 30, minimum: 60 },
      fix: { id: 'b', field: 'depart.local' },
    });
    const relaxed = runPlanChecks(input, { minConnectionMinutes: { flight: 25 } });
    expect(only(relaxed, 'connection_too_short')).toEqual([]);
  });
  it('Given a 2-hour connection, When checked, Then it is not too short', () => {
    expect(only(runPlanChecks(cleanPlan()), 'connection_too_short')).toEqual([]);
  });
  it('Given a traveller who lands in Paris but whose next leg leaves from Lyon, When checked, Then the legs do not connect', () => {
    const input = withLeg(cleanPlan(), 'leg-3', { from: PLACES.lyon });
    const found = only(runPlanChecks(input), 'legs_do_not_connect');
    expect(found).toHaveLength(1); // one finding for the pair, not one per traveller
    expect(found[0]).toMatchObject({
      params: { arriveAt: 'Paris CDG', departFrom: 'Lyon' },
      fix: { id: 'leg-3', field: 'from' },
    });
  });
  it('Given two travellers on legs that do not connect, When checked, Then the one finding names them both', () => {
    const input = withLeg(cleanPlan(), 'leg-3', { from: PLACES.lyon });
    const [found] = only(runPlanChecks(input), 'legs_do_not_connect');
    expect(found?.params).toMatchObject({ person: 'Kestrel and Wren', count: 2 });
    expect(found?.message).toMatch(/^Kestrel and Wren arrive in Paris CDG but the next leg/);
  });
  it('Given a traveller with no stay planned, When checked, Then a warning names them and links to the Stays tab', () => {
    const plan = cleanPlan();
    const input = { ...plan, stays: [makeStay({ personIds: ['p-1'] })] };
    const found = only(runPlanChecks(input), 'traveller_without_stay');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      params: { people: 'Wren', count: 1 },
      fix: { tab: 'stays', entity: 'cases', id: plan.case.id, field: null },
    });
    expect(found[0]?.message).toContain('Wren travels but no stay is planned');
    const none = only(runPlanChecks({ ...plan, stays: [] }), 'traveller_without_stay');
    expect(none[0]?.params).toMatchObject({ people: 'Kestrel and Wren', count: 2 });
    // Someone who does not travel (no leg, or only a cancelled one) is not flagged.
    const grounded = {
      ...plan,
      stays: [],
      legs: plan.legs.map((l) => ({ ...l, status: 'cancelled' as const })),
    };
    expect(only(runPlanChecks(grounded), 'traveller_without_stay')).toEqual([]);
  });
  it('Given Paris CDG and "Paris" 23 km apart, When checked, Then they count as the same place', () => {
    const input = withLeg(cleanPlan(), 'leg-3', { from: PLACES.paris });
    expect(only(runPlanChecks(input), 'legs_do_not_connect')).toEqual([]);
  });
  it('Given two overlapping legs for the same person, When checked, Then the traveller is in two places at once', () => {
    const input = withLeg(cleanPlan(), 'leg-2', {
      depart: { local: '2026-03-28T05:30', zone: 'Europe/Istanbul' },
    });
    const found = only(runPlanChecks(input), 'traveller_double_booked');
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toEqual({
      tab: 'travel',
      entity: 'legs',
      id: 'leg-2',
      field: 'depart.local',
    });
  });
  it('Given a cancelled leg overlapping a booked one, When checked, Then it is ignored', () => {
    const input = withLeg(cleanPlan(), 'leg-2', {
      status: 'cancelled',
      depart: { local: '2026-03-28T05:30', zone: 'Europe/Istanbul' },
    });
    expect(only(runPlanChecks(input), 'traveller_double_booked')).toEqual([]);
  });
});

describe('stays and hosts', () => {
  it('Given 4 people at a 3-bed host, When checked or validated, Then both say over capacity', () => {
    const input = cleanPlan();
    input.stays[0] = makeStay({ personIds: ['p-1', 'p-2', 'p-3', 'p-4'] });
    expect(only(runPlanChecks(input), 'stay_over_capacity')[0]).toMatchObject({
      severity: 'error',
      params: { people: 4, beds: 3 },
      fix: { field: 'personIds' },
    });
    expect(validateStay(input.stays[0]!, makeHost())).toEqual([
      {
        field: 'personIds',
        message: 'Linden has 3 beds for 4 people; choose fewer people or another host',
      },
    ]);
    expect(validateStay(makeStay({ personIds: ['p-1', 'p-2', 'p-3'] }), makeHost())).toEqual([]);
  });
  it('Given check-out before check-in, When validated, Then the check-out field is flagged', () => {
    expect(
      validateStay(
        {
          checkIn: '2026-04-02' as IsoDate,
          checkOut: '2026-04-01' as IsoDate,
          personIds: ['p-1' as never],
        },
        null,
      )[0]?.field,
    ).toBe('checkOut');
  });
  it('Given a stay running past the host availability, When checked, Then a warning fires; inside the window it does not', () => {
    const input = {
      ...cleanPlan(),
      hosts: [makeHost({ availability: [{ from: '2026-03-01', to: '2026-06-01' }] })],
    };
    expect(only(runPlanChecks(input), 'stay_outside_availability')).toHaveLength(1);
    const ok = {
      ...cleanPlan(),
      hosts: [makeHost({ availability: [{ from: '2026-03-28', to: '2026-06-26' }] })],
    };
    expect(only(runPlanChecks(ok), 'stay_outside_availability')).toEqual([]);
  });
  it("Given another case's 2 people at the 3-bed host on overlapping nights, When checked, Then the host is overbooked on the first shared night", () => {
    const input = {
      ...cleanPlan(),
      otherStaysAtHosts: [
        {
          hostId: 'host-1' as HostId,
          checkIn: '2026-04-10' as IsoDate,
          checkOut: '2026-04-20' as IsoDate,
          peopleCount: 2,
        },
      ],
    };
    expect(only(runPlanChecks(input), 'host_overbooked')[0]).toMatchObject({
      params: { night: '2026-04-10', occupancy: 4, beds: 3 },
    });
  });
  it("Given another case's single guest, or one leaving the day we arrive, When checked, Then capacity holds", () => {
    const one = {
      ...cleanPlan(),
      otherStaysAtHosts: [
        {
          hostId: 'host-1' as HostId,
          checkIn: '2026-04-10' as IsoDate,
          checkOut: '2026-04-20' as IsoDate,
          peopleCount: 1,
        },
      ],
    };
    expect(only(runPlanChecks(one), 'host_overbooked')).toEqual([]);
    const before = {
      ...cleanPlan(),
      otherStaysAtHosts: [
        {
          hostId: 'host-1' as HostId,
          checkIn: '2026-03-01' as IsoDate,
          checkOut: '2026-03-28' as IsoDate,
          peopleCount: 3,
        },
      ],
    };
    expect(only(runPlanChecks(before), 'host_overbooked')).toEqual([]);
  });
  it('Given a stay in Lyon after a flight into Paris, When checked, Then the stay does not start where the leg ends', () => {
    const input = { ...cleanPlan(), hosts: [makeHost({ city: 'Lyon', lat: 45.76, lng: 4.84 })] };
    const [f] = only(runPlanChecks(input), 'stay_start_mismatch');
    expect(f).toMatchObject({
      severity: 'warning',
      params: { arriveAt: 'Paris CDG', city: 'Lyon' },
      fix: { entity: 'stays', id: 'stay-1', field: 'hostId' },
    });
    expect(f!.params.km).toBeGreaterThan(350);
  });
  it('Given a host 25 km from the arrival airport, When checked, Then the stay starts where the leg ends', () => {
    expect(only(runPlanChecks(cleanPlan()), 'stay_start_mismatch')).toEqual([]);
  });
  it('Given the same person in two overlapping stays, When checked, Then they are in two places at once', () => {
    const input = cleanPlan();
    input.stays.push(
      makeStay({ id: 'stay-2', checkIn: '2026-05-01', checkOut: '2026-05-10', personIds: ['p-2'] }),
    );
    const found = only(runPlanChecks(input), 'traveller_double_booked');
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toEqual({
      tab: 'stays',
      entity: 'stays',
      id: 'stay-2',
      field: 'checkIn',
    });
  });
  it('Given back-to-back stays (check-out = next check-in), When checked, Then no overlap is reported', () => {
    const input = cleanPlan();
    input.stays[0] = makeStay({ checkOut: '2026-05-01', personIds: ['p-1', 'p-2'] });
    input.stays.push(
      makeStay({
        id: 'stay-2',
        checkIn: '2026-05-01',
        checkOut: '2026-06-26',
        personIds: ['p-1', 'p-2'],
      }),
    );
    expect(only(runPlanChecks(input), 'traveller_double_booked')).toEqual([]);
  });
  it('Given a stay whose host was deleted, When checked, Then it asks to choose the host again', () => {
    expect(codes(runPlanChecks({ ...cleanPlan(), hosts: new Map() }))).toContain(
      'stay_host_missing',
    );
  });
});

describe('return, checkpoints and budget', () => {
  it('Given the return legs are only ideas, When checked, Then no return leg is booked for both travellers', () => {
    const input = withLeg(withLeg(cleanPlan(), 'leg-3', { status: 'idea' }), 'leg-4', {
      status: 'idea',
    });
    const [f] = only(runPlanChecks(input), 'no_return_leg');
    expect(f).toMatchObject({
      severity: 'warning',
      params: { people: 'Kestrel, Wren', count: 2, end: '2026-06-26' },
      fix: { tab: 'travel', entity: 'cases', id: 'case-1', field: null },
    });
  });
  it('Given the return is booked after the planned end, When checked 10 days before the end, Then it is an error', () => {
    const input = {
      ...withLeg(
        withLeg(cleanPlan(), 'leg-3', {
          depart: { local: '2026-06-30T11:00', zone: 'Europe/Paris' },
          arrive: { local: '2026-06-30T15:30', zone: 'Europe/Istanbul' },
        }),
        'leg-4',
        {
          depart: { local: '2026-06-30T17:30', zone: 'Europe/Istanbul' },
          arrive: { local: '2026-06-30T21:00', zone: 'Asia/Tbilisi' },
        },
      ),
      today: '2026-06-16' as IsoDate,
    };
    expect(only(runPlanChecks(input), 'no_return_leg')[0]?.severity).toBe('error');
  });
  it('Given an approved extension past the late return, When checked, Then the return is in time', () => {
    const input = {
      ...withLeg(cleanPlan(), 'leg-4', {
        depart: { local: '2026-07-02T17:30', zone: 'Europe/Istanbul' },
        arrive: { local: '2026-07-02T21:00', zone: 'Asia/Tbilisi' },
      }),
      extensions: [makeExtension()],
      checkpoints: [makeCheckpoint()],
    };
    expect(only(runPlanChecks(input), 'no_return_leg')).toEqual([]);
  });
  it('Given an onward exit, When checked, Then no return leg is expected', () => {
    const input = {
      ...cleanPlan(),
      case: makeCase({ status: 'onward_exit', statusReason: 'asylum' }),
      legs: cleanPlan().legs.slice(0, 2),
    };
    expect(only(runPlanChecks(input), 'no_return_leg')).toEqual([]);
  });
  it('Given no checkpoint before the planned end, When checked, Then a warning fires', () => {
    const input = {
      ...cleanPlan(),
      checkpoints: [makeCheckpoint({ dueDate: '2026-07-10', kind: 'post_return_follow_up' })],
    };
    expect(codes(runPlanChecks(input))).toEqual(['no_checkpoint_before_end']);
  });
  it('Given a checkpoint due yesterday without a decision, When checked, Then it is overdue; with a decision it is not', () => {
    const input = { ...cleanPlan(), today: '2026-06-13' as IsoDate };
    expect(only(runPlanChecks(input), 'checkpoint_overdue')[0]).toMatchObject({
      params: { daysOverdue: 1 },
      // No review form exists yet: the link points at the checkpoint itself, not at a field.
      fix: { tab: 'checkpoints', entity: 'checkpoints', id: 'cp-1', field: null },
    });
    expect(only(runPlanChecks(input), 'checkpoint_overdue')[0]?.message).not.toMatch(
      /record the decision/i,
    );
    const decided = {
      ...input,
      checkpoints: [
        makeCheckpoint({
          decision: 'prepare_return',
          decidedBy: 'PO',
          decidedOn: '2026-06-12',
          riskLevel: 'medium',
        }),
      ],
    };
    expect(only(runPlanChecks(decided), 'checkpoint_overdue')).toEqual([]);
    expect(
      only(runPlanChecks({ ...cleanPlan(), today: '2026-06-12' as IsoDate }), 'checkpoint_overdue'),
    ).toEqual([]);
  });
  it('Given a budget over the cap, When checked, Then it is an error with the excess; at the cap it is fine', () => {
    const over = { ...cleanPlan(), budgetTotalInReporting: money(1000001, 'EUR') };
    expect(only(runPlanChecks(over), 'budget_over_cap')[0]).toMatchObject({
      severity: 'error',
      params: { over: '€0.01', overMinor: 1 },
    });
    expect(
      runPlanChecks({ ...cleanPlan(), budgetTotalInReporting: money(1000000, 'EUR') }),
    ).toEqual([]);
  });
  it('Given a cap in another currency, When checked, Then it says they cannot be compared', () => {
    expect(codes(runPlanChecks({ ...cleanPlan(), funderCap: money(1000000, 'USD') }))).toEqual([
      'budget_currency_mismatch',
    ]);
  });
  it('Given several problems, When checked, Then errors come before warnings', () => {
    const input = {
      ...cleanPlan(),
      checkpoints: [],
      budgetTotalInReporting: money(2000000, 'EUR'),
    };
    const f = runPlanChecks(input);
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning']);
  });
});

describe('no cascades', () => {
  it('Given one leg that arrives before it departs, When checked, Then only that error is reported, not double bookings around it', () => {
    const input = withLeg(cleanPlan(), 'leg-2', {
      arrive: { local: '2026-03-27T10:30', zone: 'Europe/Paris' },
    });
    expect(codes(runPlanChecks(input))).toEqual(['leg_arrives_before_departure']);
  });
});

describe('grouping', () => {
  it('Given a budget error and a checkpoint warning, When grouped, Then each tab gets its own and the worst is error', () => {
    const f = runPlanChecks({
      ...cleanPlan(),
      checkpoints: [],
      budgetTotalInReporting: money(2000000, 'EUR'),
    });
    const byTab = findingsByTab(f);
    expect(byTab.budget.map((x) => x.code)).toEqual(['budget_over_cap']);
    expect(byTab.checkpoints.map((x) => x.code)).toEqual(['no_checkpoint_before_end']);
    expect(byTab.travel).toEqual([]);
    expect(worstSeverity(f)).toBe('error');
    expect(worstSeverity([])).toBeNull();
  });
});
