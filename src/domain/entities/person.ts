/**
 * Person: a traveller in a case, the principal defender or a dependant. Always known by a code
 * name; the legal name is optional and the most sensitive field in the store. Needs are kept
 * minimal on purpose (a line each, no medical history).
 */
import { z } from 'zod';
import type { CaseId, PersonId } from '../ids';
import { addMonths, type IsoDate } from '../time';
import {
  countryCodeSchema,
  documentDate,
  addIssue,
  idSchema,
  nullableText,
  optionalText,
  entitySchemas,
  requiredText,
  type IssueSink,
} from './common';

export const PERSON_ROLES = ['principal', 'dependant'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const RELATIONSHIPS = [
  'self',
  'partner',
  'child',
  'parent',
  'sibling',
  'other_relative',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const TRAVEL_DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'refugee_travel_document',
  'laissez_passer',
  'other',
] as const;
export type TravelDocumentType = (typeof TRAVEL_DOCUMENT_TYPES)[number];

export const TravelDocumentSchema = z.object({
  type: z.enum(TRAVEL_DOCUMENT_TYPES, {
    error: 'Choose the document type (passport, national ID ...)',
  }),
  number: requiredText('the document number', 40),
  issuingCountry: countryCodeSchema.nullable().default(null),
  expiry: documentDate('the document expiry date'),
});
export type TravelDocument = z.output<typeof TravelDocumentSchema>;

const personFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  codeName: requiredText('a code name', 80),
  legalName: nullableText('the legal name', 200),
  role: z.enum(PERSON_ROLES, { error: 'Choose principal or dependant' }),
  relationship: z
    .enum(RELATIONSHIPS, { error: 'Choose the relationship to the principal' })
    .default('self'),
  dateOfBirth: documentDate('the date of birth').nullable().default(null),
  nationality: countryCodeSchema.nullable().default(null),
  travelDocument: TravelDocumentSchema.nullable().default(null),
  needs: z
    .object({
      medical: optionalText('medical needs', 500),
      accessibility: optionalText('accessibility needs', 500),
      language: optionalText('languages', 200),
    })
    .default({ medical: '', accessibility: '', language: '' }),
});

function personRules(v: z.infer<typeof personFields>, ctx: IssueSink): void {
  if (v.role === 'principal' && v.relationship !== 'self') {
    addIssue(
      ctx,
      'relationship',
      'The principal is the defender themself; set the relationship to "self"',
    );
  }
  if (v.role === 'dependant' && v.relationship === 'self') {
    addIssue(ctx, 'relationship', 'Choose how this dependant is related to the principal');
  }
  if (v.dateOfBirth && v.travelDocument && v.travelDocument.expiry <= v.dateOfBirth) {
    addIssue(
      ctx,
      'travelDocument.expiry',
      'Document expiry must be after the date of birth; check both dates',
    );
  }
}

export const { input: PersonInputSchema, record: PersonSchema } = entitySchemas(
  personFields,
  idSchema<PersonId>('Person'),
  personRules,
);
export type PersonInput = z.input<typeof PersonInputSchema>;
export type Person = z.output<typeof PersonSchema>;

/** Age in whole years on `on`, or null without a date of birth. */
export function ageOn(person: Pick<Person, 'dateOfBirth'>, on: IsoDate): number | null {
  const dob = person.dateOfBirth;
  if (!dob) return null;
  let age = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) age -= 1;
  return age;
}

/** Under 18 on `on`. Unknown date of birth counts as adult (rates default to the adult rate). */
export function isMinorOn(person: Pick<Person, 'dateOfBirth'>, on: IsoDate): boolean {
  const age = ageOn(person, on);
  return age !== null && age < 18;
}

/** The day a document should be valid until for a return on `returnDate` (return + 6 months). */
export function requiredDocumentValidity(returnDate: IsoDate): IsoDate {
  return addMonths(returnDate, 6);
}
