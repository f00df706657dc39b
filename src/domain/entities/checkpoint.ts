/**
 * Checkpoint: a return-readiness review. Risk is reviewed as threats × vulnerabilities ÷
 * capacities, so the notes come in those three parts; the decision says what happens next.
 */
import { z } from 'zod';
import type { CaseId, CheckpointId } from '../ids';
import {
  addIssue,
  idSchema,
  nullableText,
  optionalText,
  planDate,
  entitySchemas,
  requiredText,
  type IssueSink,
} from './common';
import { riskLevelSchema } from './case';

export const CHECKPOINT_KINDS = [
  'arrival_check_in',
  'periodic_review',
  'pre_return',
  'post_return_follow_up',
] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export const CHECKPOINT_DECISIONS = [
  'continue',
  'extend',
  'prepare_return',
  'onward_exit',
  'close',
] as const;
export type CheckpointDecision = (typeof CHECKPOINT_DECISIONS)[number];

export const CriterionSchema = z.object({
  label: requiredText('the criterion', 200),
  /** null: not assessed yet. */
  met: z.boolean().nullable().default(null),
});
export type Criterion = z.output<typeof CriterionSchema>;

const checkpointFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  dueDate: planDate('the due date'),
  kind: z.enum(CHECKPOINT_KINDS, { error: 'Choose the kind of review' }),
  criteria: z.array(CriterionSchema).default([]),
  threatNotes: optionalText('the threat notes'),
  vulnerabilityNotes: optionalText('the vulnerability notes'),
  capacityNotes: optionalText('the capacity notes'),
  riskLevel: riskLevelSchema.nullable().default(null),
  decision: z
    .enum(CHECKPOINT_DECISIONS, { error: 'Choose a decision from the list' })
    .nullable()
    .default(null),
  decidedBy: nullableText('who decided', 200),
  decidedOn: planDate('the decision date').nullable().default(null),
  nextDue: planDate('the next review date').nullable().default(null),
  /** Added by hand (kept when the schedule is regenerated) rather than from the schedule. */
  manual: z.boolean({ error: 'Say whether the review was added by hand' }).default(false),
  /** With the decision "extend": the end date the review asks for (the extension approves it). */
  proposedEnd: planDate('the proposed new end').nullable().default(null),
});

function checkpointRules(v: z.infer<typeof checkpointFields>, ctx: IssueSink): void {
  if (v.decision !== null) {
    if (!v.decidedBy) addIssue(ctx, 'decidedBy', 'Enter who took the decision');
    if (!v.decidedOn) addIssue(ctx, 'decidedOn', 'Enter the date of the decision');
    if (v.riskLevel === null)
      addIssue(ctx, 'riskLevel', 'Assess the risk level before recording a decision');
  }
  if (v.decision === 'extend' && !v.proposedEnd)
    addIssue(ctx, 'proposedEnd', 'Enter the new end date the extension asks for');
  if (v.nextDue && v.nextDue <= v.dueDate) {
    addIssue(ctx, 'nextDue', 'The next review must be after this one; move it later');
  }
}

export const { input: CheckpointInputSchema, record: CheckpointSchema } = entitySchemas(
  checkpointFields,
  idSchema<CheckpointId>('Checkpoint'),
  checkpointRules,
);
export type CheckpointInput = z.input<typeof CheckpointInputSchema>;
export type Checkpoint = z.output<typeof CheckpointSchema>;
