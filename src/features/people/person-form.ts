/** The person and visa forms' values and their mapping to the domain inputs, validated by the domain schemas. */
import {
  PersonInputSchema,
  VisaInputSchema,
  type Person,
  type PersonInput,
  type Visa,
  type VisaInput,
} from '../../domain/entities';
import {
  isCurrencyCode,
  moneyErrorMessage,
  parseAmount,
  toDecimalString,
} from '../../domain/money';
import { birthDateError, type IsoDate } from '../../domain/time';
import { domainMessage } from '../../shared/ui/domain-messages';
import { schemaErrors } from '../../shared/ui/schema-errors';
import { today as todayOnScreen } from '../../shared/ui/today';
import type { FieldErrors } from '../../shared/ui/use-record-form';

export type PersonFormValues = {
  codeName: string;
  legalName: string;
  role: string;
  relationship: string;
  dateOfBirth: string;
  nationality: string | null;
  travelDocument: {
    type: string | null;
    number: string;
    issuingCountry: string | null;
    expiry: string;
  };
  needs: { medical: string; accessibility: string; language: string };
};

export function personFormValues(
  p?: Person,
  role: 'principal' | 'dependant' = 'principal',
): PersonFormValues {
  return {
    codeName: p?.codeName ?? '',
    legalName: p?.legalName ?? '',
    role: p?.role ?? role,
    relationship: p?.relationship ?? (role === 'principal' ? 'self' : 'child'),
    dateOfBirth: p?.dateOfBirth ?? '',
    nationality: p?.nationality ?? null,
    travelDocument: {
      type: p?.travelDocument?.type ?? null,
      number: p?.travelDocument?.number ?? '',
      issuingCountry: p?.travelDocument?.issuingCountry ?? null,
      expiry: p?.travelDocument?.expiry ?? '',
    },
    needs: {
      medical: p?.needs.medical ?? '',
      accessibility: p?.needs.accessibility ?? '',
      language: p?.needs.language ?? '',
    },
  };
}

export function personInput(caseId: string, v: PersonFormValues): PersonInput {
  const d = v.travelDocument;
  const hasDocument = d.type !== null || d.number.trim() !== '' || d.expiry !== '';
  return {
    caseId: caseId as PersonInput['caseId'],
    codeName: v.codeName,
    legalName: v.legalName.trim() === '' ? null : v.legalName,
    role: v.role as PersonInput['role'],
    relationship: v.relationship as PersonInput['relationship'],
    dateOfBirth: (v.dateOfBirth === '' ? null : v.dateOfBirth) as PersonInput['dateOfBirth'],
    nationality: v.nationality,
    travelDocument: hasDocument
      ? {
          type: (d.type ?? '') as NonNullable<PersonInput['travelDocument']>['type'],
          number: d.number,
          issuingCountry: d.issuingCountry,
          expiry: d.expiry as NonNullable<PersonInput['travelDocument']>['expiry'],
        }
      : null,
    needs: v.needs,
  };
}

/** `today` is the coordinator's day: a date of birth after it is refused (no negative age). */
export function validatePersonForm(
  caseId: string,
  v: PersonFormValues,
  today: IsoDate = todayOnScreen(),
): FieldErrors {
  const errors = schemaErrors(PersonInputSchema.safeParse(personInput(caseId, v)));
  const future = errors.dateOfBirth ? null : birthDateError(v.dateOfBirth.trim(), today);
  if (future) errors.dateOfBirth = domainMessage(future);
  return errors;
}

export type VisaFormValues = {
  country: string | null;
  type: string;
  status: string;
  validFrom: string;
  validTo: string;
  /** The visa fee as typed (empty: no fee), in `feeCurrency`. */
  feeAmount: string;
  feeCurrency: string;
};

export function visaFormValues(v?: Visa): VisaFormValues {
  return {
    country: v?.country ?? null,
    type: v?.type ?? 'short_stay',
    status: v?.status ?? 'to_apply',
    validFrom: v?.validFrom ?? '',
    validTo: v?.validTo ?? '',
    feeAmount: v?.fee ? toDecimalString(v.fee.amount, v.fee.currency) : '',
    feeCurrency: v?.fee?.currency ?? 'EUR',
  };
}

/** The typed fee in minor units, or the message saying how to fix it. */
function visaFee(v: VisaFormValues): VisaInput['fee'] | string {
  if (v.feeAmount.trim() === '') return null;
  if (!isCurrencyCode(v.feeCurrency)) return 'Choose the currency of the fee, for example EUR';
  const a = parseAmount(v.feeAmount, v.feeCurrency);
  return a.ok
    ? { amount: a.value, currency: v.feeCurrency }
    : moneyErrorMessage(a.error, v.feeCurrency);
}

export function visaInput(
  caseId: string,
  personId: string,
  v: VisaFormValues,
  checklist: Visa['checklist'] = [],
): VisaInput {
  const fee = visaFee(v);
  return {
    caseId: caseId as VisaInput['caseId'],
    personId: personId as VisaInput['personId'],
    country: v.country ?? '',
    type: v.type as VisaInput['type'],
    status: v.status as VisaInput['status'],
    validFrom: (v.validFrom === '' ? null : v.validFrom) as VisaInput['validFrom'],
    validTo: (v.validTo === '' ? null : v.validTo) as VisaInput['validTo'],
    checklist,
    fee: typeof fee === 'string' ? null : fee,
  };
}

export function validateVisaForm(caseId: string, personId: string, v: VisaFormValues): FieldErrors {
  const errors = schemaErrors(VisaInputSchema.safeParse(visaInput(caseId, personId, v)));
  const fee = visaFee(v);
  if (typeof fee === 'string') errors['feeAmount'] = fee;
  return errors;
}
