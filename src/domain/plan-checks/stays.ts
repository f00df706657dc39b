/**
 * Stay checks: a traveller in two stays on the same nights; a stay whose host is gone, over the
 * host's beds, outside its availability, or overbooking the host together with other cases'
 * stays; a stay that does not start where the arrival leg ends.
 */
import type { Finding, OtherStay } from './types';
import {
  hostName,
  legLabel,
  minDate,
  personName,
  type LegInfo,
  type PlanCheck,
  type PlanContext,
} from './context';
import type { HostLocation } from '../entities/host';
import type { Stay } from '../entities/stay';
import { distanceKm } from '../geo';
import type { PersonId } from '../ids';
import { localDateOf, type IsoDate } from '../time';

function checkStaysPerPerson(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const byPerson = new Map<PersonId, Stay[]>();
  for (const s of ctx.input.stays) {
    for (const p of s.personIds) {
      let list = byPerson.get(p);
      if (!list) byPerson.set(p, (list = []));
      list.push(s);
    }
  }
  const seen = new Set<string>();
  for (const [personId, stays] of byPerson) {
    const sorted = [...stays].sort((a, b) =>
      a.checkIn < b.checkIn ? -1 : a.checkIn > b.checkIn ? 1 : 0,
    );
    for (let i = 1; i < sorted.length; i++) {
      const b = sorted[i];
      for (let j = 0; j < i && b; j++) {
        const a = sorted[j];
        if (!a || b.checkIn >= a.checkOut) continue;
        const key = `${a.id}>${b.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const person = personName(ctx, personId);
        out.push({
          severity: 'error',
          code: 'traveller_double_booked',
          message: `${person} is booked at ${hostName(ctx, a.hostId)} and ${hostName(ctx, b.hostId)} on the same nights (${b.checkIn} to ${minDate(a.checkOut, b.checkOut)}). Change the dates or who stays.`,
          params: {
            person,
            first: hostName(ctx, a.hostId),
            second: hostName(ctx, b.hostId),
            from: b.checkIn,
            to: minDate(a.checkOut, b.checkOut),
          },
          fix: { entity: 'stays', id: b.id, field: 'checkIn' },
        });
      }
    }
  }
  return out;
}

function checkStays(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const stays = ctx.input.stays;
  const others = ctx.input.otherStaysAtHosts ?? [];
  for (const stay of stays) {
    const host = ctx.hosts.get(stay.hostId);
    if (!host) {
      out.push({
        severity: 'error',
        code: 'stay_host_missing',
        message: 'This stay points to a host that no longer exists. Choose the host again.',
        params: { checkIn: stay.checkIn },
        fix: { entity: 'stays', id: stay.id, field: 'hostId' },
      });
      continue;
    }
    const people = stay.personIds.length;
    if (people > host.capacityBeds) {
      out.push({
        severity: 'error',
        code: 'stay_over_capacity',
        message: `${people} people stay at ${host.codeName}, which has ${host.capacityBeds} ${host.capacityBeds === 1 ? 'bed' : 'beds'}. Split the group or choose another host.`,
        params: { host: host.codeName, people, beds: host.capacityBeds },
        fix: { entity: 'stays', id: stay.id, field: 'personIds' },
      });
    }
    if (
      host.availability.length > 0 &&
      !host.availability.some((w) => w.from <= stay.checkIn && stay.checkOut <= w.to)
    ) {
      out.push({
        severity: 'warning',
        code: 'stay_outside_availability',
        message: `${host.codeName} is not available for the whole stay (${stay.checkIn} to ${stay.checkOut}). Check its availability or move the dates.`,
        params: { host: host.codeName, checkIn: stay.checkIn, checkOut: stay.checkOut },
        fix: { entity: 'stays', id: stay.id, field: 'checkIn' },
      });
    }
    checkHostOverbooked(ctx, stay, host, stays, others, out);
    checkStayStart(ctx, stay, host, out);
  }
  return out;
}

function checkHostOverbooked(
  ctx: PlanContext,
  stay: Stay,
  host: HostLocation,
  own: readonly Stay[],
  others: readonly OtherStay[],
  out: Finding[],
): void {
  const overlapping = (s: { checkIn: IsoDate; checkOut: IsoDate }) =>
    s.checkIn < stay.checkOut && stay.checkIn < s.checkOut;
  const otherHere = others.filter(
    (o) => o.hostId === host.id && o.caseId !== ctx.input.case.id && overlapping(o),
  );
  if (otherHere.length === 0) return;
  const intervals: { checkIn: IsoDate; checkOut: IsoDate; n: number }[] = [
    ...own
      .filter((s) => s.hostId === host.id && overlapping(s))
      .map((s) => ({ checkIn: s.checkIn, checkOut: s.checkOut, n: s.personIds.length })),
    ...otherHere.map((o) => ({ checkIn: o.checkIn, checkOut: o.checkOut, n: o.peopleCount })),
  ];
  // Occupancy only rises at a check-in, so the nights to test are this stay's first night and
  // every check-in that falls inside it.
  const nights = new Set<IsoDate>([stay.checkIn]);
  for (const iv of intervals)
    if (iv.checkIn > stay.checkIn && iv.checkIn < stay.checkOut) nights.add(iv.checkIn);
  let worst: { night: IsoDate; occupancy: number } | null = null;
  for (const night of [...nights].sort()) {
    let occupancy = 0;
    for (const iv of intervals) if (iv.checkIn <= night && night < iv.checkOut) occupancy += iv.n;
    if (occupancy > host.capacityBeds && (!worst || occupancy > worst.occupancy))
      worst = { night, occupancy };
  }
  if (!worst) return;
  out.push({
    severity: 'error',
    code: 'host_overbooked',
    message: `With other cases' stays, ${host.codeName} would have ${worst.occupancy} people for ${host.capacityBeds} beds on the night of ${worst.night}. Move the dates or choose another host.`,
    params: {
      host: host.codeName,
      night: worst.night,
      occupancy: worst.occupancy,
      beds: host.capacityBeds,
    },
    fix: { entity: 'stays', id: stay.id, field: 'checkIn' },
  });
}

function checkStayStart(ctx: PlanContext, stay: Stay, host: HostLocation, out: Finding[]): void {
  const members = new Set<string>(stay.personIds);
  let inbound: LegInfo | null = null;
  for (const li of ctx.timedLegs) {
    if (!li.leg.travellerIds.some((p) => members.has(p))) continue;
    // While a leg of these people before check-in has impossible times, where they arrive from
    // cannot be judged; that leg is already reported.
    if (li.arr <= li.dep && localDateOf(li.leg.depart.local) <= stay.checkIn) return;
    if (li.arr <= li.dep || localDateOf(li.leg.arrive.local) > stay.checkIn) continue;
    if (!inbound || li.arr > inbound.arr) inbound = li;
  }
  if (!inbound) return;
  const arrivalDate = localDateOf(inbound.leg.arrive.local);
  // A stay of the same people that ends between that arrival and this check-in means they came
  // from that stay, not straight from the leg.
  const cameFromStay = ctx.input.stays.some(
    (s) =>
      s.id !== stay.id &&
      s.personIds.some((p) => members.has(p)) &&
      s.checkOut >= arrivalDate &&
      s.checkOut <= stay.checkIn &&
      s.checkIn < stay.checkIn,
  );
  if (cameFromStay) return;
  const km = distanceKm(inbound.leg.to, host);
  if (km <= ctx.km) return;
  const params = {
    host: host.codeName,
    city: host.city,
    arriveAt: inbound.leg.to.name,
    km: Math.round(km),
    leg: legLabel(inbound.leg),
  };
  out.push({
    severity: 'warning',
    code: 'stay_start_mismatch',
    message: `The stay at ${host.codeName} (${host.city}) starts ${params.km} km from where ${params.leg} arrives (${params.arriveAt}). Add the missing leg or check the host.`,
    params,
    fix: { entity: 'stays', id: stay.id, field: 'hostId' },
  });
}

export const STAY_CHECKS: readonly PlanCheck[] = [
  { id: 'stays-per-person', area: 'stays', run: checkStaysPerPerson },
  { id: 'stays', area: 'stays', run: checkStays },
];
