/**
 * Case: one relocation, from request to closure. The lifecycle rules live in `../lifecycle.ts`;
 * this file is the record's shape. Besides the fields of domain.md the record keeps what the
 * lifecycle asks for when a status changes (who approved, why it was declined or cancelled, when
 * the status last changed), because audit events deliberately hold field names, never values.
 */
import { z } from 'zod';
import type { CaseId } from '../ids';
import {
  currencySchema,
  addIssue,
  idSchema,
  instantSchema,
  nullableText,
  optionalText,
  planDate,
  entitySchemas,
  requiredText,
  type IssueSink,
} from './common';

export const CASE_STATUSES = [
  'request',
  'assessment',
  'approved',
  'declined',
  'cancelled',
  'planning',
  'in_transit',
  'relocated',
  'return_preparation',
  'returned',
  'follow_up',
  'onward_exit',
  'closed',
  'purged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const REFERRAL_SOURCES = ['defender', 'host_organisation', 'third_party'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const THREAT_TYPES = [
  'physical_attack',
  'arrest_risk',
  'judicial_harassment',
  'surveillance',
  'online_harassment',
  'threats_to_family',
  'smear_campaign',
  'sexual_violence',
  'other',
] as const;
export type ThreatType = (typeof THREAT_TYPES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'extreme'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const caseStatusSchema = z.enum(CASE_STATUSES, { error: 'Choose a status from the list' });
export const riskLevelSchema = z.enum(RISK_LEVELS, {
  error: 'Choose a risk level: low, medium, high or extreme',
});

const caseFields = z.object({
  codeName: requiredText('a code name', 80),
  status: caseStatusSchema.default('request'),
  referralSource: z.enum(REFERRAL_SOURCES, {
    error: 'Choose who referred the case: the defender, a host organisation or a third party',
  }),
  threatSummary: optionalText('the threat summary'),
  threatTypes: z
    .array(z.enum(THREAT_TYPES, { error: 'Choose threat types from the list' }))
    .default([])
    .refine((t) => new Set(t).size === t.length, {
      error: 'Each threat type can be chosen only once',
    }),
  alternativesConsidered: optionalText('the alternatives considered'),
  riskLevel: riskLevelSchema,
  plannedStart: planDate('the planned start').nullable().default(null),
  plannedEnd: planDate('the planned end').nullable().default(null),
  actualStart: planDate('the actual start').nullable().default(null),
  actualEnd: planDate('the actual end').nullable().default(null),
  funder: optionalText('the funder', 200),
  grantCode: optionalText('the grant code', 80),
  reportingCurrency: currencySchema,
  returnStrategy: optionalText('the return strategy'),
  protectionOfficer: optionalText('the protection officer', 200),
  notes: optionalText('the notes', 20000),
  /** Days between periodic return-readiness reviews for this case (null: the settings' default). */
  reviewEveryDays: z
    .number({ error: 'Enter the days between reviews as a whole number' })
    .int({ error: 'Enter the days between reviews as a whole number' })
    .min(7, { error: 'Reviews must be at least 7 days apart' })
    .max(180, { error: 'Reviews must be at most 180 days apart' })
    .nullable()
    .default(null),
  // Lifecycle bookkeeping (set by `transition`, not typed in forms).
  statusReason: nullableText('the reason', 2000),
  approvedBy: nullableText('the approver', 200),
  approvedOn: planDate('the approval date').nullable().default(null),
  statusChangedAt: instantSchema.nullable().default(null),
});

function caseRules(v: z.infer<typeof caseFields>, ctx: IssueSink): void {
  if (v.plannedStart && v.plannedEnd && v.plannedEnd <= v.plannedStart) {
    addIssue(ctx, 'plannedEnd', 'Planned end must be after the planned start; move it later');
  }
  if (v.actualStart && v.actualEnd && v.actualEnd < v.actualStart) {
    addIssue(ctx, 'actualEnd', 'Actual end cannot be before the actual start');
  }
}

/** What the case form edits (no id, no timestamps). */
export const { input: CaseInputSchema, record: CaseSchema } = entitySchemas(
  caseFields,
  idSchema<CaseId>('Case'),
  caseRules,
);
export type CaseInput = z.input<typeof CaseInputSchema>;
export type Case = z.output<typeof CaseSchema>;
