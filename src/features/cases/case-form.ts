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

/** The form's values for `c`, or for a new case (in the default reporting currency of Settings). */
export function caseFormValues(c?: Case, defaultCurrency = 'EUR'): CaseFormValues {
  return {
    codeName: c?.codeName ?? '',
    referralSource: c?.referralSource ?? 'defender',
    riskLevel: c?.riskLevel ?? 'high',
    reportingCurrency: c?.reportingCurrency ?? defaultCurrency,
    plannedStart: c?.plannedStart ?? '',
    plannedEnd: c?.plannedEnd ?? '',
    actualStart: c?.actualStart ?? '',
    actualEnd: c?.actualEnd ?? '',
    threatSummary: c?.threatSummary ?? '',
    threatTypes: [...(c?.threatTypes ?? [])],
    alternativesConsidered: c?.alternativesConsidered ?? '',
    returnStrategy: c?.returnStrategy ?? '',
    funder: c?.funder ?? '',
    grantCode: c?.grantCode ?? '',
    protectionOfficer: c?.protectionOfficer ?? '',
    notes: c?.notes ?? '',
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function caseInput(v: CaseFormValues): CaseInput {
  return {
    codeName: v.codeName,
    referralSource: v.referralSource as CaseInput['referralSource'],
    riskLevel: v.riskLevel as CaseInput['riskLevel'],
    reportingCurrency: v.reportingCurrency as CaseInput['reportingCurrency'],
    plannedStart: orNull(v.plannedStart) as CaseInput['plannedStart'],
    plannedEnd: orNull(v.plannedEnd) as CaseInput['plannedEnd'],
    actualStart: orNull(v.actualStart) as CaseInput['actualStart'],
    actualEnd: orNull(v.actualEnd) as CaseInput['actualEnd'],
    threatSummary: v.threatSummary,
    threatTypes: v.threatTypes as CaseInput['threatTypes'],
    alternativesConsidered: v.alternativesConsidered,
    returnStrategy: v.returnStrategy,
    funder: v.funder,
    grantCode: v.grantCode,
    protectionOfficer: v.protectionOfficer,
    notes: v.notes,
  };
}

export function validateCaseForm(v: CaseFormValues): FieldErrors {
  return schemaErrors(CaseInputSchema.safeParse(caseInput(v)));
}
