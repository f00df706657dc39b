/** Stay checks and the stay rules: beds, availability, overbooking with other cases, where a stay starts. */
import { describe, expect, it } from 'vitest';
import type { HostId } from '../../../../src/domain/ids';
import { validateStay } from '../../../../src/domain/entities';
import type { IsoDate } from '../../../../src/domain/time';
import { makeHost, makeStay } from '../../builders';
import { cleanPlan, codes, only, runPlanChecks } from './helpers';

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
