/**
 * Extension: an approved move of a case's planned end, from the end in force to a later one.
 * Extensions chain (the second starts from the first's new end); `../duration.ts` applies them.
 */
import { z } from 'zod';
import type { CaseId, CheckpointId, ExtensionId } from '../ids';
import {
  addIssue,
  idSchema,
  nullableText,
  planDate,
  entitySchemas,
  requiredText,
  type IssueSink,
} from './common';

const extensionFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  fromEnd: planDate('the current end date'),
  toEnd: planDate('the new end date'),
  reason: requiredText('the reason for the extension', 2000),
  /** Who asked for it and when (typically the review that decided "extend"). */
  requestedBy: nullableText('who requested the extension', 200),
  requestedOn: planDate('the request date').nullable().default(null),
  /** The review whose decision asked for it, if any. */
  checkpointId: idSchema<CheckpointId>('Checkpoint').nullable().default(null),
  approvedBy: requiredText('who approved the extension', 200),
  approvedOn: planDate('the approval date'),
});

function extensionRules(v: z.infer<typeof extensionFields>, ctx: IssueSink): void {
  if (v.requestedOn && v.requestedOn > v.approvedOn)
    addIssue(ctx, 'approvedOn', 'The approval cannot be before the request; check both dates');
  if (v.toEnd <= v.fromEnd) {
    addIssue(ctx, 'toEnd', 'The new end date must be after the current end date');
  }
}

export const { input: ExtensionInputSchema, record: ExtensionSchema } = entitySchemas(
  extensionFields,
  idSchema<ExtensionId>('Extension'),
  extensionRules,
);
export type ExtensionInput = z.input<typeof ExtensionInputSchema>;
export type Extension = z.output<typeof ExtensionSchema>;
