/** Timeline checks: connections, double bookings, somewhere to sleep, the return leg. */
import { describe, expect, it } from 'vitest';
import { type PlanCheckInput } from '../../../../src/domain/plan-checks';
import type { IsoDate } from '../../../../src/domain/time';
import { PLACES, makeCase, makeCheckpoint, makeExtension, makeLeg, makeStay } from '../../builders';
import { cleanPlan, only, runPlanChecks, withLeg } from './helpers';

describe('leg times and connections', () => {
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
});
