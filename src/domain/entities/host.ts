/**
 * Host location: where people stay (a host organisation, shelter, flat ...). Known by a code
 * name; coordinates may be approximate on purpose (`approximate: true`) so that a leaked file
 * does not pinpoint a safe house. Availability windows are half-open night ranges: a window
 * `from 2026-04-01 to 2026-06-30` accepts check-in on or after 04-01 and check-out on or before 06-30.
 * The street address is optional (empty when not known; records written before it existed read as
 * empty through the schema's default). It is printed only in an itinerary pack that is not
 * redacted, and no export carries it.
 */
import { z } from 'zod';
import type { HostId } from '../ids';
import {
  countryCodeSchema,
  addIssue,
  idSchema,
  latitudeSchema,
  longitudeSchema,
  moneySchema,
  optionalText,
  planDate,
  entitySchemas,
  requiredText,
  type IssueSink,
} from './common';

export const HOST_TYPES = [
  'host_organisation',
  'shelter',
  'apartment',
  'hotel',
  'university',
  'other',
] as const;
export type HostType = (typeof HOST_TYPES)[number];

export const HOST_SERVICES = ['medical', 'psychosocial', 'security_training'] as const;
export type HostService = (typeof HOST_SERVICES)[number];

export const AvailabilityWindowSchema = z
  .object({ from: planDate('the first available day'), to: planDate('the last check-out day') })
  .refine((w) => w.to > w.from, {
    error: 'The window must end after it starts; move "to" later',
    path: ['to'],
  });
export type AvailabilityWindow = z.output<typeof AvailabilityWindowSchema>;

const hostFields = z.object({
  codeName: requiredText('a code name', 80),
  type: z.enum(HOST_TYPES, {
    error: 'Choose the kind of place (host organisation, shelter, apartment ...)',
  }),
  city: requiredText('the city', 120),
  countryCode: countryCodeSchema,
  /** Street address, where known. Sensitive: only an unredacted itinerary pack prints it. */
  address: optionalText('the street address', 500),
  lat: latitudeSchema,
  lng: longitudeSchema,
  /** Coordinates deliberately blurred. */
  approximate: z.boolean({ error: 'Say whether the coordinates are approximate' }).default(true),
  capacityBeds: z
    .number({ error: 'Enter the number of beds as a whole number' })
    .int({ error: 'Enter the number of beds as a whole number' })
    .min(1, { error: 'A host needs at least 1 bed' })
    .max(1000, { error: 'Enter at most 1000 beds' }),
  availability: z.array(AvailabilityWindowSchema).default([]),
  services: z
    .array(z.enum(HOST_SERVICES, { error: 'Choose services from the list' }))
    .default([])
    .refine((s) => new Set(s).size === s.length, { error: 'Each service can be chosen only once' }),
  nightlyCost: moneySchema,
  contactChannel: optionalText('the contact channel', 500),
  vettedOn: planDate('the vetting date').nullable().default(null),
  notes: optionalText('the notes', 20000),
});

function hostRules(v: z.infer<typeof hostFields>, ctx: IssueSink): void {
  const sorted = [...v.availability].sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && cur.from < prev.to) {
      addIssue(ctx, 'availability', 'Availability windows overlap; merge them into one');
      break;
    }
  }
}

export const { input: HostInputSchema, record: HostSchema } = entitySchemas(
  hostFields,
  idSchema<HostId>('Host'),
  hostRules,
);
export type HostInput = z.input<typeof HostInputSchema>;
export type HostLocation = z.output<typeof HostSchema>;
/** Alias: a host is a host location. */
export type Host = HostLocation;
export const HostLocationSchema = HostSchema;
