/**
 * Travel leg: one journey segment (a flight, a train ...) of some of a case's people. Places carry
 * their IANA zone, and departure and arrival are wall-clock times read in the zone given with them,
 * exactly as printed on a ticket. Whether the arrival is after the departure once zones are applied
 * is checked by `validateLeg` / plan checks (a stored "idea" leg may still be wrong).
 * The booking reference is sensitive: it is enough to cancel a ticket.
 */
import { z } from 'zod';
import type { CaseId, LegId, PersonId } from '../ids';
import {
  countryCodeSchema,
  idList,
  idSchema,
  latitudeSchema,
  localDateTimeSchema,
  longitudeSchema,
  moneySchema,
  optionalText,
  recordMeta,
  requiredText,
  zoneSchema,
} from './common';

export const LEG_MODES = ['flight', 'train', 'bus', 'car', 'ferry', 'other'] as const;
export type LegMode = (typeof LEG_MODES)[number];

export const LEG_STATUSES = ['idea', 'booked', 'done', 'cancelled'] as const;
export type LegStatus = (typeof LEG_STATUSES)[number];

export const PlaceSchema = z.object({
  name: requiredText('the place name', 120),
  countryCode: countryCodeSchema,
  lat: latitudeSchema,
  lng: longitudeSchema,
  zone: zoneSchema,
});
export type Place = z.output<typeof PlaceSchema>;

export const ZonedLocalSchema = (label: string) =>
  z.object({ local: localDateTimeSchema(label), zone: zoneSchema });

const legFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  mode: z.enum(LEG_MODES, {
    error: 'Choose how they travel: flight, train, bus, car, ferry or other',
  }),
  from: PlaceSchema,
  to: PlaceSchema,
  depart: ZonedLocalSchema('departure'),
  arrive: ZonedLocalSchema('arrival'),
  carrier: optionalText('the carrier', 120),
  number: optionalText('the flight or train number', 40),
  bookingReference: optionalText('the booking reference', 80),
  travellerIds: idList<PersonId>('Traveller', 1, 'Choose at least one traveller'),
  status: z
    .enum(LEG_STATUSES, { error: 'Choose a status: idea, booked, done or cancelled' })
    .default('idea'),
  cost: moneySchema.nullable().default(null),
});

export const LegInputSchema = legFields;
export const TravelLegSchema = legFields.extend({ id: idSchema<LegId>('Leg'), ...recordMeta });
export type LegInput = z.input<typeof LegInputSchema>;
export type TravelLeg = z.output<typeof TravelLegSchema>;
