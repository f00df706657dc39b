/** The budget line form: typed text to a line input, with messages at the fields. */
import type { BudgetItem } from '../../domain/budget';
import {
  BudgetLineInputSchema,
  fieldErrors,
  type BudgetCategory,
  type BudgetKind,
  type BudgetLineInput,
} from '../../domain/entities';
import type { CaseId } from '../../domain/ids';
import {
  isCurrencyCode,
  moneyErrorMessage,
  parseAmount,
  toDecimalString,
  type MinorUnits,
} from '../../domain/money';
import type { FieldErrors } from '../../shared/ui/use-record-form';

export type LineFormValues = {
  category: BudgetCategory;
  description: string;
  kind: BudgetKind;
  quantity: string;
  amount: string;
  currency: string;
  date: string;
  payee: string;
  funder: string;
  grantCode: string;
  notes: string;
};

export function lineFormValues(
  item: BudgetItem | null,
  defaults: { currency: string; date: string; funder: string; grantCode: string },
): LineFormValues {
  return {
    category: item?.category ?? 'other',
    description: item?.description ?? '',
    kind: item?.kind ?? 'planned',
    quantity: String(item?.quantity ?? 1),
    amount: item ? toDecimalString(item.unitAmount, item.currency) : '',
    currency: item?.currency ?? defaults.currency,
    date: item?.date ?? defaults.date,
    payee: item?.payee ?? '',
    funder: item?.funder ?? defaults.funder,
    grantCode: item?.grantCode ?? defaults.grantCode,
    notes: item?.notes ?? '',
  };
}

type Parsed =
  { ok: true; quantity: number; unitAmount: MinorUnits } | { ok: false; errors: FieldErrors };

/** Quantity and unit amount from the typed text. */
export function parseFigure(v: LineFormValues): Parsed {
  const errors: FieldErrors = {};
  const quantity = Number(v.quantity.trim());
  if (!/^\d+$/.test(v.quantity.trim()))
    errors['quantity'] = 'Enter the quantity as a whole number (nights, person-days, tickets)';
  let unitAmount = 0 as MinorUnits;
  if (!isCurrencyCode(v.currency)) errors['currency'] = 'Choose a currency, for example EUR';
  else {
    const a = parseAmount(v.amount, v.currency, { allowNegative: v.kind === 'actual' });
    if (a.ok) unitAmount = a.value;
    else errors['amount'] = moneyErrorMessage(a.error, v.currency);
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, quantity, unitAmount };
}

export function lineInput(caseId: CaseId, v: LineFormValues): BudgetLineInput | FieldErrors {
  const f = parseFigure(v);
  if (!f.ok) return f.errors;
  const input = {
    caseId,
    category: v.category,
    description: v.description,
    quantity: f.quantity,
    unitAmount: f.unitAmount,
    currency: v.currency,
    kind: v.kind,
    date: v.date,
    payee: v.payee,
    funder: v.funder,
    grantCode: v.grantCode,
    notes: v.notes,
    origin: 'manual' as const,
    sourceKey: null,
    derivedFrom: null,
  };
  const r = BudgetLineInputSchema.safeParse(input);
  if (!r.success) {
    const out: FieldErrors = {};
    for (const e of fieldErrors(r.error))
      out[e.field === 'unitAmount' ? 'amount' : e.field] ??= e.message;
    return out;
  }
  return r.data;
}

export function isFieldErrors(v: BudgetLineInput | FieldErrors): v is FieldErrors {
  return !('caseId' in v);
}
