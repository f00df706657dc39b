/**
 * Leg checks, one leg at a time: a departure or arrival time that does not exist or has an
 * unknown zone, a time that happens twice when clocks go back, and an arrival that is not after
 * the departure once zones are applied. Cancelled legs are ignored.
 */
import type { Finding } from './types';
import { legLabel, type PlanCheck, type PlanContext } from './context';
import { legTimeViolations } from '../entities/leg';
import { minutesBetween, timeErrorMessage } from '../time';
import { formatZoned } from '../time-format';

function checkLegTimes(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  for (const leg of ctx.untimedLegs) {
    for (const v of legTimeViolations(leg)) {
      if (v.reason !== 'time_invalid') continue;
      out.push({
        severity: 'error',
        code: 'leg_time_invalid',
        message: `${legLabel(leg)}: ${timeErrorMessage(v.error, v.local)}`,
        params: {
          leg: legLabel(leg),
          which: v.end,
          local: v.local,
          zone: leg[v.end].zone,
          reason: v.error.code,
          ...(v.error.code === 'nonexistent_local'
            ? { gapMinutes: v.error.gapMinutes, suggestion: v.error.suggestion }
            : {}),
        },
        fix: { entity: 'legs', id: leg.id, field: v.field },
      });
    }
  }
  for (const { leg, ambiguous } of ctx.timedLegs) {
    for (const which of ambiguous) {
      const local = leg[which].local;
      out.push({
        severity: 'info',
        code: 'leg_time_ambiguous',
        message: `${legLabel(leg)}: ${local.replace('T', ' ')} happens twice in ${leg[which].zone} (clocks go back that night); the earlier one is assumed. Check the ticket.`,
        params: { leg: legLabel(leg), which, local, zone: leg[which].zone },
        fix: { entity: 'legs', id: leg.id, field: `${which}.local` },
      });
    }
  }
  for (const { leg, dep, arr } of ctx.timedLegs) {
    if (arr > dep) continue;
    const params = {
      leg: legLabel(leg),
      depart: formatZoned(leg.depart, { withDate: true }),
      arrive: formatZoned(leg.arrive, { withDate: true }),
      minutes: minutesBetween(dep, arr),
    };
    out.push({
      severity: 'error',
      code: 'leg_arrives_before_departure',
      message: `${params.leg} arrives (${params.arrive}) before it departs (${params.depart}) once time zones are applied. Check the dates and the zones on the ticket.`,
      params,
      fix: { entity: 'legs', id: leg.id, field: 'arrive.local' },
    });
  }
  return out;
}

export const LEG_CHECKS: readonly PlanCheck[] = [
  { id: 'leg-times', area: 'legs', run: checkLegTimes },
];
