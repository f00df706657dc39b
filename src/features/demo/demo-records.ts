/**
 * The demo vault's sample data: realistic relocations for training, code names only, dates set
 * relative to today so that the dashboard and plan checks have something current to show.
 * Every record is parsed through its domain schema, so the sample cannot drift from the model.
 */
import { DateTime } from 'luxon';
import { ENTITY_SCHEMAS, type EntityStoreName } from '../../domain/entities';

export interface DemoRecord {
  store: EntityStoreName;
  record: { id: string } & Record<string, unknown>;
}

interface Place {
  name: string;
  countryCode: string;
  lat: number;
  lng: number;
  zone: string;
}

const PLACES = {
  tbilisi: { name: 'Tbilisi', countryCode: 'GE', lat: 41.7151, lng: 44.8271, zone: 'Asia/Tbilisi' },
  istanbul: {
    name: 'Istanbul',
    countryCode: 'TR',
    lat: 41.0082,
    lng: 28.9784,
    zone: 'Europe/Istanbul',
  },
  paris: { name: 'Paris', countryCode: 'FR', lat: 48.8566, lng: 2.3522, zone: 'Europe/Paris' },
  kampala: {
    name: 'Kampala',
    countryCode: 'UG',
    lat: 0.3476,
    lng: 32.5825,
    zone: 'Africa/Kampala',
  },
  nairobi: {
    name: 'Nairobi',
    countryCode: 'KE',
    lat: -1.2921,
    lng: 36.8219,
    zone: 'Africa/Nairobi',
  },
  bogota: { name: 'Bogotá', countryCode: 'CO', lat: 4.711, lng: -74.0721, zone: 'America/Bogota' },
  medellin: {
    name: 'Medellín',
    countryCode: 'CO',
    lat: 6.2442,
    lng: -75.5812,
    zone: 'America/Bogota',
  },
} satisfies Record<string, Place>;

/** Builds the sample records. `today` is an ISO date; `newId` gives 32-hex ids. */
export function buildDemoRecords(today: string, newId: () => string): DemoRecord[] {
  const base = DateTime.fromISO(today);
  const day = (offset: number): string => base.plus({ days: offset }).toISODate() ?? today;
  const at = (offset: number, time: string): string => `${day(offset)}T${time}`;
  const now = base.toUTC().toISO() ?? `${today}T00:00:00.000Z`;
  const meta = { createdAt: now, updatedAt: now };
  const out: DemoRecord[] = [];
  const add = (store: EntityStoreName, record: Record<string, unknown>): string => {
    const id = newId();
    const parsed = ENTITY_SCHEMAS[store].safeParse({ id, ...meta, ...record });
    if (!parsed.success)
      throw new Error(`demo ${store} record is invalid: ${parsed.error.message}`);
    out.push({ store, record: parsed.data as DemoRecord['record'] });
    return id;
  };

  // Hosts.
  const linden = add('hosts', {
    codeName: 'Linden',
    type: 'host_organisation',
    city: 'Paris',
    countryCode: 'FR',
    lat: 48.86,
    lng: 2.35,
    approximate: true,
    capacityBeds: 4,
    availability: [{ from: day(-120), to: day(240) }],
    services: ['psychosocial', 'security_training'],
    nightlyCost: { amount: 4500, currency: 'EUR' },
    contactChannel: 'Signal group "Linden desk"',
    vettedOn: day(-200),
    notes: 'Family rooms on the second floor.',
  });
  const acacia = add('hosts', {
    codeName: 'Acacia',
    type: 'shelter',
    city: 'Nairobi',
    countryCode: 'KE',
    lat: -1.29,
    lng: 36.82,
    approximate: true,
    capacityBeds: 6,
    availability: [{ from: day(-30), to: day(300) }],
    services: ['medical', 'psychosocial'],
    nightlyCost: { amount: 350000, currency: 'KES' },
    contactChannel: 'Wire: @acacia-desk',
    vettedOn: day(-90),
    notes: '',
  });
  const ceiba = add('hosts', {
    codeName: 'Ceiba',
    type: 'apartment',
    city: 'Medellín',
    countryCode: 'CO',
    lat: 6.25,
    lng: -75.58,
    approximate: true,
    capacityBeds: 3,
    availability: [{ from: day(-200), to: day(60) }],
    services: [],
    nightlyCost: { amount: 18000000, currency: 'COP' },
    contactChannel: 'Phone via partner NGO',
    vettedOn: day(-220),
    notes: '',
  });

  // Heron: relocated with family, Tbilisi -> Istanbul -> Paris, 90 nights.
  const heron = add('cases', {
    codeName: 'Heron',
    status: 'relocated',
    referralSource: 'host_organisation',
    threatSummary: 'Summons after reporting on detentions; threats to the family by phone.',
    threatTypes: ['arrest_risk', 'threats_to_family'],
    alternativesConsidered: 'Temporary move to a relative in the region: not safe enough.',
    riskLevel: 'high',
    plannedStart: day(-30),
    plannedEnd: day(60),
    actualStart: day(-30),
    reportingCurrency: 'EUR',
    funder: 'Emergency fund',
    grantCode: 'EF-2026-014',
    returnStrategy:
      'Review the open case with the lawyer monthly; return when the summons is withdrawn.',
    protectionOfficer: 'PO Sable',
    statusChangedAt: now,
  });
  const heronP = add('people', {
    caseId: heron,
    codeName: 'Heron',
    role: 'principal',
    relationship: 'self',
    dateOfBirth: '1984-03-12',
    nationality: 'GE',
    travelDocument: {
      type: 'passport',
      number: 'GE-DEMO-1001',
      issuingCountry: 'GE',
      expiry: day(900),
    },
  });
  const heronPartner = add('people', {
    caseId: heron,
    codeName: 'Heron-2',
    role: 'dependant',
    relationship: 'partner',
    dateOfBirth: '1986-07-02',
    nationality: 'GE',
    travelDocument: {
      type: 'passport',
      number: 'GE-DEMO-1002',
      issuingCountry: 'GE',
      expiry: day(700),
    },
  });
  const heronChild = add('people', {
    caseId: heron,
    codeName: 'Heron-3',
    role: 'dependant',
    relationship: 'child',
    dateOfBirth: day(-9 * 365),
    nationality: 'GE',
    travelDocument: {
      type: 'passport',
      number: 'GE-DEMO-1003',
      issuingCountry: 'GE',
      expiry: day(120),
    },
  });
  const heronFamily = [heronP, heronPartner, heronChild];
  add('legs', {
    caseId: heron,
    mode: 'flight',
    from: PLACES.tbilisi,
    to: PLACES.istanbul,
    depart: { local: at(-30, '04:35'), zone: PLACES.tbilisi.zone },
    arrive: { local: at(-30, '06:20'), zone: PLACES.istanbul.zone },
    carrier: 'Demo Air',
    number: 'DA 385',
    bookingReference: 'DEMO12',
    travellerIds: heronFamily,
    status: 'done',
    cost: { amount: 48000, currency: 'EUR' },
  });
  add('legs', {
    caseId: heron,
    mode: 'flight',
    from: PLACES.istanbul,
    to: PLACES.paris,
    depart: { local: at(-30, '08:45'), zone: PLACES.istanbul.zone },
    arrive: { local: at(-30, '11:05'), zone: PLACES.paris.zone },
    carrier: 'Demo Air',
    number: 'DA 1821',
    bookingReference: 'DEMO12',
    travellerIds: heronFamily,
    status: 'done',
    cost: { amount: 61000, currency: 'EUR' },
  });
  add('stays', {
    caseId: heron,
    hostId: linden,
    checkIn: day(-30),
    checkOut: day(60),
    personIds: heronFamily,
  });
  for (const personId of heronFamily) {
    add('visas', {
      caseId: heron,
      personId,
      country: 'FR',
      type: 'humanitarian',
      status: 'granted',
      validFrom: day(-40),
      validTo: day(80),
      checklist: [
        { label: 'Invitation letter from host', done: true },
        { label: 'Travel insurance certificate', done: true },
      ],
    });
  }
  add('checkpoints', {
    caseId: heron,
    dueDate: day(-27),
    kind: 'arrival_check_in',
    decision: 'continue',
    riskLevel: 'high',
    decidedBy: 'PO Sable',
    decidedOn: day(-27),
  });
  add('checkpoints', {
    caseId: heron,
    dueDate: day(-2),
    kind: 'periodic_review',
    criteria: [{ label: 'No new threats reported', met: null }],
  });
  add('checkpoints', { caseId: heron, dueDate: day(46), kind: 'pre_return' });
  add('budgetLines', {
    caseId: heron,
    category: 'medical_insurance',
    description: 'Travel medical insurance, 3 people',
    quantity: 3,
    unitAmount: 9000,
    currency: 'EUR',
    kind: 'planned',
    date: day(-32),
    grantCode: 'EF-2026-014',
  });
  add('budgetLines', {
    caseId: heron,
    category: 'psychosocial',
    description: 'Counselling sessions',
    quantity: 6,
    unitAmount: 6000,
    currency: 'EUR',
    kind: 'planned',
    date: day(-10),
    grantCode: 'EF-2026-014',
  });

  // Osprey: planning, travels next week Kampala -> Nairobi.
  const osprey = add('cases', {
    codeName: 'Osprey',
    status: 'planning',
    referralSource: 'defender',
    threatSummary: 'Followed after a land-rights hearing.',
    threatTypes: ['surveillance', 'physical_attack'],
    riskLevel: 'extreme',
    plannedStart: day(5),
    plannedEnd: day(95),
    reportingCurrency: 'USD',
    funder: 'Emergency fund',
    grantCode: 'EF-2026-021',
    returnStrategy: 'Reassess after the appeal hearing.',
    protectionOfficer: 'PO Sable',
  });
  const ospreyP = add('people', {
    caseId: osprey,
    codeName: 'Osprey',
    role: 'principal',
    relationship: 'self',
    dateOfBirth: '1979-11-23',
    nationality: 'UG',
    travelDocument: {
      type: 'passport',
      number: 'UG-DEMO-2001',
      issuingCountry: 'UG',
      expiry: day(2000),
    },
  });
  add('legs', {
    caseId: osprey,
    mode: 'bus',
    from: PLACES.kampala,
    to: PLACES.nairobi,
    depart: { local: at(5, '06:00'), zone: PLACES.kampala.zone },
    arrive: { local: at(5, '19:30'), zone: PLACES.nairobi.zone },
    carrier: 'Demo Coach',
    number: '',
    bookingReference: 'DEMO-KLA',
    travellerIds: [ospreyP],
    status: 'booked',
    cost: { amount: 4500, currency: 'USD' },
  });
  add('stays', {
    caseId: osprey,
    hostId: acacia,
    checkIn: day(5),
    checkOut: day(95),
    personIds: [ospreyP],
  });
  add('visas', {
    caseId: osprey,
    personId: ospreyP,
    country: 'KE',
    type: 'short_stay',
    status: 'not_needed',
  });

  // Plover: in-country relocation, preparing return.
  const plover = add('cases', {
    codeName: 'Plover',
    status: 'return_preparation',
    referralSource: 'third_party',
    threatSummary: 'Threats after community radio programme.',
    threatTypes: ['online_harassment', 'threats_to_family'],
    riskLevel: 'medium',
    plannedStart: day(-80),
    plannedEnd: day(10),
    actualStart: day(-80),
    reportingCurrency: 'COP',
    funder: 'Regional partner',
    grantCode: 'RP-77',
    returnStrategy: 'Return with an accompaniment plan from the local network.',
    protectionOfficer: 'PO Lark',
  });
  const ploverP = add('people', {
    caseId: plover,
    codeName: 'Plover',
    role: 'principal',
    relationship: 'self',
    dateOfBirth: '1990-01-30',
    nationality: 'CO',
  });
  const ploverParent = add('people', {
    caseId: plover,
    codeName: 'Plover-2',
    role: 'dependant',
    relationship: 'parent',
    dateOfBirth: '1954-05-09',
    nationality: 'CO',
  });
  add('legs', {
    caseId: plover,
    mode: 'car',
    from: PLACES.bogota,
    to: PLACES.medellin,
    depart: { local: at(-80, '07:00'), zone: PLACES.bogota.zone },
    arrive: { local: at(-80, '16:30'), zone: PLACES.medellin.zone },
    carrier: '',
    number: '',
    bookingReference: '',
    travellerIds: [ploverP, ploverParent],
    status: 'done',
  });
  add('stays', {
    caseId: plover,
    hostId: ceiba,
    checkIn: day(-80),
    checkOut: day(10),
    personIds: [ploverP, ploverParent],
  });
  add('checkpoints', { caseId: plover, dueDate: day(-4), kind: 'pre_return' });

  // Earlier stages and a closed case.
  add('cases', {
    codeName: 'Marten',
    status: 'assessment',
    referralSource: 'defender',
    threatSummary: 'Smear campaign and anonymous threats.',
    threatTypes: ['smear_campaign'],
    riskLevel: 'medium',
    reportingCurrency: 'EUR',
  });
  add('cases', {
    codeName: 'Ibis',
    status: 'request',
    referralSource: 'host_organisation',
    riskLevel: 'low',
    reportingCurrency: 'EUR',
  });
  add('cases', {
    codeName: 'Wren',
    status: 'closed',
    referralSource: 'defender',
    riskLevel: 'low',
    plannedStart: day(-300),
    plannedEnd: day(-210),
    actualStart: day(-300),
    actualEnd: day(-205),
    reportingCurrency: 'EUR',
    returnStrategy: 'Returned after charges were dropped.',
  });
  // Exchange rates for the demo's budgets (sample figures, not market rates). COP has none, so the
  // demo also shows what a missing rate looks like: a plan-check finding that names the pair.
  add('exchangeRates', {
    from: 'USD',
    to: 'EUR',
    rate: '0.9213',
    asOf: day(-45),
    source: 'Demo rate',
  });
  add('exchangeRates', {
    from: 'KES',
    to: 'EUR',
    rate: '0.0071',
    asOf: day(-45),
    source: 'Demo rate',
  });
  return out;
}
