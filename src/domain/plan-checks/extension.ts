/**
 * What an extension can leave behind when the coordinator chose not to move it: nights up to the
 * end in force with no stay, and return legs that leave before the new end (or are marked to
 * rebook). See ../extension-plan.ts for the dialog that offers to move them.
 */
import type { Finding } from './types';
import { legLabel, type PlanCheck, type PlanContext } from './context';
import { isAway } from '../lifecycle';
import { addDays, daysBetween, localDateOf } from '../time';

function checkNightsWithoutStay(ctx: PlanContext): Finding[] {
  const { stays, case: c } = ctx.input;
  const end = ctx.end;
  if (!end || stays.length === 0 || c.actualEnd || !isAway(c.status)) return [];
  let last = stays[0];
  for (const s of stays) if (last && s.checkOut > last.checkOut) last = s;
  if (!last || last.checkOut >= end) return [];
  const nights = daysBetween(last.checkOut, end);
  return [
    {
      severity: 'warning',
      code: 'nights_without_stay',
      message: `No stay covers ${nights} ${nights === 1 ? 'night' : 'nights'} from ${last.checkOut} to the planned end (${end}). Extend the stay or add one.`,
      params: { from: last.checkOut, end, nights },
      fix: { entity: 'stays', id: last.id, field: 'checkOut' },
    },
  ];
}

function checkReturnLegsBeforeEnd(ctx: PlanContext): Finding[] {
  const c = ctx.input.case;
  const end = ctx.end;
  if (!end || c.actualEnd) return [];
  const start = c.actualStart ?? c.plannedStart;
  const extended = ctx.input.extensions.length > 0 && c.plannedEnd !== null && c.plannedEnd < end;
  // Legs planned around the first planned end are the return journey that the extension overtook.
  const around = c.plannedEnd ? addDays(c.plannedEnd, -7) : null;
  const out: Finding[] = [];
  for (const leg of ctx.input.legs) {
    if (leg.status === 'cancelled' || leg.status === 'done') continue;
    const day = localDateOf(leg.depart.local);
    if (leg.rebook) {
      out.push({
        severity: 'warning',
        code: 'leg_to_rebook',
        message: `${legLabel(leg)} on ${day} is marked to rebook after the extension to ${end}. Rebook it and clear the mark.`,
        params: { leg: legLabel(leg), day, end },
        fix: { entity: 'legs', id: leg.id, field: 'depart.local' },
      });
      continue;
    }
    if (!extended || !around || day < around || day >= end || (start && day <= start)) continue;
    out.push({
      severity: 'error',
      code: 'return_leg_before_end',
      message: `${legLabel(leg)} leaves on ${day}, before the extended end (${end}). Move the leg or mark it to rebook.`,
      params: { leg: legLabel(leg), day, end },
      fix: { entity: 'legs', id: leg.id, field: 'depart.local' },
    });
  }
  return out;
}

export const EXTENSION_CHECKS: readonly PlanCheck[] = [
  { id: 'nights-without-stay', area: 'stays', run: checkNightsWithoutStay },
  { id: 'return-legs-before-end', area: 'timeline', run: checkReturnLegsBeforeEnd },
];
