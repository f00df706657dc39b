/**
 * Budget lines, exchange rates and per diem rates. Amounts are integer minor units; rates are
 * decimal text (never floats). A budget line is quantity × unit amount in one currency, planned or
 * actual; `origin: 'derived'` lines are computed from the plan (`sourceKey` says from what, e.g.
 * `stay:<id>`), `manual` lines are typed by the coordinator.
 */
import { z } from 'zod';
import type { BudgetLineId, CaseId, ExchangeRateId, PerDiemRateId } from '../ids';
import {
  countryCodeSchema,
  currencySchema,
  decimalSchema,
  addIssue,
  idSchema,
  minorUnitsSchema,
  nonNegativeMinorUnits,
  nullableText,
  optionalText,
  planDate,
  entitySchemas,
  requiredText,
  type IssueSink,
} from './common';

export const BUDGET_CATEGORIES = [
  'travel',
  'accommodation',
  'per_diem',
  'visa',
  'medical_insurance',
  'psychosocial',
  'security',
  'legal',
  'communications',
  'contingency',
  'other',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const BUDGET_KINDS = ['planned', 'actual'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export const BUDGET_ORIGINS = ['derived', 'manual'] as const;
export type BudgetOrigin = (typeof BUDGET_ORIGINS)[number];

const budgetLineFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  category: z.enum(BUDGET_CATEGORIES, { error: 'Choose a budget category' }),
  description: requiredText('a description', 300),
  quantity: z
    .number({ error: 'Enter the quantity as a whole number' })
    .int({ error: 'Enter the quantity as a whole number (nights, person-days, tickets)' })
    .min(0, { error: 'Quantity cannot be negative' })
    .max(1_000_000, { error: 'Quantity is too large; check for extra digits' }),
  /** Signed: a refund is a negative actual. */
  unitAmount: minorUnitsSchema,
  currency: currencySchema,
  kind: z.enum(BUDGET_KINDS, { error: 'Choose planned or actual' }),
  date: planDate('the date'),
  payee: optionalText('the payee', 200),
  funder: optionalText('the funder', 200),
  grantCode: optionalText('the grant code', 80),
  notes: optionalText('the notes', 2000),
  origin: z.enum(BUDGET_ORIGINS).default('manual'),
  /** For a derived line: what in the plan it comes from (`stay:<id>`, `perdiem:<stay>:<rate>:adult` ...). */
  sourceKey: nullableText('the source', 120),
  /**
   * A derived line the coordinator overrode keeps the derived figure it replaced, so that a later
   * change of the plan shows as "the derived figure now differs". Null on manual lines.
   */
  derivedFrom: z
    .object({
      quantity: z.number().int().min(0),
      unitAmount: minorUnitsSchema,
      currency: currencySchema,
    })
    .nullable()
    .default(null),
});

export const { input: BudgetLineInputSchema, record: BudgetLineSchema } = entitySchemas(
  budgetLineFields,
  idSchema<BudgetLineId>('Budget line'),
);
export type BudgetLineInput = z.input<typeof BudgetLineInputSchema>;
export type BudgetLine = z.output<typeof BudgetLineSchema>;

const exchangeRateFields = z.object({
  from: currencySchema,
  to: currencySchema,
  /** Units of `to` for one unit of `from`. */
  rate: decimalSchema,
  asOf: planDate('the date of the rate'),
  source: optionalText('the source of the rate', 300),
});
function exchangeRateRules(v: z.infer<typeof exchangeRateFields>, ctx: IssueSink): void {
  if (v.from === v.to) addIssue(ctx, 'to', 'Choose two different currencies');
}
export const { input: ExchangeRateInputSchema, record: ExchangeRateSchema } = entitySchemas(
  exchangeRateFields,
  idSchema<ExchangeRateId>('Exchange rate'),
  exchangeRateRules,
);
export type ExchangeRateInput = z.input<typeof ExchangeRateInputSchema>;
export type ExchangeRate = z.output<typeof ExchangeRateSchema>;

const perDiemFields = z.object({
  countryCode: countryCodeSchema,
  /** null: applies to the whole country; a city rate wins over the country rate. */
  city: nullableText('the city', 120),
  amount: nonNegativeMinorUnits,
  /** Rate for minors; null means the adult rate applies. */
  childAmount: nonNegativeMinorUnits.nullable().default(null),
  currency: currencySchema,
  validFrom: planDate('the first day the rate applies'),
});
export const { input: PerDiemRateInputSchema, record: PerDiemRateSchema } = entitySchemas(
  perDiemFields,
  idSchema<PerDiemRateId>('Per diem rate'),
);
export type PerDiemRateInput = z.input<typeof PerDiemRateInputSchema>;
export type PerDiemRate = z.output<typeof PerDiemRateSchema>;

// `requiredText` is re-exported for budget forms that add a label field later.
export { requiredText as budgetText };
