/** Checkpoint checks: no checkpoint before the planned end, and checkpoints overdue. */
import type { Finding } from './types';
import type { PlanCheck, PlanContext } from './context';
import { isCheckpointOverdue } from '../checkpoints';
import { daysBetween } from '../time';

function checkCheckpoints(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const c = ctx.input.case;
  const end = ctx.end;
  if (end && c.status !== 'onward_exit' && !ctx.input.checkpoints.some((cp) => cp.dueDate <= end)) {
    out.push({
      severity: 'warning',
      code: 'no_checkpoint_before_end',
      message: `No return-readiness checkpoint is scheduled before the planned end (${ctx.end}). Generate the checkpoint schedule or add a pre-return review.`,
      params: { end: ctx.end },
      fix: { entity: 'cases', id: c.id, field: null },
    });
  }
  for (const cp of ctx.input.checkpoints) {
    if (!isCheckpointOverdue(cp, ctx.input.today)) continue;
    const days = daysBetween(cp.dueDate, ctx.input.today);
    out.push({
      severity: 'warning',
      code: 'checkpoint_overdue',
      message: `The ${cp.kind.replace(/_/g, ' ')} checkpoint was due on ${cp.dueDate} (${days} ${days === 1 ? 'day' : 'days'} ago) and has no decision yet. Hold the review with the protection officer.`,
      params: { kind: cp.kind, dueDate: cp.dueDate, daysOverdue: days },
      // Checkpoints have no review form yet: the link shows the checkpoint's row, no field.
      fix: { entity: 'checkpoints', id: cp.id, field: null },
    });
  }
  return out;
}

export const CHECKPOINT_CHECKS: readonly PlanCheck[] = [
  { id: 'checkpoints', area: 'checkpoints', run: checkCheckpoints },
];
