/**
 * Timeline checks, across a traveller's legs: two legs at once, legs that do not connect, a
 * connection shorter than the minimum; someone who travels but sleeps nowhere; no return leg
 * booked by the planned end. "Idea" legs take part in timing and connections (they are the
 * plan) but do not count as a booked return.
 */
import type { Finding } from './types';
import {
  joinNames,
  nameList,
  legLabel,
  personName,
  samePlace,
  travellers,
  type LegInfo,
  type PlanCheck,
  type PlanContext,
} from './context';
import { distanceKm } from '../geo';
import type { PersonId } from '../ids';
import { daysBetween, localDateOf, minutesBetween } from '../time';
import { formatDuration } from '../time-format';

/**
 * Consecutive legs per traveller, paired: a pair shared by several travellers is ONE finding that
 * names them all (in the order of the case's people).
 */
function checkLegSequences(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const pairs = new Map<string, { a: LegInfo; b: LegInfo; people: PersonId[] }>();
  for (const [personId, legs] of ctx.legsByPerson) {
    for (let i = 1; i < legs.length; i++) {
      const a = legs[i - 1];
      const b = legs[i];
      // A leg that does not arrive after it departs is already an error; pairing it would only
      // add noise (double bookings and connections computed from a wrong time).
      if (!a || !b || a.arr <= a.dep || b.arr <= b.dep) continue;
      const key = `${a.leg.id}>${b.leg.id}`;
      const pair = pairs.get(key);
      if (pair) pair.people.push(personId);
      else pairs.set(key, { a, b, people: [personId] });
    }
  }
  const order = new Map(ctx.input.people.map((p, i) => [p.id as string, i]));
  for (const { a, b, people } of pairs.values()) {
    people.sort(
      (x, y) =>
        (order.get(x) ?? Number.MAX_SAFE_INTEGER) - (order.get(y) ?? Number.MAX_SAFE_INTEGER),
    );
    const personNames = people.map((p) => personName(ctx, p));
    const person = joinNames(personNames);
    const names = nameList(personNames);
    const count = people.length;
    const them = count === 1 ? person : 'one of them';
    if (b.dep < a.arr) {
      out.push({
        severity: 'error',
        code: 'traveller_double_booked',
        message: `${person} would be on ${legLabel(a.leg)} and ${legLabel(b.leg)} at the same time. Move one leg or remove ${them} from it.`,
        params: { person, names, count, first: legLabel(a.leg), second: legLabel(b.leg) },
        fix: { entity: 'legs', id: b.leg.id, field: 'depart.local' },
      });
      continue;
    }
    if (!samePlace(a.leg.to, b.leg.from, ctx.km)) {
      const km = Math.round(distanceKm(a.leg.to, b.leg.from));
      out.push({
        severity: 'warning',
        code: 'legs_do_not_connect',
        message: `${person} ${count === 1 ? 'arrives' : 'arrive'} in ${a.leg.to.name} but the next leg leaves from ${b.leg.from.name} (${km} km away). Add the missing leg or correct the place.`,
        params: { person, names, count, arriveAt: a.leg.to.name, departFrom: b.leg.from.name, km },
        fix: { entity: 'legs', id: b.leg.id, field: 'from' },
      });
    }
    const gap = minutesBetween(a.arr, b.dep);
    const min = Math.max(ctx.minConnection[a.leg.mode], ctx.minConnection[b.leg.mode]);
    if (gap < min) {
      out.push({
        severity: 'warning',
        code: 'connection_too_short',
        message: `Only ${formatDuration(gap)} between ${legLabel(a.leg)} and ${legLabel(b.leg)} for ${person}; allow at least ${formatDuration(min)}.`,
        params: {
          person,
          names,
          count,
          first: legLabel(a.leg),
          second: legLabel(b.leg),
          minutes: gap,
          minimum: min,
        },
        fix: { entity: 'legs', id: b.leg.id, field: 'depart.local' },
      });
    }
  }
  return out;
}

/**
 * Someone on a (non-cancelled) leg who is in no stay of the case: where do they sleep? One finding
 * for all of them, linking to the Stays tab.
 */
function checkTravellersWithoutStay(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const staying = new Set<string>();
  for (const s of ctx.input.stays) for (const p of s.personIds) staying.add(p);
  const travelling = travellers(ctx).any;
  const missing = ctx.input.people.filter((p) => travelling.has(p.id) && !staying.has(p.id));
  if (missing.length === 0) return out;
  const people = joinNames(missing.map((p) => p.codeName));
  out.push({
    severity: 'warning',
    code: 'traveller_without_stay',
    message: `${people} ${missing.length === 1 ? 'travels' : 'travel'} but no stay is planned for them. Add a stay, or add them to an existing stay.`,
    params: { people, names: nameList(missing.map((p) => p.codeName)), count: missing.length },
    fix: { entity: 'cases', id: ctx.input.case.id, field: null },
  });
  return out;
}

function checkReturnLeg(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const c = ctx.input.case;
  if (!ctx.end || c.status === 'onward_exit' || c.status === 'returned' || c.status === 'follow_up')
    return out;
  const first = ctx.timedLegs[0];
  if (!first) return out;
  const origin = first.leg.from;
  const home = new Set<string>([origin.countryCode]);
  for (const p of ctx.input.people)
    if (p.role === 'principal' && p.nationality) home.add(p.nationality);
  const end = ctx.end;
  const isReturn = (li: LegInfo) => {
    const leg = li.leg;
    if (leg.status !== 'booked' && leg.status !== 'done') return false;
    if (li.dep <= first.dep || localDateOf(leg.depart.local) > end) return false;
    const crossesHome = home.has(leg.to.countryCode) && !home.has(leg.from.countryCode);
    const backToOrigin =
      distanceKm(leg.to, origin) <= ctx.km && distanceKm(leg.from, origin) > ctx.km;
    return crossesHome || backToOrigin;
  };
  const missing: string[] = [];
  for (const [personId, legs] of ctx.legsByPerson) {
    if (!legs.some(isReturn)) missing.push(personName(ctx, personId));
  }
  if (missing.length === 0) return out;
  const daysLeft = daysBetween(ctx.input.today, end);
  out.push({
    severity: daysLeft <= ctx.urgentDays ? 'error' : 'warning',
    code: 'no_return_leg',
    message: `No return leg is booked by the planned end (${end}) for ${missing.join(', ')}. Book the return journey or record an extension.`,
    params: {
      people: missing.join(', '),
      names: nameList(missing),
      count: missing.length,
      end,
      daysLeft,
    },
    fix: { entity: 'cases', id: c.id, field: null },
  });
  return out;
}

export const LEG_SEQUENCE_CHECKS: readonly PlanCheck[] = [
  { id: 'leg-sequences', area: 'timeline', run: checkLegSequences },
  { id: 'travellers-without-stay', area: 'timeline', run: checkTravellersWithoutStay },
];

export const RETURN_CHECKS: readonly PlanCheck[] = [
  { id: 'return-leg', area: 'timeline', run: checkReturnLeg },
];
