/**
 * What approving an extension does to the rest of the plan, shown before it is saved: the new end
 * moves the duration (through the extension record itself); the coordinator then chooses, in one
 * dialog, to
 *   - extend the current stay at the same host to the new end, offered only when the host has the
 *     beds (other cases' stays and this case's included) and is available until then;
 *   - move the return legs by the same number of days, or mark them to rebook, or leave them;
 *   - regenerate the undecided future checkpoints (the pre-return review moves before the new end,
 *     periodic reviews continue on their rhythm, decided and hand-added reviews stay).
 * Whatever is not moved shows afterwards as a plan-check finding (nights with no stay, a return
 * leg before the new end), so nothing is silently left behind.
 *
 * "Return legs" here: legs not done or cancelled that leave after the start day and before the
 * new end (the journey planned for the old end, and anything else that would now come too early).
 */
import { effectiveEnd } from './duration';
import type { Case } from './entities/case';
import type { Checkpoint } from './entities/checkpoint';
import type { Extension } from './entities/extension';
import type { HostLocation } from './entities/host';
import type { TravelLeg } from './entities/leg';
import type { Stay } from './entities/stay';
import type { HostId } from './ids';
import { worstOverbooking, type Overbooking } from './occupancy';
import { scheduleChange, type ScheduleChange, type ScheduleDefaults } from './reviews';
import { addDays, daysBetween, localDateOf, resolveLocal, type IsoDate } from './time';

export type StayOption =
  | { readonly kind: 'none' }
  | { readonly kind: 'covered'; readonly stay: Stay }
  | {
      readonly kind: 'extendable';
      readonly stay: Stay;
      readonly host: HostLocation;
      readonly newCheckOut: IsoDate;
    }
  | {
      readonly kind: 'blocked';
      readonly stay: Stay;
      readonly host: HostLocation | null;
      readonly newCheckOut: IsoDate;
      readonly reason: 'no_host' | 'capacity' | 'availability';
      readonly overbooking: Overbooking | null;
    };

export interface LegMove {
  readonly leg: TravelLeg;
  /** The leg moved by the extension's days (same local times in the same zones). */
  readonly moved: TravelLeg;
  /** False when a moved time falls in a clock change gap (then only "rebook" is safe). */
  readonly movable: boolean;
}

export interface ExtensionPreview {
  readonly fromEnd: IsoDate;
  readonly toEnd: IsoDate;
  readonly addedNights: number;
  readonly stay: StayOption;
  readonly returnLegs: readonly LegMove[];
  readonly checkpoints: ScheduleChange;
}

export interface ExtensionPlanInput {
  readonly case: Case;
  readonly stays: readonly Stay[];
  readonly legs: readonly TravelLeg[];
  readonly checkpoints: readonly Checkpoint[];
  readonly extensions: readonly Extension[];
  readonly hosts: ReadonlyMap<HostId, HostLocation>;
  /** Every stay at each host, across cases (the planning index's `byHost`). */
  readonly byHost: ReadonlyMap<string, readonly Stay[]>;
  readonly today: IsoDate;
  readonly defaults?: ScheduleDefaults;
  readonly template?: readonly string[];
}

function shiftLocal(local: string, days: number): string {
  return `${addDays(localDateOf(local as never), days)}${local.slice(10)}`;
}

/** The stay that holds the end: the one with the latest check-out (ties: the later check-in). */
function currentStay(stays: readonly Stay[]): Stay | null {
  let best: Stay | null = null;
  for (const s of stays)
    if (
      !best ||
      s.checkOut > best.checkOut ||
      (s.checkOut === best.checkOut && s.checkIn > best.checkIn)
    )
      best = s;
  return best;
}

function stayOption(input: ExtensionPlanInput, toEnd: IsoDate): StayOption {
  const stay = currentStay(input.stays);
  if (!stay) return { kind: 'none' };
  if (stay.checkOut >= toEnd) return { kind: 'covered', stay };
  const host = input.hosts.get(stay.hostId) ?? null;
  const blocked = (
    reason: 'no_host' | 'capacity' | 'availability',
    overbooking: Overbooking | null = null,
  ): StayOption => ({ kind: 'blocked', stay, host, newCheckOut: toEnd, reason, overbooking });
  if (!host) return blocked('no_host');
  if (
    host.availability.length > 0 &&
    !host.availability.some((w) => w.from <= stay.checkIn && toEnd <= w.to)
  )
    return blocked('availability');
  const others = (input.byHost.get(stay.hostId) ?? [])
    .filter((o) => o.id !== stay.id)
    .map((o) => ({
      caseId: o.caseId,
      checkIn: o.checkIn,
      checkOut: o.checkOut,
      people: o.personIds.length,
    }));
  const over = worstOverbooking(
    { checkIn: stay.checkOut, checkOut: toEnd, people: stay.personIds.length },
    others,
    host.capacityBeds,
  );
  if (over) return blocked('capacity', over);
  return { kind: 'extendable', stay, host, newCheckOut: toEnd };
}

function returnLegs(input: ExtensionPlanInput, fromEnd: IsoDate, toEnd: IsoDate): LegMove[] {
  const start = input.case.actualStart ?? input.case.plannedStart;
  const days = daysBetween(fromEnd, toEnd);
  const out: LegMove[] = [];
  for (const leg of input.legs) {
    if (leg.status === 'cancelled' || leg.status === 'done') continue;
    const day = localDateOf(leg.depart.local);
    if ((start && day <= start) || day >= toEnd) continue;
    const moved: TravelLeg = {
      ...leg,
      depart: { ...leg.depart, local: shiftLocal(leg.depart.local, days) as never },
      arrive: { ...leg.arrive, local: shiftLocal(leg.arrive.local, days) as never },
      rebook: false,
    };
    const movable = resolveLocal(moved.depart).ok && resolveLocal(moved.arrive).ok;
    out.push({ leg, moved, movable });
  }
  return out.sort((a, b) => (a.leg.depart.local < b.leg.depart.local ? -1 : 1));
}

/** The preview of extending the case's end in force to `toEnd`, or null when it is not later. */
export function previewExtension(
  input: ExtensionPlanInput,
  toEnd: IsoDate,
): ExtensionPreview | null {
  const fromEnd = effectiveEnd(input.case, input.extensions);
  if (!fromEnd || toEnd <= fromEnd) return null;
  return {
    fromEnd,
    toEnd,
    addedNights: daysBetween(fromEnd, toEnd),
    stay: stayOption(input, toEnd),
    returnLegs: returnLegs(input, fromEnd, toEnd),
    checkpoints: scheduleChange(input.case, input.extensions, input.checkpoints, input.today, {
      defaults: input.defaults,
      template: input.template,
      end: toEnd,
    }),
  };
}

export type LegChoice = 'move' | 'rebook' | 'leave';

export interface ExtensionChoices {
  readonly extendStay: boolean;
  readonly legs: LegChoice;
  readonly regenerateCheckpoints: boolean;
}

/** What the chosen options change, as whole records (the caller writes them with the extension). */
export interface ExtensionEffects {
  readonly stays: readonly Stay[];
  readonly legs: readonly TravelLeg[];
  readonly checkpoints: ScheduleChange;
}

export function extensionEffects(p: ExtensionPreview, choices: ExtensionChoices): ExtensionEffects {
  const stays =
    choices.extendStay && p.stay.kind === 'extendable'
      ? [{ ...p.stay.stay, checkOut: p.stay.newCheckOut }]
      : [];
  const legs =
    choices.legs === 'leave'
      ? []
      : p.returnLegs.map((m) =>
          choices.legs === 'move' && m.movable ? m.moved : { ...m.leg, rebook: true },
        );
  return {
    stays,
    legs,
    checkpoints: choices.regenerateCheckpoints ? p.checkpoints : { add: [], remove: [] },
  };
}

/** The choices offered first: everything that can follow the new end does. */
export function defaultChoices(p: ExtensionPreview): ExtensionChoices {
  return {
    extendStay: p.stay.kind === 'extendable',
    legs:
      p.returnLegs.length === 0
        ? 'leave'
        : p.returnLegs.every((m) => m.movable)
          ? 'move'
          : 'rebook',
    regenerateCheckpoints: true,
  };
}
