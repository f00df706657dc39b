/**
 * Visa or permit of one person for one country, with its document checklist. `caseId` is kept
 * beside `personId` so storage can list a case's visas without reading its people.
 */
import { z } from 'zod';
import type { CaseId, PersonId, VisaId } from '../ids';
import {
  countryCodeSchema,
  documentDate,
  addIssue,
  idSchema,
  moneySchema,
  entitySchemas,
  requiredText,
  type IssueSink,
} from './common';

export const VISA_TYPES = [
  'short_stay',
  'humanitarian',
  'transit',
  'residence_permit',
  'work',
  'study',
  'other',
] as const;
export type VisaType = (typeof VISA_TYPES)[number];

export const VISA_STATUSES = ['not_needed', 'to_apply', 'applied', 'granted', 'refused'] as const;
export type VisaStatus = (typeof VISA_STATUSES)[number];

export const ChecklistItemSchema = z.object({
  label: requiredText('the document to gather', 200),
  done: z.boolean().default(false),
});

const visaFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  personId: idSchema<PersonId>('Person'),
  country: countryCodeSchema,
  type: z.enum(VISA_TYPES, { error: 'Choose the visa or permit type' }).default('short_stay'),
  status: z.enum(VISA_STATUSES, {
    error: 'Choose a status: not needed, to apply, applied, granted or refused',
  }),
  validFrom: documentDate('the first valid day').nullable().default(null),
  validTo: documentDate('the last valid day').nullable().default(null),
  checklist: z.array(ChecklistItemSchema).default([]),
  /** The visa fee, which the budget derives a line from. */
  fee: moneySchema.nullable().default(null),
});

function visaRules(v: z.infer<typeof visaFields>, ctx: IssueSink): void {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) {
    addIssue(ctx, 'validTo', 'The last valid day cannot be before the first; check both dates');
  }
}

export const { input: VisaInputSchema, record: VisaSchema } = entitySchemas(
  visaFields,
  idSchema<VisaId>('Visa'),
  visaRules,
);
export type VisaInput = z.input<typeof VisaInputSchema>;
export type Visa = z.output<typeof VisaSchema>;
