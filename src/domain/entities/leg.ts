/**
 * Travel leg: one journey segment (a flight, a train ...) of some of a case's people. Places carry
 * their IANA zone, and departure and arrival are wall-clock times read in the zone given with them,
 * exactly as printed on a ticket. Whether each time exists in its zone and the arrival is after the
 * departure once zones are applied is the leg's time rule (`legTimeViolations`, reason codes): the
 * form refuses such a leg (`validateLeg`) and the plan checks report a stored one ("idea" legs may
 * still be wrong).
 * The booking reference is sensitive: it is enough to cancel a ticket.
 * Terminals (or a station's hall, a port's pier) are optional text, empty when not known; records
 * written before they existed read as empty through the schema's default.
 */
import { z } from 'zod';
import type { CaseId, LegId, PersonId } from '../ids';
import type { FieldError } from '../result';
import { resolveLocal, timeErrorMessage, type TimeError } from '../time';
import { formatZoned } from '../time-format';
import {
  countryCodeSchema,
  idList,
  idSchema,
  latitudeSchema,
  localDateTimeSchema,
  longitudeSchema,
  moneySchema,
  optionalText,
  entitySchemas,
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
  departureTerminal: optionalText('the departure terminal', 80),
  arrivalTerminal: optionalText('the arrival terminal', 80),
  carrier: optionalText('the carrier', 120),
  number: optionalText('the flight or train number', 40),
  bookingReference: optionalText('the booking reference', 80),
  travellerIds: idList<PersonId>('Traveller', 1, 'Choose at least one traveller'),
  status: z
    .enum(LEG_STATUSES, { error: 'Choose a status: idea, booked, done or cancelled' })
    .default('idea'),
  cost: moneySchema.nullable().default(null),
  /** Marked to rebook (an extension moved the end past this leg and it was not moved with it). */
  rebook: z.boolean({ error: 'Say whether the leg must be rebooked' }).default(false),
});

export const { input: LegInputSchema, record: TravelLegSchema } = entitySchemas(
  legFields,
  idSchema<LegId>('Leg'),
);
export type LegInput = z.input<typeof LegInputSchema>;
export type TravelLeg = z.output<typeof TravelLegSchema>;

type Zoned = { readonly local: string; readonly zone: string };

export type LegTimeViolation =
  | {
      /** A time that does not resolve: unknown zone (`.zone`) or no such local time (`.local`). */
      readonly reason: 'time_invalid';
      readonly end: 'depart' | 'arrive';
      readonly field: `${'depart' | 'arrive'}.${'zone' | 'local'}`;
      readonly error: TimeError;
      readonly local: string;
    }
  | { readonly reason: 'arrives_before_departure'; readonly field: 'arrive.local' };

/**
 * The leg's time rule: each end's time must exist in its zone, and the arrival must be after the
 * departure once zones are applied.
 */
export function legTimeViolations(leg: {
  readonly depart: Zoned;
  readonly arrive: Zoned;
}): LegTimeViolation[] {
  const out: LegTimeViolation[] = [];
  const d = resolveLocal(leg.depart);
  const a = resolveLocal(leg.arrive);
  for (const [end, r] of [
    ['depart', d],
    ['arrive', a],
  ] as const) {
    if (!r.ok) {
      const field =
        r.error.code === 'invalid_zone' ? (`${end}.zone` as const) : (`${end}.local` as const);
      out.push({ reason: 'time_invalid', end, field, error: r.error, local: leg[end].local });
    }
  }
  if (d.ok && a.ok && a.value.epochMs <= d.value.epochMs)
    out.push({ reason: 'arrives_before_departure', field: 'arrive.local' });
  return out;
}

/**
 * Field errors that block saving a leg: a departure or arrival time that does not exist or has an
 * unknown zone, and an arrival that is not after the departure once zones are applied.
 */
export function validateLeg(leg: Pick<TravelLeg, 'depart' | 'arrive'>): FieldError[] {
  return legTimeViolations(leg).map((v) => ({
    field: v.field,
    message:
      v.reason === 'time_invalid'
        ? timeErrorMessage(v.error, v.local)
        : `Arrival (${formatZoned(leg.arrive, { withDate: true })}) is not after departure (${formatZoned(leg.depart, { withDate: true })}) once time zones are applied; check the date and the zone of each end`,
  }));
}
