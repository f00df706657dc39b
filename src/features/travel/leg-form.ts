/**
 * The leg form: places picked from the gazetteer carry their zone, and the departure and arrival
 * are typed as local wall-clock times in those zones. Before saving, the domain checks the times
 * (a time skipped by a DST change, an arrival not after the departure once zones are applied) and
 * the messages go to the Departure and Arrival fields.
 */
import { LegInputSchema, type LegInput, type Place, type TravelLeg } from '../../domain/entities';
import {
  isCurrencyCode,
  moneyErrorMessage,
  parseAmount,
  toDecimalString,
} from '../../domain/money';
import { validateLeg } from '../../domain/entities';
import { parseLocalDateTime } from '../../domain/time';
import { domainMessage } from '../../shared/ui/domain-messages';
import { addFieldErrors, schemaErrors } from '../../shared/ui/schema-errors';
import type { FieldErrors } from '../../shared/ui/use-record-form';

export type LegFormValues = {
  mode: string;
  status: string;
  carrier: string;
  number: string;
  from: Place | null;
  to: Place | null;
  depart: { local: string };
  arrive: { local: string };
  departureTerminal: string;
  arrivalTerminal: string;
  travellerIds: string[];
  bookingReference: string;
  costAmount: string;
  costCurrency: string;
};

export function legFormValues(
  leg: TravelLeg | null,
  defaults: { travellerIds: string[]; currency: string; from: Place | null },
): LegFormValues {
  return {
    mode: leg?.mode ?? 'flight',
    status: leg?.status ?? 'booked',
    carrier: leg?.carrier ?? '',
    number: leg?.number ?? '',
    from: leg?.from ?? defaults.from,
    to: leg?.to ?? null,
    depart: { local: leg?.depart.local ?? '' },
    arrive: { local: leg?.arrive.local ?? '' },
    // A leg saved before terminals existed has none (reads are not re-parsed).
    departureTerminal: (leg?.departureTerminal as string | undefined) ?? '',
    arrivalTerminal: (leg?.arrivalTerminal as string | undefined) ?? '',
    travellerIds: [...(leg?.travellerIds ?? defaults.travellerIds)],
    bookingReference: leg?.bookingReference ?? '',
    costAmount: leg?.cost ? toDecimalString(leg.cost.amount, leg.cost.currency) : '',
    costCurrency: leg?.cost?.currency ?? defaults.currency,
  };
}

const RENAME: Readonly<Record<string, string>> = {
  'from.name': 'from',
  'from.countryCode': 'from',
  'from.lat': 'from',
  'from.lng': 'from',
  'from.zone': 'from',
  'to.name': 'to',
  'to.countryCode': 'to',
  'to.lat': 'to',
  'to.lng': 'to',
  'to.zone': 'to',
  'depart.zone': 'from',
  'arrive.zone': 'to',
  cost: 'costAmount',
  'cost.amount': 'costAmount',
  'cost.currency': 'costCurrency',
};

type Built = { input: LegInput; costError: string | null };

/**
 * The date-time field shows `YYYY-MM-DD HH:mm`; the record keeps `YYYY-MM-DDTHH:mm`. Text that does
 * not read as a local time in the plan range is passed on as typed, so the schema's message (the
 * format, a day that does not exist, a year outside 2000..2100) reaches the field.
 */
export function typedLocal(text: string): string {
  const r = parseLocalDateTime(text);
  return r.ok ? r.value : text.trim();
}

function build(caseId: string, v: LegFormValues): Built {
  let cost: LegInput['cost'] = null;
  let costError: string | null = null;
  if (v.costAmount.trim() !== '' && isCurrencyCode(v.costCurrency)) {
    const r = parseAmount(v.costAmount, v.costCurrency);
    if (r.ok) cost = { amount: r.value, currency: v.costCurrency };
    else costError = domainMessage(moneyErrorMessage(r.error, v.costCurrency));
  }
  const input: LegInput = {
    caseId: caseId as LegInput['caseId'],
    mode: v.mode as LegInput['mode'],
    status: v.status as LegInput['status'],
    carrier: v.carrier,
    number: v.number,
    from: (v.from ?? null) as unknown as Place,
    to: (v.to ?? null) as unknown as Place,
    depart: {
      local: typedLocal(v.depart.local) as LegInput['depart']['local'],
      zone: (v.from?.zone ?? '') as LegInput['depart']['zone'],
    },
    arrive: {
      local: typedLocal(v.arrive.local) as LegInput['arrive']['local'],
      zone: (v.to?.zone ?? '') as LegInput['arrive']['zone'],
    },
    departureTerminal: v.departureTerminal,
    arrivalTerminal: v.arrivalTerminal,
    travellerIds: v.travellerIds as LegInput['travellerIds'],
    bookingReference: v.bookingReference,
    cost,
  };
  return { input, costError };
}

export function legInput(caseId: string, v: LegFormValues): LegInput {
  return build(caseId, v).input;
}

export function validateLegForm(
  caseId: string,
  v: LegFormValues,
  messages: { chooseFrom: string; chooseTo: string; currency: string },
): FieldErrors {
  const { input, costError } = build(caseId, v);
  const errors = schemaErrors(LegInputSchema.safeParse(input), RENAME);
  if (!v.from) errors.from = messages.chooseFrom;
  if (!v.to) errors.to = messages.chooseTo;
  if (costError) errors.costAmount = costError;
  if (v.costAmount.trim() !== '' && !isCurrencyCode(v.costCurrency))
    errors.costCurrency = messages.currency;
  // Zone-aware checks only once both ends have a place and a well-formed time.
  if (v.from && v.to && !errors['depart.local'] && !errors['arrive.local']) {
    addFieldErrors(errors, validateLeg({ depart: input.depart, arrive: input.arrive }), RENAME);
  }
  return errors;
}
