/** Small planning records for the feature tests (readable ids; the schemas accept them). */
import type {
  Case,
  Checkpoint,
  HostLocation,
  Person,
  Stay,
  TravelLeg,
} from '../../../../src/domain/entities';
import { emptyBundle, type CaseBundle } from '../../../../src/domain/planning';
import { PLACES as DOMAIN_PLACES } from '../../domain/fixtures';

/** Fields to override; plain strings stand for branded dates and ids. */
type Patch = Record<string, unknown>;

const meta = {
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as const;

export function aCase(id: string, patch: Patch = {}): Case {
  return {
    id,
    codeName: `Case ${id}`,
    status: 'planning',
    referralSource: 'defender',
    threatSummary: '',
    threatTypes: [],
    alternativesConsidered: '',
    riskLevel: 'high',
    plannedStart: '2027-01-10',
    plannedEnd: '2027-04-10',
    actualStart: null,
    actualEnd: null,
    funder: '',
    grantCode: '',
    reportingCurrency: 'EUR',
    returnStrategy: '',
    protectionOfficer: '',
    notes: '',
    statusReason: null,
    approvedBy: null,
    approvedOn: null,
    statusChangedAt: null,
    ...meta,
    ...patch,
  } as unknown as Case;
}

export function aPerson(id: string, caseId: string, patch: Patch = {}): Person {
  return {
    id,
    caseId,
    codeName: id,
    legalName: null,
    role: 'principal',
    relationship: 'self',
    dateOfBirth: '1984-05-02',
    nationality: 'GE',
    travelDocument: { type: 'passport', number: 'X1', issuingCountry: null, expiry: '2031-01-01' },
    needs: { medical: '', accessibility: '', language: '' },
    ...meta,
    ...patch,
  } as unknown as Person;
}

export function aHost(id: string, patch: Patch = {}): HostLocation {
  return {
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
    services: [],
    nightlyCost: { amount: 4500, currency: 'EUR' },
    contactChannel: '',
    vettedOn: null,
    notes: '',
    ...meta,
    ...patch,
  } as unknown as HostLocation;
}

export function aStay(
  id: string,
  caseId: string,
  hostId: string,
  checkIn: string,
  checkOut: string,
  personIds: string[],
): Stay {
  return { id, caseId, hostId, checkIn, checkOut, personIds, ...meta } as unknown as Stay;
}

/** The domain tests' places, and Ankara for connections that do not connect. */
export const PLACES = {
  ...DOMAIN_PLACES,
  ankara: {
    name: 'Ankara',
    countryCode: 'TR',
    lat: 39.9334,
    lng: 32.8597,
    zone: 'Europe/Istanbul',
  },
} as const;

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
  return {
    id,
    caseId,
    mode: 'flight',
    from: PLACES[from],
    to: PLACES[to],
    depart: { local: depart, zone: PLACES[from].zone },
    arrive: { local: arrive, zone: PLACES[to].zone },
    carrier: 'TK',
    number: id,
    bookingReference: '',
    travellerIds,
    status: 'booked',
    cost: null,
    ...meta,
    ...patch,
  } as unknown as TravelLeg;
}

export function aCheckpoint(
  id: string,
  caseId: string,
  dueDate: string,
  decided = false,
): Checkpoint {
  return {
    id,
    caseId,
    dueDate,
    kind: 'periodic_review',
    criteria: [],
    threatNotes: '',
    vulnerabilityNotes: '',
    capacityNotes: '',
    riskLevel: decided ? 'low' : null,
    decision: decided ? 'continue' : null,
    decidedBy: decided ? 'PO' : null,
    decidedOn: decided ? dueDate : null,
    nextDue: null,
    ...meta,
  } as unknown as Checkpoint;
}

export function bundle(c: Case, parts: Partial<Omit<CaseBundle, 'case'>> = {}): CaseBundle {
  return { ...emptyBundle(c), ...parts };
}
