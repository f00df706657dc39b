/** Leg checks and the leg time rule: DST nights and the date line included. */
import { describe, expect, it } from 'vitest';
import { validateLeg } from '../../../../src/domain/entities';
import { PLACES, makeLeg } from '../../builders';
import { cleanPlan, only, runPlanChecks, withLeg } from './helpers';

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
});
