/** Checkpoint checks: none before the end, overdue. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/domain/time';
import { makeCheckpoint } from '../../builders';
import { cleanPlan, codes, only, runPlanChecks } from './helpers';

describe('return, checkpoints and budget', () => {
  it('Given no checkpoint before the planned end, When checked, Then a warning fires', () => {
    const input = {
      ...cleanPlan(),
      checkpoints: [makeCheckpoint({ dueDate: '2026-07-10', kind: 'post_return_follow_up' })],
    };
    expect(codes(runPlanChecks(input))).toEqual(['no_checkpoint_before_end']);
  });
  it('Given a checkpoint due yesterday without a decision, When checked, Then it is overdue; with a decision it is not', () => {
    const input = { ...cleanPlan(), today: '2026-06-13' as IsoDate };
    expect(only(runPlanChecks(input), 'checkpoint_overdue')[0]).toMatchObject({
      params: { daysOverdue: 1 },
      // No review form exists yet: the link points at the checkpoint itself, not at a field.
      fix: { tab: 'checkpoints', entity: 'checkpoints', id: 'cp-1', field: null },
    });
    expect(only(runPlanChecks(input), 'checkpoint_overdue')[0]?.message).not.toMatch(
      /record the decision/i,
    );
    const decided = {
      ...input,
      checkpoints: [
        makeCheckpoint({
          decision: 'prepare_return',
          decidedBy: 'PO',
          decidedOn: '2026-06-12',
          riskLevel: 'medium',
        }),
      ],
    };
    expect(only(runPlanChecks(decided), 'checkpoint_overdue')).toEqual([]);
    expect(
      only(runPlanChecks({ ...cleanPlan(), today: '2026-06-12' as IsoDate }), 'checkpoint_overdue'),
    ).toEqual([]);
  });
});
