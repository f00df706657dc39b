/**
 * The case form's values (what the inputs hold: text, '' for empty) and their mapping to the
 * domain's case input, validated by the domain schema so messages match everywhere.
 */
import { CaseInputSchema, type Case, type CaseInput } from '../../domain/entities';
import { schemaErrors } from '../../shared/ui/schema-errors';
import type { FieldErrors } from '../../shared/ui/use-record-form';

export interface CaseFormValues {
  [field: string]: unknown;
  codeName: string;
  referralSource: string;
  riskLevel: string;
  reportingCurrency: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  threatSummary: string;
  threatTypes: string[];
  alternativesConsidered: string;
  returnStrategy: string;
  funder: string;
  grantCode: string;
  protectionOfficer: string;
  notes: string;
}

/** Free-text fields: the form holds them as they are. */
const TEXT_FIELDS = [
  'codeName',
  'threatSummary',
  'alternativesConsidered',
  'returnStrategy',
  'funder',
  'grantCode',
  'protectionOfficer',
  'notes',
] as const;
/** Optional dates: '' in the form, null in the record. */
const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type DateField = (typeof DATE_FIELDS)[number];

/** The form's values for `c`, or for a new case (in the default reporting currency of Settings). */
export function caseFormValues(c?: Case, defaultCurrency = 'EUR'): CaseFormValues {
  const plain = Object.fromEntries(
    [...TEXT_FIELDS, ...DATE_FIELDS].map((k) => [k, c?.[k] ?? '']),
  ) as Record<TextField | DateField, string>;
  return {
    ...plain,
    referralSource: c?.referralSource ?? 'defender',
    riskLevel: c?.riskLevel ?? 'high',
    reportingCurrency: c?.reportingCurrency ?? defaultCurrency,
    threatTypes: [...(c?.threatTypes ?? [])],
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function caseInput(v: CaseFormValues): CaseInput {
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, v[k]]));
  const dates = Object.fromEntries(DATE_FIELDS.map((k) => [k, orNull(v[k])]));
  // The schema checks every value on save: the casts only name what the inputs should hold.
  return {
    ...text,
    ...dates,
    referralSource: v.referralSource as CaseInput['referralSource'],
    riskLevel: v.riskLevel as CaseInput['riskLevel'],
    reportingCurrency: v.reportingCurrency as CaseInput['reportingCurrency'],
    threatTypes: v.threatTypes as CaseInput['threatTypes'],
  } as CaseInput;
}

export function validateCaseForm(v: CaseFormValues): FieldErrors {
  return schemaErrors(CaseInputSchema.safeParse(caseInput(v)));
}
