/** Entity schemas: records round-trip through ENTITY_SCHEMAS, and every refusal says how to fix the input. */
import { describe, expect, it } from 'vitest';
import {
  AuditEventSchema,
  BudgetLineInputSchema,
  CaseInputSchema,
  ENTITY_SCHEMAS,
  ENTITY_STORE_NAMES,
  ExchangeRateInputSchema,
  ExtensionInputSchema,
  HostInputSchema,
  PersonInputSchema,
  PlaceSchema,
  StayInputSchema,
  TravelLegSchema,
  ageOn,
  isMinorOn,
  validateInput,
} from '../../../src/domain/entities';
import { isoDate } from '../../../src/domain/time';
import {
  PLACES,
  T0,
  makeCase,
  makeCheckpoint,
  makeExtension,
  makeHost,
  makeLeg,
  makePerson,
  makeStay,
  makeVisa,
} from '../builders';

function messages(r: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of r.error?.issues ?? []) out[i.path.join('.')] = i.message;
  return out;
}

describe('ENTITY_SCHEMAS', () => {
  it('Given the store names, When mapped, Then every store has a schema and the audit store is not among them', () => {
    expect(Object.keys(ENTITY_SCHEMAS).sort()).toEqual([...ENTITY_STORE_NAMES].sort());
    expect(Object.keys(ENTITY_SCHEMAS)).not.toContain('audit');
  });
  it('Given a valid record of each kind, When parsed by its store schema, Then it round-trips unchanged', () => {
    const records = {
      cases: makeCase(),
      people: makePerson(),
      hosts: makeHost(),
      stays: makeStay(),
      legs: makeLeg(),
      visas: makeVisa(),
      checkpoints: makeCheckpoint(),
      extensions: makeExtension(),
    } as const;
    for (const [store, rec] of Object.entries(records)) {
      expect(ENTITY_SCHEMAS[store as keyof typeof records].parse(rec)).toEqual(rec);
    }
  });
});

describe('host address and leg terminals (added later: optional, empty by default)', () => {
  // A record as stored before the fields existed: the same record without them.
  const without = <T extends object>(rec: T, ...keys: string[]) =>
    Object.fromEntries(Object.entries(rec).filter(([k]) => !keys.includes(k)));

  it('Given a host record written before addresses, When parsed (a restore, an edit), Then it is valid and its address is empty', () => {
    const old = without(makeHost(), 'address');
    expect(old).not.toHaveProperty('address');
    const r = ENTITY_SCHEMAS.hosts.safeParse(old);
    expect(r.success).toBe(true);
    expect(r.data?.address).toBe('');
    expect(HostInputSchema.parse(without(old, 'id', 'createdAt', 'updatedAt')).address).toBe('');
  });

  it('Given a host address, When parsed, Then it is kept trimmed; too long or not text is refused with what to fix', () => {
    expect(makeHost({ address: '  14 Karaka Lane, Ponsonby ' }).address).toBe(
      '14 Karaka Lane, Ponsonby',
    );
    expect(
      messages(ENTITY_SCHEMAS.hosts.safeParse({ ...makeHost(), address: 'x'.repeat(501) })),
    ).toEqual({
      address: 'Shorten the street address to 500 characters or fewer',
    });
    expect(messages(ENTITY_SCHEMAS.hosts.safeParse({ ...makeHost(), address: 14 }))).toEqual({
      address: 'The street address must be text',
    });
  });

  it('Given a leg record written before terminals, When parsed, Then it is valid and both terminals are empty', () => {
    const old = without(makeLeg(), 'departureTerminal', 'arrivalTerminal');
    const r = ENTITY_SCHEMAS.legs.safeParse(old);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ departureTerminal: '', arrivalTerminal: '' });
  });

  it('Given terminals, When parsed, Then they are kept; a too-long one is refused at its field', () => {
    expect(makeLeg({ departureTerminal: 'Terminal 1', arrivalTerminal: 'Hall B' })).toMatchObject({
      departureTerminal: 'Terminal 1',
      arrivalTerminal: 'Hall B',
    });
    expect(
      messages(TravelLegSchema.safeParse({ ...makeLeg(), arrivalTerminal: 'x'.repeat(81) })),
    ).toEqual({ arrivalTerminal: 'Shorten the arrival terminal to 80 characters or fewer' });
  });
});

describe('messages say how to fix the input', () => {
  it('Given coordinates out of range, When a place is parsed, Then the messages give the range', () => {
    const r = PlaceSchema.safeParse({ ...PLACES.paris, lat: 120, lng: -200 });
    expect(messages(r)).toEqual({
      lat: 'Latitude must be between -90 and 90',
      lng: 'Longitude must be between -180 and 180',
    });
    expect(PlaceSchema.safeParse({ ...PLACES.paris, lat: Number.NaN }).success).toBe(false);
    expect(PlaceSchema.safeParse({ ...PLACES.paris, lng: Number.POSITIVE_INFINITY }).success).toBe(
      false,
    );
  });
  it('Given an unknown zone, When a place is parsed, Then it asks to pick the place again', () => {
    expect(messages(PlaceSchema.safeParse({ ...PLACES.paris, zone: 'Paris' })).zone).toMatch(
      /pick the place from the list/,
    );
  });
  it('Given a case without code name and a plan date in 1999, When parsed, Then each field says what to enter', () => {
    const m = messages(
      CaseInputSchema.safeParse({
        codeName: '  ',
        referralSource: 'defender',
        riskLevel: 'high',
        reportingCurrency: 'EUR',
        plannedStart: '1999-05-01',
      }),
    );
    expect(m.codeName).toBe('Enter a code name');
    expect(m.plannedStart).toBe(
      'The planned start: Enter a date between 2000-01-01 and 2100-12-31',
    );
  });
  it('Given a planned end before the start, When parsed, Then the end is flagged', () => {
    const m = messages(
      CaseInputSchema.safeParse({
        codeName: 'Heron',
        referralSource: 'defender',
        riskLevel: 'high',
        reportingCurrency: 'EUR',
        plannedStart: '2026-05-01',
        plannedEnd: '2026-04-01',
      }),
    );
    expect(m.plannedEnd).toMatch(/after the planned start/);
  });
  it('Given a case input with only required fields, When parsed, Then defaults fill the rest', () => {
    const c = CaseInputSchema.parse({
      codeName: 'Heron',
      referralSource: 'third_party',
      riskLevel: 'extreme',
      reportingCurrency: 'USD',
    });
    expect(c).toMatchObject({
      status: 'request',
      threatTypes: [],
      plannedStart: null,
      notes: '',
      approvedBy: null,
    });
  });
  it('Given a stay with no people and check-out on check-in, When parsed, Then both fields explain the fix', () => {
    const m = messages(
      StayInputSchema.safeParse({
        caseId: 'c1',
        hostId: 'h1',
        checkIn: '2026-04-01',
        checkOut: '2026-04-01',
        personIds: [],
      }),
    );
    expect(m).toEqual({
      personIds: 'Choose at least one person who stays here',
      checkOut: 'Check-out must be at least one day after check-in',
    });
  });
  it('Given a host with 0 beds, bad currency and overlapping windows, When parsed, Then each is reported', () => {
    const r = HostInputSchema.safeParse({
      codeName: 'Linden',
      type: 'shelter',
      city: 'Paris',
      countryCode: 'FR',
      lat: 48.8,
      lng: 2.3,
      capacityBeds: 0,
      availability: [
        { from: '2026-01-01', to: '2026-03-01' },
        { from: '2026-02-01', to: '2026-04-01' },
      ],
      nightlyCost: { amount: 4500, currency: 'EURO' },
    });
    const m = messages(r);
    expect(m.capacityBeds).toBe('A host needs at least 1 bed');
    expect(m['nightlyCost.currency']).toMatch(/ISO 4217/);
  });
  it('Given overlapping availability windows alone, When parsed, Then they are asked to be merged', () => {
    const base = makeHost();
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = base;
    const r = HostInputSchema.safeParse({
      ...input,
      availability: [
        { from: '2026-01-01', to: '2026-03-01' },
        { from: '2026-02-01', to: '2026-04-01' },
      ],
    });
    expect(messages(r).availability).toBe('Availability windows overlap; merge them into one');
  });
  it('Given a dependant marked "self" and a principal marked "child", When parsed, Then the relationship is flagged', () => {
    const base = { caseId: 'c1', codeName: 'Wren' };
    expect(
      messages(PersonInputSchema.safeParse({ ...base, role: 'dependant', relationship: 'self' }))
        .relationship,
    ).toMatch(/related to the principal/);
    expect(
      messages(PersonInputSchema.safeParse({ ...base, role: 'principal', relationship: 'child' }))
        .relationship,
    ).toMatch(/"self"/);
  });
  it('Given a birth date in 1850, When parsed, Then the document range is given', () => {
    expect(
      messages(
        PersonInputSchema.safeParse({
          caseId: 'c1',
          codeName: 'Wren',
          role: 'principal',
          dateOfBirth: '1850-01-01',
        }),
      ).dateOfBirth,
    ).toMatch(/1900-01-01 and 2100-12-31/);
  });
  it('Given an empty legal name, When parsed, Then it is stored as null, not as an empty string', () => {
    expect(
      PersonInputSchema.parse({
        caseId: 'c1',
        codeName: 'Wren',
        role: 'principal',
        legalName: '  ',
      }).legalName,
    ).toBeNull();
  });
  it('Given a leg with a malformed local time and no travellers, When parsed, Then the format and travellers are asked for', () => {
    const { id: _i, ...leg } = makeLeg();
    const m = messages(
      TravelLegSchema.safeParse({
        ...leg,
        id: 'leg-1',
        depart: { local: '28/03/2026 04:35', zone: 'Asia/Tbilisi' },
        travellerIds: [],
      }),
    );
    expect(m['depart.local']).toBe(
      'Departure: Enter the date and time as YYYY-MM-DD HH:mm (24-hour clock), for example 2026-03-29 14:05',
    );
    expect(m.travellerIds).toBe('Choose at least one traveller');
  });
  it('Given legs in year 0027, 2227 and on 30 February, When parsed, Then each is refused with the range or the missing day', () => {
    const { id: _i, ...leg } = makeLeg();
    const at = (local: string) =>
      messages(
        TravelLegSchema.safeParse({
          ...leg,
          id: 'leg-1',
          depart: { local, zone: 'Asia/Tbilisi' },
        }),
      )['depart.local'];
    expect(at('0027-03-28T04:35')).toBe(
      'Departure: Enter a date between 2000-01-01 and 2100-12-31',
    );
    expect(at('2227-03-28T04:35')).toBe(
      'Departure: Enter a date between 2000-01-01 and 2100-12-31',
    );
    expect(at('2027-02-30T04:35')).toBe(
      'Departure: This day does not exist in the calendar; check the day and month',
    );
    expect(at('2027-02-28T04:35')).toBeUndefined();
  });
  it('Given an extension to an earlier date, a budget line with 1.5 nights, and a rate from EUR to EUR, When parsed, Then each is refused', () => {
    expect(
      messages(
        ExtensionInputSchema.safeParse({
          caseId: 'c1',
          fromEnd: '2026-06-26',
          toEnd: '2026-06-20',
          reason: 'x',
          approvedBy: 'y',
          approvedOn: '2026-06-01',
        }),
      ).toEnd,
    ).toMatch(/after the current end/);
    expect(
      messages(
        BudgetLineInputSchema.safeParse({
          caseId: 'c1',
          category: 'accommodation',
          description: 'Nights',
          quantity: 1.5,
          unitAmount: 4500,
          currency: 'EUR',
          kind: 'planned',
          date: '2026-04-01',
        }),
      ).quantity,
    ).toMatch(/whole number/);
    expect(
      messages(
        ExchangeRateInputSchema.safeParse({
          from: 'EUR',
          to: 'EUR',
          rate: '1',
          asOf: '2026-04-01',
        }),
      ).to,
    ).toBe('Choose two different currencies');
    expect(
      ExchangeRateInputSchema.safeParse({
        from: 'EUR',
        to: 'USD',
        rate: '1.0834',
        asOf: '2026-04-01',
      }).success,
    ).toBe(true);
    expect(
      ExchangeRateInputSchema.safeParse({
        from: 'EUR',
        to: 'USD',
        rate: 1.0834,
        asOf: '2026-04-01',
      }).success,
    ).toBe(false);
  });
  it('Given a decided checkpoint without who and when, When parsed, Then both are asked for', () => {
    const r = ENTITY_SCHEMAS.checkpoints.safeParse({ ...makeCheckpoint(), decision: 'continue' });
    expect(Object.keys(messages(r)).sort()).toEqual(['decidedBy', 'decidedOn', 'riskLevel']);
  });
  it('Given an audit event with a value in its field list, When parsed, Then it is refused', () => {
    const ok = {
      id: 'a1',
      at: T0,
      entity: 'people',
      entityId: 'p-1',
      action: 'update',
      fields: ['legalName', 'travelDocument.expiry'],
    };
    expect(AuditEventSchema.safeParse(ok).success).toBe(true);
    expect(AuditEventSchema.safeParse({ ...ok, fields: ['legalName=Ana Maria'] }).success).toBe(
      false,
    );
  });
});

describe('person helpers', () => {
  it('Given a person born 2008-04-01, When asked on the days around their 18th birthday, Then age and minority follow the birthday', () => {
    const p = makePerson({ dateOfBirth: '2008-04-01' });
    expect(ageOn(p, isoDate('2026-03-31'))).toBe(17);
    expect(isMinorOn(p, isoDate('2026-03-31'))).toBe(true);
    expect(isMinorOn(p, isoDate('2026-04-01'))).toBe(false);
    expect(isMinorOn(makePerson({ dateOfBirth: null }), isoDate('2026-04-01'))).toBe(false);
  });
});

describe('validateInput', () => {
  it('Given a bad stay, When validated for a form, Then field errors with dotted paths come back; a good one parses', () => {
    const bad = validateInput(StayInputSchema, {
      caseId: 'c1',
      hostId: 'h1',
      checkIn: '2026-04-01',
      checkOut: '2026-03-01',
      personIds: ['p1'],
    });
    expect(bad).toEqual({
      ok: false,
      error: [{ field: 'checkOut', message: 'Check-out must be at least one day after check-in' }],
    });
    const good = validateInput(PlaceSchema, PLACES.paris);
    expect(good).toEqual({ ok: true, value: PLACES.paris });
    const nested = validateInput(PlaceSchema, { ...PLACES.paris, lat: 99 });
    expect(!nested.ok && nested.error[0]).toEqual({
      field: 'lat',
      message: 'Latitude must be between -90 and 90',
    });
  });
});
