/**
 * The host form: typed coordinates are parsed strictly (a malformed or out-of-range value gets a
 * message at its field), the nightly cost is typed as decimal text and kept in integer minor units,
 * and the rest is validated by the domain's host schema.
 */
import { HostInputSchema, type HostInput, type HostLocation } from '../../domain/entities';
import {
  isCurrencyCode,
  moneyErrorMessage,
  parseAmount,
  toDecimalString,
  type CurrencyCode,
  type MinorUnits,
} from '../../domain/money';
import type { IsoDate } from '../../domain/time';
import { domainMessage } from '../../shared/ui/domain-messages';
import { schemaErrors } from '../../shared/ui/schema-errors';
import type { FieldErrors } from '../../shared/ui/use-record-form';
import { formatCoordinate, parseCoordinate, type CoordinateError } from '../places';

export type HostFormValues = {
  codeName: string;
  type: string;
  city: string;
  countryCode: string | null;
  address: string;
  lat: string;
  lng: string;
  approximate: boolean;
  capacityBeds: number | string;
  availability: { from: string; to: string }[];
  services: string[];
  nightlyAmount: string;
  nightlyCurrency: string;
  contactChannel: string;
  vettedOn: string;
  notes: string;
};

export function hostFormValues(h?: HostLocation): HostFormValues {
  return {
    codeName: h?.codeName ?? '',
    type: h?.type ?? 'host_organisation',
    city: h?.city ?? '',
    countryCode: h?.countryCode ?? null,
    // A host saved before addresses existed has none (reads are not re-parsed).
    address: (h?.address as string | undefined) ?? '',
    lat: formatCoordinate(h?.lat),
    lng: formatCoordinate(h?.lng),
    approximate: h?.approximate ?? true,
    capacityBeds: h?.capacityBeds ?? 2,
    availability: (h?.availability ?? []).map((w) => ({ from: w.from, to: w.to })),
    services: [...(h?.services ?? [])],
    nightlyAmount: h ? toDecimalString(h.nightlyCost.amount, h.nightlyCost.currency) : '',
    nightlyCurrency: h?.nightlyCost.currency ?? 'EUR',
    contactChannel: h?.contactChannel ?? '',
    vettedOn: h?.vettedOn ?? '',
    notes: h?.notes ?? '',
  };
}

export interface HostMessages {
  coordinate: (axis: 'lat' | 'lng', error: CoordinateError) => string;
  amountRequired: string;
}

export function hostInput(v: HostFormValues): { input: HostInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const lat = parseCoordinate(v.lat, 'lat');
  const lng = parseCoordinate(v.lng, 'lng');
  let amount = Number.NaN;
  if (isCurrencyCode(v.nightlyCurrency) && v.nightlyAmount.trim() !== '') {
    const r = parseAmount(v.nightlyAmount, v.nightlyCurrency);
    if (r.ok) amount = r.value;
    else errors.nightlyAmount = domainMessage(moneyErrorMessage(r.error, v.nightlyCurrency));
  }
  const input: HostInput = {
    codeName: v.codeName,
    type: v.type as HostInput['type'],
    city: v.city,
    countryCode: v.countryCode ?? '',
    address: v.address,
    lat: lat.ok ? lat.value : Number.NaN,
    lng: lng.ok ? lng.value : Number.NaN,
    approximate: v.approximate,
    capacityBeds: typeof v.capacityBeds === 'number' ? v.capacityBeds : Number.NaN,
    availability: v.availability.map((w) => ({ from: w.from as IsoDate, to: w.to as IsoDate })),
    services: v.services as HostInput['services'],
    nightlyCost: { amount: amount as MinorUnits, currency: v.nightlyCurrency as CurrencyCode },
    contactChannel: v.contactChannel,
    vettedOn: (v.vettedOn === '' ? null : v.vettedOn) as HostInput['vettedOn'],
    notes: v.notes,
  };
  return { input, errors };
}

export function validateHostForm(v: HostFormValues, messages: HostMessages): FieldErrors {
  const { input, errors } = hostInput(v);
  const lat = parseCoordinate(v.lat, 'lat');
  const lng = parseCoordinate(v.lng, 'lng');
  if (!lat.ok) errors.lat = messages.coordinate('lat', lat.error);
  if (!lng.ok) errors.lng = messages.coordinate('lng', lng.error);
  if (v.nightlyAmount.trim() === '') errors.nightlyAmount = messages.amountRequired;
  const schema = schemaErrors(HostInputSchema.safeParse(input), {
    'nightlyCost.amount': 'nightlyAmount',
    nightlyCost: 'nightlyAmount',
    'nightlyCost.currency': 'nightlyCurrency',
  });
  for (const [k, m] of Object.entries(schema)) if (!(k in errors)) errors[k] = m;
  return errors;
}
