/**
 * Builders of valid records for domain tests. Each returns a record parsed through its schema,
 * so a fixture that drifts from the schema fails loudly instead of testing nonsense.
 */
import {
  CaseSchema,
  CheckpointSchema,
  ExtensionSchema,
  HostSchema,
  PersonSchema,
  StaySchema,
  TravelLegSchema,
  VisaSchema,
  type Case,
  type Checkpoint,
  type Extension,
  type HostLocation,
  type Person,
  type Stay,
  type TravelLeg,
  type Visa,
} from '../../../src/domain/entities';

export const T0 = '2026-01-10T09:00:00.000Z';
const meta = { createdAt: T0, updatedAt: T0 };

export function makeCase(over: Partial<Record<keyof Case, unknown>> = {}): Case {
  return CaseSchema.parse({
    id: 'case-1',
    codeName: 'Heron',
    status: 'planning',
    referralSource: 'defender',
    riskLevel: 'high',
    plannedStart: '2026-03-28',
    plannedEnd: '2026-06-26',
    reportingCurrency: 'EUR',
    ...meta,
    ...over,
  });
}

export function makePerson(over: Partial<Record<keyof Person, unknown>> = {}): Person {
  return PersonSchema.parse({
    id: 'p-1',
    caseId: 'case-1',
    codeName: 'Kestrel',
    role: 'principal',
    relationship: 'self',
    dateOfBirth: '1985-05-05',
    nationality: 'GE',
    travelDocument: { type: 'passport', number: 'X1234567', expiry: '2030-01-01' },
    ...meta,
    ...over,
  });
}

export const PLACES = {
  tbilisi: { name: 'Tbilisi', countryCode: 'GE', lat: 41.7151, lng: 44.8271, zone: 'Asia/Tbilisi' },
  istanbul: {
    name: 'Istanbul',
    countryCode: 'TR',
    lat: 41.0082,
    lng: 28.9784,
    zone: 'Europe/Istanbul',
  },
  paris: { name: 'Paris', countryCode: 'FR', lat: 48.8566, lng: 2.3522, zone: 'Europe/Paris' },
  parisCdg: {
    name: 'Paris CDG',
    countryCode: 'FR',
    lat: 49.0097,
    lng: 2.5479,
    zone: 'Europe/Paris',
  },
  lyon: { name: 'Lyon', countryCode: 'FR', lat: 45.764, lng: 4.8357, zone: 'Europe/Paris' },
  amsterdam: {
    name: 'Amsterdam',
    countryCode: 'NL',
    lat: 52.3676,
    lng: 4.9041,
    zone: 'Europe/Amsterdam',
  },
  auckland: {
    name: 'Auckland',
    countryCode: 'NZ',
    lat: -36.8485,
    lng: 174.7633,
    zone: 'Pacific/Auckland',
  },
  honolulu: {
    name: 'Honolulu',
    countryCode: 'US',
    lat: 21.3069,
    lng: -157.8583,
    zone: 'Pacific/Honolulu',
  },
} as const;

export function makeLeg(over: Partial<Record<keyof TravelLeg, unknown>> = {}): TravelLeg {
  return TravelLegSchema.parse({
    id: 'leg-1',
    caseId: 'case-1',
    mode: 'flight',
    from: PLACES.tbilisi,
    to: PLACES.istanbul,
    depart: { local: '2026-03-28T04:35', zone: 'Asia/Tbilisi' },
    arrive: { local: '2026-03-28T06:20', zone: 'Europe/Istanbul' },
    carrier: 'TK',
    number: 'TK385',
    travellerIds: ['p-1'],
    status: 'booked',
    ...meta,
    ...over,
  });
}

export function makeHost(over: Partial<Record<keyof HostLocation, unknown>> = {}): HostLocation {
  return HostSchema.parse({
    id: 'host-1',
    codeName: 'Linden',
    type: 'host_organisation',
    city: 'Paris',
    countryCode: 'FR',
    lat: 48.86,
    lng: 2.35,
    capacityBeds: 3,
    availability: [{ from: '2026-01-01', to: '2026-12-31' }],
    nightlyCost: { amount: 4500, currency: 'EUR' },
    ...meta,
    ...over,
  });
}

export function makeStay(over: Partial<Record<keyof Stay, unknown>> = {}): Stay {
  return StaySchema.parse({
    id: 'stay-1',
    caseId: 'case-1',
    hostId: 'host-1',
    checkIn: '2026-03-28',
    checkOut: '2026-06-26',
    personIds: ['p-1'],
    ...meta,
    ...over,
  });
}

export function makeVisa(over: Partial<Record<keyof Visa, unknown>> = {}): Visa {
  return VisaSchema.parse({
    id: 'visa-1',
    caseId: 'case-1',
    personId: 'p-1',
    country: 'FR',
    status: 'granted',
    validFrom: '2026-03-01',
    validTo: '2026-09-01',
    ...meta,
    ...over,
  });
}

export function makeCheckpoint(over: Partial<Record<keyof Checkpoint, unknown>> = {}): Checkpoint {
  return CheckpointSchema.parse({
    id: 'cp-1',
    caseId: 'case-1',
    dueDate: '2026-06-12',
    kind: 'pre_return',
    ...meta,
    ...over,
  });
}

export function makeExtension(over: Partial<Record<keyof Extension, unknown>> = {}): Extension {
  return ExtensionSchema.parse({
    id: 'ext-1',
    caseId: 'case-1',
    fromEnd: '2026-06-26',
    toEnd: '2026-07-26',
    reason: 'Prosecution still open',
    approvedBy: 'Protection officer',
    approvedOn: '2026-06-10',
    ...meta,
    ...over,
  });
}
