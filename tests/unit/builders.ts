/**
 * The one family of record builders for every test: each returns
 * `Schema.parse({ ...defaults, ...overrides })`, so a fixture that drifts from what the app would
 * store fails loudly instead of testing nonsense.
 *
 * - `makeX(overrides)`: one record of each entity store, tied together by default (case-1, p-1,
 *   host-1 ...), for the domain and storage tests;
 * - `aX(id, ...)`: the short forms the feature tests use (readable ids, their own dates), built on
 *   the same `makeX` so they parse through the same schemas;
 * - `bundle(case, parts)`: one case with its records, as the planning screens group them.
 */
import {
  BudgetLineSchema,
  CaseSchema,
  CheckpointSchema,
  ExchangeRateSchema,
  ExtensionSchema,
  HostSchema,
  PerDiemRateSchema,
  PersonSchema,
  StaySchema,
  TravelLegSchema,
  VisaSchema,
  type BudgetLine,
  type Case,
  type Checkpoint,
  type ExchangeRate,
  type Extension,
  type HostLocation,
  type PerDiemRate,
  type Person,
  type Stay,
  type TravelLeg,
  type Visa,
} from '../../src/domain/entities';
import { emptyBundle, type CaseBundle } from '../../src/domain/planning';

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
  /** For connections that do not connect. */
  ankara: {
    name: 'Ankara',
    countryCode: 'TR',
    lat: 39.9334,
    lng: 32.8597,
    zone: 'Europe/Istanbul',
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

export function makeBudgetLine(over: Partial<Record<keyof BudgetLine, unknown>> = {}): BudgetLine {
  return BudgetLineSchema.parse({
    id: 'bl-1',
    caseId: 'case-1',
    category: 'travel',
    description: 'Ticket',
    quantity: 1,
    unitAmount: 12_000,
    currency: 'EUR',
    kind: 'planned',
    date: '2026-03-28',
    ...meta,
    ...over,
  });
}

export function makeExchangeRate(
  over: Partial<Record<keyof ExchangeRate, unknown>> = {},
): ExchangeRate {
  return ExchangeRateSchema.parse({
    id: 'fx-1',
    from: 'USD',
    to: 'EUR',
    rate: '0.9',
    asOf: '2026-03-01',
    ...meta,
    ...over,
  });
}

export function makePerDiemRate(
  over: Partial<Record<keyof PerDiemRate, unknown>> = {},
): PerDiemRate {
  return PerDiemRateSchema.parse({
    id: 'pd-1',
    countryCode: 'FR',
    city: 'Paris',
    amount: 5_000,
    currency: 'EUR',
    validFrom: '2026-01-01',
    ...meta,
    ...over,
  });
}

// Short forms for the feature tests: readable ids, dates in 2027, the same schemas.

/** Fields to override; plain strings stand for branded dates and ids. */
type Patch = Record<string, unknown>;

const featureMeta = {
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as const;

export function aCase(id: string, patch: Patch = {}): Case {
  return makeCase({
    id,
    codeName: `Case ${id}`,
    plannedStart: '2027-01-10',
    plannedEnd: '2027-04-10',
    ...featureMeta,
    ...patch,
  });
}

export function aPerson(id: string, caseId: string, patch: Patch = {}): Person {
  return makePerson({
    id,
    caseId,
    codeName: id,
    dateOfBirth: '1984-05-02',
    travelDocument: { type: 'passport', number: 'X1', issuingCountry: null, expiry: '2031-01-01' },
    ...featureMeta,
    ...patch,
  });
}

export function aHost(id: string, patch: Patch = {}): HostLocation {
  return makeHost({
    id,
    codeName: `Host ${id}`,
    type: 'shelter',
    city: 'Amsterdam',
    countryCode: 'NL',
    lat: 52.37,
    lng: 4.9,
    approximate: true,
    capacityBeds: 4,
    availability: [],
    ...featureMeta,
    ...patch,
  });
}

export function aStay(
  id: string,
  caseId: string,
  hostId: string,
  checkIn: string,
  checkOut: string,
  personIds: string[],
): Stay {
  return makeStay({ id, caseId, hostId, checkIn, checkOut, personIds, ...featureMeta });
}

export function aLeg(
  id: string,
  caseId: string,
  from: keyof typeof PLACES,
  to: keyof typeof PLACES,
  depart: string,
  arrive: string,
  travellerIds: string[],
  patch: Patch = {},
): TravelLeg {
  return makeLeg({
    id,
    caseId,
    from: PLACES[from],
    to: PLACES[to],
    depart: { local: depart, zone: PLACES[from].zone },
    arrive: { local: arrive, zone: PLACES[to].zone },
    number: id,
    travellerIds,
    ...featureMeta,
    ...patch,
  });
}

export function aCheckpoint(
  id: string,
  caseId: string,
  dueDate: string,
  decided = false,
): Checkpoint {
  return makeCheckpoint({
    id,
    caseId,
    dueDate,
    kind: 'periodic_review',
    ...(decided
      ? { riskLevel: 'low', decision: 'continue', decidedBy: 'PO', decidedOn: dueDate }
      : {}),
    ...featureMeta,
  });
}

export function bundle(c: Case, parts: Partial<Omit<CaseBundle, 'case'>> = {}): CaseBundle {
  return { ...emptyBundle(c), ...parts };
}
