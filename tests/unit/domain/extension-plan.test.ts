import { describe, expect, it } from 'vitest';
import {
  defaultChoices,
  extensionEffects,
  previewExtension,
  type ExtensionPlanInput,
} from '../../../src/domain/extension-plan';
import { runPlanChecks } from '../../../src/domain/plan-checks';
import { hostMap, staysByHost } from '../../../src/domain/planning';
import { isoDate } from '../../../src/domain/time';
import type { HostLocation, Stay, TravelLeg } from '../../../src/domain/entities';
import { makeCase, makeCheckpoint, makeHost, makeLeg, makeStay, makeExtension } from '../builders';

const d = isoDate;
const relocated = makeCase({ status: 'relocated', actualStart: '2026-03-28' });
const inbound = makeLeg({ id: 'in', status: 'done' });
const home = makeLeg({
  id: 'home',
  from: makeLeg().to,
  to: makeLeg().from,
  depart: { local: '2026-06-26T10:00', zone: 'Europe/Istanbul' },
  arrive: { local: '2026-06-26T13:30', zone: 'Asia/Tbilisi' },
});

function input(over: {
  hosts?: HostLocation[];
  stays?: Stay[];
  otherStays?: Stay[];
  legs?: TravelLeg[];
}): ExtensionPlanInput {
  const stays = over.stays ?? [makeStay()];
  const all = [...stays, ...(over.otherStays ?? [])];
  return {
    case: relocated,
    stays,
    legs: over.legs ?? [inbound, home],
    checkpoints: [makeCheckpoint()],
    extensions: [],
    hosts: hostMap(over.hosts ?? [makeHost()]),
    byHost: staysByHost(all),
    today: d('2026-05-01'),
  };
}

describe('extension preview', () => {
  it('Given the host has beds and is available, When extending by 30 days, Then the stay can be extended to the new end', () => {
    const p = previewExtension(input({}), d('2026-07-26'));
    expect(p?.addedNights).toBe(30);
    expect(p?.stay).toMatchObject({ kind: 'extendable', newCheckOut: '2026-07-26' });
  });

  it('Given another case fills the host from 2026-07-01, When extending, Then the stay is not offered and the night and occupancy are named', () => {
    const other = makeStay({
      id: 'other',
      caseId: 'case-2',
      checkIn: '2026-07-01',
      checkOut: '2026-08-01',
      personIds: ['x', 'y', 'z'],
    });
    const p = previewExtension(input({ otherStays: [other] }), d('2026-07-26'));
    expect(p?.stay).toMatchObject({
      kind: 'blocked',
      reason: 'capacity',
      overbooking: { night: '2026-07-01', occupancy: 4, beds: 3 },
    });
  });

  it('Given the host is available only until 2026-07-10, When extending to 2026-07-26, Then the stay is blocked by availability', () => {
    const host = makeHost({ availability: [{ from: '2026-01-01', to: '2026-07-10' }] });
    const p = previewExtension(input({ hosts: [host] }), d('2026-07-26'));
    expect(p?.stay).toMatchObject({ kind: 'blocked', reason: 'availability' });
  });

  it('Given a booked return leg on the old end, When previewed, Then it is listed and moving it keeps its local times 30 days later; the done inbound leg is not listed', () => {
    const p = previewExtension(input({}), d('2026-07-26'));
    expect(p?.returnLegs.map((m) => m.leg.id)).toEqual(['home']);
    expect(p?.returnLegs[0]?.moved.depart).toEqual({
      local: '2026-07-26T10:00',
      zone: 'Europe/Istanbul',
    });
    expect(p?.returnLegs[0]?.moved.arrive.local).toBe('2026-07-26T13:30');
  });

  it('Given the extension is not later than the end in force, When previewed, Then there is no preview', () => {
    expect(previewExtension(input({}), d('2026-06-26'))).toBeNull();
  });

  it('Given the default choices, When applied, Then the stay, the leg and the schedule all follow', () => {
    const p = previewExtension(input({}), d('2026-07-26'));
    if (!p) throw new Error('no preview');
    const choices = defaultChoices(p);
    expect(choices).toEqual({ extendStay: true, legs: 'move', regenerateCheckpoints: true });
    const effects = extensionEffects(p, choices);
    expect(effects.stays.map((s) => s.checkOut)).toEqual(['2026-07-26']);
    expect(effects.legs.map((l) => [l.id, l.depart.local, l.rebook])).toEqual([
      ['home', '2026-07-26T10:00', false],
    ]);
    expect(effects.checkpoints.remove.map((c) => c.id)).toEqual(['cp-1']);
    expect(effects.checkpoints.add.find((c) => c.kind === 'pre_return')?.dueDate).toBe(
      '2026-07-12',
    );
  });

  it('Given the stay and legs are left, When the extension is saved, Then the plan checks flag the nights with no stay and the return leg before the new end; "rebook" flags the leg to rebook', () => {
    const p = previewExtension(input({}), d('2026-07-26'));
    if (!p) throw new Error('no preview');
    const left = extensionEffects(p, {
      extendStay: false,
      legs: 'leave',
      regenerateCheckpoints: false,
    });
    expect(left.stays).toEqual([]);
    expect(left.legs).toEqual([]);
    const base = {
      case: relocated,
      people: [],
      stays: [makeStay()],
      visas: [],
      checkpoints: [],
      extensions: [makeExtension()],
      hosts: [makeHost()],
      today: d('2026-05-01'),
    };
    const codes = runPlanChecks({ ...base, legs: [inbound, home] }).map((f) => f.code);
    expect(codes).toContain('nights_without_stay');
    expect(codes).toContain('return_leg_before_end');
    const rebook = extensionEffects(p, {
      extendStay: true,
      legs: 'rebook',
      regenerateCheckpoints: false,
    });
    expect(rebook.legs.map((l) => l.rebook)).toEqual([true]);
    const after = runPlanChecks({
      ...base,
      stays: [...rebook.stays],
      legs: [inbound, ...rebook.legs],
    }).map((f) => f.code);
    expect(after).not.toContain('nights_without_stay');
    expect(after).not.toContain('return_leg_before_end');
    expect(after).toContain('leg_to_rebook');
  });
});
