/**
 * A multi-person case for the itinerary-pack tests (unit, e2e, bench), as full records:
 *   - hosts with street addresses, and the first leg with both terminals;
 *   - Cedar (principal, legal name set), Acorn (her son, a minor), Birch (partner, travels apart),
 *     with passports, and visas for Cedar and Birch;
 *   - Tbilisi → Istanbul together; Cedar and Acorn on to Auckland, then Auckland → Honolulu across
 *     the date line (leaves on the 3rd, lands on the 2nd); Birch Istanbul → Paris, then a night
 *     train Paris → Amsterdam across the spring DST change (01:30 CET → 04:50 CEST is 2 h 20 min);
 *   - two stays (Auckland for Cedar and Acorn, Amsterdam for Birch) and budget lines;
 *   - a second case (Maple) that a traveller copy must never show.
 * `PACK_FACTS` lists what a test looks for in the printed text (tests/e2e/itinerary-pack.spec.ts
 * keeps its own copy: this file is built into the browser-side harness, not the Node specs).
 */
type Rec = Record<string, unknown> & { id: string };
export interface SeedRecord {
  store: 'cases' | 'people' | 'hosts' | 'legs' | 'stays' | 'visas' | 'budgetLines';
  record: Rec;
}

const NOW = '2026-11-25T10:00:00.000Z';
const meta = { createdAt: NOW, updatedAt: NOW };

export const PLACES = {
  tbilisi: { name: 'Tbilisi', countryCode: 'GE', lat: 41.6692, lng: 44.9547, zone: 'Asia/Tbilisi' },
  istanbul: {
    name: 'Istanbul IST',
    countryCode: 'TR',
    lat: 41.2753,
    lng: 28.7519,
    zone: 'Europe/Istanbul',
  },
  auckland: {
    name: 'Auckland AKL',
    countryCode: 'NZ',
    lat: -37.0082,
    lng: 174.785,
    zone: 'Pacific/Auckland',
  },
  honolulu: {
    name: 'Honolulu HNL',
    countryCode: 'US',
    lat: 21.3187,
    lng: -157.9225,
    zone: 'Pacific/Honolulu',
  },
  paris: { name: 'Paris Est', countryCode: 'FR', lat: 48.8768, lng: 2.3592, zone: 'Europe/Paris' },
  parisCdg: {
    name: 'Paris CDG',
    countryCode: 'FR',
    lat: 49.0097,
    lng: 2.5479,
    zone: 'Europe/Paris',
  },
  amsterdam: {
    name: 'Amsterdam Centraal',
    countryCode: 'NL',
    lat: 52.3791,
    lng: 4.9003,
    zone: 'Europe/Amsterdam',
  },
} as const;
type PlaceKey = keyof typeof PLACES;

export interface PackCaseIds {
  caseId: string;
  otherCaseId: string;
  cedar: string;
  acorn: string;
  birch: string;
  maple: string;
  kauri: string;
  tulip: string;
}

export function packCaseIds(newId: () => string): PackCaseIds {
  return {
    caseId: newId(),
    otherCaseId: newId(),
    cedar: newId(),
    acorn: newId(),
    birch: newId(),
    maple: newId(),
    kauri: newId(),
    tulip: newId(),
  };
}

function person(
  id: string,
  caseId: string,
  codeName: string,
  legalName: string | null,
  extra: Record<string, unknown>,
  docNumber: string,
  expiry: string,
): SeedRecord {
  return {
    store: 'people',
    record: {
      id,
      caseId,
      codeName,
      legalName,
      nationality: 'GE',
      travelDocument: { type: 'passport', number: docNumber, issuingCountry: 'GE', expiry },
      needs: { medical: '', accessibility: '', language: '' },
      ...extra,
      ...meta,
    },
  };
}

export function leg(
  id: string,
  caseId: string,
  from: PlaceKey,
  to: PlaceKey,
  depart: string,
  arrive: string,
  travellerIds: string[],
  extra: Record<string, unknown> = {},
): SeedRecord {
  return {
    store: 'legs',
    record: {
      id,
      caseId,
      mode: 'flight',
      from: PLACES[from],
      to: PLACES[to],
      depart: { local: depart, zone: PLACES[from].zone },
      arrive: { local: arrive, zone: PLACES[to].zone },
      carrier: '',
      number: '',
      departureTerminal: '',
      arrivalTerminal: '',
      bookingReference: '',
      travellerIds,
      status: 'booked',
      cost: null,
      ...extra,
      ...meta,
    },
  };
}

function host(
  id: string,
  codeName: string,
  city: string,
  countryCode: string,
  lat: number,
  lng: number,
  contactChannel: string,
  address: string,
): SeedRecord {
  return {
    store: 'hosts',
    record: {
      id,
      codeName,
      type: 'host_organisation',
      city,
      countryCode,
      address,
      lat,
      lng,
      approximate: false,
      capacityBeds: 4,
      availability: [],
      services: [],
      nightlyCost: { amount: 6000, currency: 'EUR' },
      contactChannel,
      vettedOn: null,
      notes: '',
      ...meta,
    },
  };
}

function budget(id: string, caseId: string, unitAmount: number, quantity: number): SeedRecord {
  return {
    store: 'budgetLines',
    record: {
      id,
      caseId,
      category: 'accommodation',
      description: 'Host nights',
      quantity,
      unitAmount,
      currency: 'EUR',
      kind: 'planned',
      date: '2027-03-02',
      payee: '',
      funder: '',
      grantCode: '',
      origin: 'manual',
      sourceKey: null,
      ...meta,
    },
  };
}

export function packCaseRecords(ids: PackCaseIds, newId: () => string): SeedRecord[] {
  const { caseId, otherCaseId, cedar, acorn, birch, maple, kauri, tulip } = ids;
  const aCase = (id: string, codeName: string, start: string, end: string): SeedRecord => ({
    store: 'cases',
    record: {
      id,
      codeName,
      status: 'planning',
      referralSource: 'defender',
      threatSummary: '',
      threatTypes: [],
      alternativesConsidered: '',
      riskLevel: 'high',
      plannedStart: start,
      plannedEnd: end,
      actualStart: null,
      actualEnd: null,
      funder: '',
      grantCode: '',
      reportingCurrency: 'EUR',
      returnStrategy: '',
      protectionOfficer: 'Desk Ostrava +420 555 010 200',
      notes: '',
      statusReason: null,
      approvedBy: null,
      approvedOn: null,
      statusChangedAt: null,
      ...meta,
    },
  });
  return [
    aCase(caseId, 'Cedar', '2027-03-01', '2027-06-01'),
    aCase(otherCaseId, 'Maple', '2027-03-05', '2027-05-05'),
    person(
      cedar,
      caseId,
      'Cedar',
      'Nino Beridzeva',
      { role: 'principal', relationship: 'self', dateOfBirth: '1984-05-02' },
      'GP4410027',
      '2031-01-01',
    ),
    person(
      acorn,
      caseId,
      'Acorn',
      'Luka Beridzev',
      { role: 'dependant', relationship: 'child', dateOfBirth: '2016-09-12' },
      'GP5520038',
      '2030-06-01',
    ),
    person(
      birch,
      caseId,
      'Birch',
      'Giorgi Kapanadzev',
      { role: 'dependant', relationship: 'partner', dateOfBirth: '1982-11-30' },
      'GP6630049',
      '2029-02-15',
    ),
    person(
      maple,
      otherCaseId,
      'Maple',
      'Tamar Okropiridze',
      { role: 'principal', relationship: 'self', dateOfBirth: '1990-01-01' },
      'GP7740050',
      '2032-01-01',
    ),
    host(
      kauri,
      'Kauri House',
      'Auckland',
      'NZ',
      -36.8621,
      174.7398,
      'Signal +64 21 555 0199',
      '14 Karaka Lane, Ponsonby',
    ),
    host(
      tulip,
      'Tulip Rooms',
      'Amsterdam',
      'NL',
      52.3702,
      4.8952,
      'Signal +31 6 5550 1234',
      'Herengracht 502-III',
    ),
    leg(
      newId(),
      caseId,
      'tbilisi',
      'istanbul',
      '2027-03-01T04:35',
      '2027-03-01T06:10',
      [cedar, acorn, birch],
      {
        carrier: 'Turkish Airlines',
        number: 'TK383',
        bookingReference: 'QX7P2M',
        departureTerminal: 'Main Terminal',
        arrivalTerminal: 'Terminal 1',
      },
    ),
    leg(
      newId(),
      caseId,
      'istanbul',
      'auckland',
      '2027-03-01T09:05',
      '2027-03-02T14:20',
      [cedar, acorn],
      { carrier: 'Turkish Airlines', number: 'TK9118', bookingReference: 'RW4K8T' },
    ),
    leg(newId(), caseId, 'istanbul', 'parisCdg', '2027-03-01T08:40', '2027-03-01T11:20', [birch], {
      carrier: 'Air France',
      number: 'AF1391',
      bookingReference: 'ZB2LQ9',
    }),
    leg(
      newId(),
      caseId,
      'auckland',
      'honolulu',
      '2027-03-03T00:30',
      '2027-03-02T10:15',
      [cedar, acorn],
      { carrier: 'Air New Zealand', number: 'NZ10', bookingReference: 'HN5DLX' },
    ),
    leg(newId(), caseId, 'paris', 'amsterdam', '2027-03-28T01:30', '2027-03-28T04:50', [birch], {
      mode: 'train',
      carrier: 'European Sleeper',
      number: 'ES453',
      bookingReference: 'TR88VW',
    }),
    {
      store: 'stays',
      record: {
        id: newId(),
        caseId,
        hostId: kauri,
        checkIn: '2027-03-02',
        checkOut: '2027-03-03',
        personIds: [cedar, acorn],
        ...meta,
      },
    },
    {
      store: 'stays',
      record: {
        id: newId(),
        caseId,
        hostId: tulip,
        checkIn: '2027-03-28',
        checkOut: '2027-05-30',
        personIds: [birch],
        ...meta,
      },
    },
    {
      store: 'visas',
      record: {
        id: newId(),
        caseId,
        personId: cedar,
        country: 'NZ',
        type: 'humanitarian',
        status: 'granted',
        validFrom: '2027-02-15',
        validTo: '2027-08-15',
        checklist: [],
        ...meta,
      },
    },
    {
      store: 'visas',
      record: {
        id: newId(),
        caseId,
        personId: birch,
        country: 'NL',
        type: 'short_stay',
        status: 'applied',
        validFrom: null,
        validTo: null,
        checklist: [],
        ...meta,
      },
    },
    // Maple crosses the country by bus in one day: a table long enough to run over a page.
    ...Array.from({ length: 18 }, (_, i) => {
      const start = 6 * 60 + i * 40;
      const hm = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return leg(
        newId(),
        otherCaseId,
        i % 2 === 0 ? 'paris' : 'parisCdg',
        i % 2 === 0 ? 'parisCdg' : 'paris',
        `2027-03-05T${hm(start)}`,
        `2027-03-05T${hm(start + 30)}`,
        [maple],
        {
          mode: 'bus',
          carrier: 'Roissybus',
          number: `RB${100 + i}`,
          bookingReference: `MPL${1000 + i}`,
        },
      );
    }),
    budget(newId(), caseId, 6000, 65),
    budget(newId(), otherCaseId, 4000, 10),
  ];
}

/** What the printed pack of the Cedar case must show (and the traveller copy must not). */
export const PACK_FACTS = {
  legalNames: ['Nino Beridzeva', 'Luka Beridzev', 'Giorgi Kapanadzev', 'Tamar Okropiridze'],
  documents: { Cedar: 'GP4410027', Acorn: 'GP5520038', Birch: 'GP6630049', Maple: 'GP7740050' },
  /** 65 nights at EUR 60.00. */
  budgetAmount: '3,900.00',
  hostCoordinates: ['-36.8621', '174.7398', '52.3702', '4.8952'],
  /** Kauri House (Cedar and Acorn), Tulip Rooms (Birch). */
  hostAddresses: { kauri: '14 Karaka Lane, Ponsonby', tulip: 'Herengracht 502-III' },
  /** The first leg's terminals, as its route cell prints them. */
  terminals: ['Tbilisi, Main Terminal', 'Istanbul IST, Terminal 1'],
} as const;

/**
 * A larger case for the benchmark: `people` people (a principal and dependants, the youngest
 * minors) and `legs` legs hopping between the places above, a stay after every fourth leg.
 */
export function largePackRecords(
  newId: () => string,
  size: { legs: number; people: number },
): { caseId: string; records: SeedRecord[] } {
  const caseId = newId();
  const hostId = newId();
  const people = Array.from({ length: size.people }, () => newId());
  const keys = Object.keys(PLACES) as PlaceKey[];
  const records: SeedRecord[] = [
    {
      store: 'cases',
      record: {
        ...(packCaseRecords(packCaseIds(newId), newId)[0]?.record ?? {}),
        id: caseId,
        codeName: 'Juniper',
      },
    },
    host(
      hostId,
      'Rowan Hall',
      'Amsterdam',
      'NL',
      52.37,
      4.89,
      'Signal +31 6 5550 9999',
      'Keizersgracht 101',
    ),
  ];
  people.forEach((id, i) =>
    records.push(
      person(
        id,
        caseId,
        `Juniper-${i + 1}`,
        `Legal Name ${i + 1}`,
        i === 0
          ? { role: 'principal', relationship: 'self', dateOfBirth: '1980-01-01' }
          : {
              role: 'dependant',
              relationship: i < 3 ? 'sibling' : 'child',
              dateOfBirth: i < 3 ? '1985-01-01' : `201${i}-06-01`,
            },
        `JN${100000 + i}`,
        '2032-01-01',
      ),
    ),
  );
  for (let i = 0; i < size.legs; i++) {
    const from = keys[i % keys.length] as PlaceKey;
    const to = keys[(i + 1) % keys.length] as PlaceKey;
    const day = String(1 + Math.floor(i / 2)).padStart(2, '0');
    const next = String(2 + Math.floor(i / 2)).padStart(2, '0');
    records.push(
      leg(
        newId(),
        caseId,
        from,
        to,
        `2027-04-${day}T${i % 2 === 0 ? '07' : '15'}:10`,
        `2027-04-${next}T${i % 2 === 0 ? '12' : '23'}:40`,
        i % 3 === 0 ? people : people.slice(0, 3),
        { carrier: 'Carrier', number: `CR${200 + i}`, bookingReference: `BK${3000 + i}` },
      ),
    );
    if (i % 4 === 3)
      records.push({
        store: 'stays',
        record: {
          id: newId(),
          caseId,
          hostId,
          checkIn: `2027-04-${day}`,
          checkOut: `2027-04-${String(2 + Math.floor(i / 2)).padStart(2, '0')}`,
          personIds: people.slice(0, 4),
          ...meta,
        },
      });
  }
  return { caseId, records };
}
