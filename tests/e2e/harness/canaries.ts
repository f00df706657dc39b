/**
 * Canary records for the at-rest scan: one valid record per entity store (and the settings
 * store), in which every field that accepts free text holds a unique canary. The filler walks each
 * record and keeps a canary wherever the store's own schema still accepts it, so a new text field
 * in the domain gets a canary without anyone remembering to add it.
 */
import { ENTITY_SCHEMAS, type EntityStoreName } from '../../../src/domain/entities';

export interface CanaryRecord {
  store: EntityStoreName | 'settings';
  record: Record<string, unknown> & { id: string };
}

type Ids = Record<'caseId' | 'personId' | 'hostId', string>;

const NOW = '2026-11-25T10:00:00.000Z';
const meta = { createdAt: NOW, updatedAt: NOW };
const place = (name: string, countryCode: string, lat: number, lng: number, zone: string) => ({
  name,
  countryCode,
  lat,
  lng,
  zone,
});

/** Valid records with every optional part present, so that the filler has a field to put each canary in. */
function baseRecords(
  ids: Ids,
  newId: () => string,
): { store: EntityStoreName; record: Record<string, unknown> }[] {
  const { caseId, personId, hostId } = ids;
  return [
    {
      store: 'cases',
      record: {
        id: caseId,
        codeName: 'x',
        status: 'planning',
        referralSource: 'defender',
        threatSummary: 'x',
        threatTypes: ['arrest_risk'],
        alternativesConsidered: 'x',
        riskLevel: 'high',
        plannedStart: '2026-03-01',
        plannedEnd: '2026-06-01',
        actualStart: null,
        actualEnd: null,
        funder: 'x',
        grantCode: 'x',
        reportingCurrency: 'EUR',
        returnStrategy: 'x',
        protectionOfficer: 'x',
        notes: 'x',
        statusReason: 'x',
        approvedBy: 'x',
        approvedOn: '2026-02-20',
        statusChangedAt: NOW,
        ...meta,
      },
    },
    {
      store: 'people',
      record: {
        id: personId,
        caseId,
        codeName: 'x',
        legalName: 'x',
        role: 'principal',
        relationship: 'self',
        dateOfBirth: '1980-01-01',
        nationality: 'GE',
        travelDocument: { type: 'passport', number: 'x', expiry: '2031-01-01' },
        needs: { medical: 'x', accessibility: 'x', language: 'x' },
        ...meta,
      },
    },
    {
      store: 'hosts',
      record: {
        id: hostId,
        codeName: 'x',
        type: 'shelter',
        city: 'x',
        countryCode: 'FR',
        lat: 48.85,
        lng: 2.35,
        approximate: true,
        capacityBeds: 4,
        availability: [{ from: '2026-01-01', to: '2026-12-31' }],
        services: ['medical'],
        nightlyCost: { amount: 4500, currency: 'EUR' },
        contactChannel: 'x',
        vettedOn: '2026-01-05',
        notes: 'x',
        ...meta,
      },
    },
    {
      store: 'stays',
      record: {
        id: newId(),
        caseId,
        hostId,
        checkIn: '2026-03-02',
        checkOut: '2026-05-30',
        personIds: [personId],
        ...meta,
      },
    },
    {
      store: 'legs',
      record: {
        id: newId(),
        caseId,
        mode: 'flight',
        from: place('x', 'GE', 41.7, 44.8, 'Asia/Tbilisi'),
        to: place('x', 'FR', 49.0, 2.5, 'Europe/Paris'),
        depart: { local: '2026-03-01T04:35', zone: 'Asia/Tbilisi' },
        arrive: { local: '2026-03-01T09:10', zone: 'Europe/Paris' },
        carrier: 'x',
        number: 'x',
        bookingReference: 'x',
        travellerIds: [personId],
        status: 'booked',
        cost: { amount: 42000, currency: 'EUR' },
        ...meta,
      },
    },
    {
      store: 'visas',
      record: {
        id: newId(),
        caseId,
        personId,
        country: 'FR',
        type: 'short_stay',
        status: 'granted',
        validFrom: '2026-02-01',
        validTo: '2026-08-01',
        checklist: [{ label: 'x', done: true }],
        ...meta,
      },
    },
    {
      store: 'checkpoints',
      record: {
        id: newId(),
        caseId,
        dueDate: '2026-05-15',
        kind: 'pre_return',
        criteria: [{ label: 'x', met: null }],
        threatNotes: 'x',
        vulnerabilityNotes: 'x',
        capacityNotes: 'x',
        riskLevel: 'medium',
        decision: 'continue',
        decidedBy: 'x',
        decidedOn: '2026-05-15',
        nextDue: '2026-06-01',
        ...meta,
      },
    },
    {
      store: 'extensions',
      record: {
        id: newId(),
        caseId,
        fromEnd: '2026-06-01',
        toEnd: '2026-07-01',
        reason: 'x',
        approvedBy: 'x',
        approvedOn: '2026-05-20',
        ...meta,
      },
    },
    {
      store: 'budgetLines',
      record: {
        id: newId(),
        caseId,
        category: 'accommodation',
        description: 'x',
        quantity: 3,
        unitAmount: 4500,
        currency: 'EUR',
        kind: 'planned',
        date: '2026-03-02',
        payee: 'x',
        grantCode: 'x',
        origin: 'manual',
        sourceKey: 'x',
        ...meta,
      },
    },
    {
      store: 'exchangeRates',
      record: {
        id: newId(),
        from: 'USD',
        to: 'EUR',
        rate: '0.92',
        asOf: '2026-03-01',
        source: 'x',
        ...meta,
      },
    },
    {
      store: 'perDiemRates',
      record: {
        id: newId(),
        countryCode: 'FR',
        city: 'x',
        amount: 3000,
        childAmount: 1500,
        currency: 'EUR',
        validFrom: '2026-01-01',
        ...meta,
      },
    },
  ];
}

export interface CanaryFill {
  records: CanaryRecord[];
  /** Every canary placed, with where it went (store.field path). */
  canaries: { value: string; where: string }[];
}

/**
 * Puts a unique canary into every string leaf (and every nullable text left null) that the store's
 * schema accepts; alternate canaries are non-ASCII, so both one-byte and two-byte encodings are
 * exercised. Throws if a base record is itself invalid, or if a store ends up with no canary.
 */
export function canaryRecords(
  tag: string,
  newId: () => string,
  /** Leave references (caseId, personIds ...) pointing at their records, as a restore requires. */
  keepReferences = false,
): CanaryFill {
  const ids: Ids = { caseId: newId(), personId: newId(), hostId: newId() };
  const canaries: CanaryFill['canaries'] = [];
  const records: CanaryRecord[] = [];
  let counter = 0;
  const next = (): string => {
    counter += 1;
    return counter % 2 === 0 ? `CANARY${tag}A${counter}Z` : `KANÄRY${tag}Ж${counter}字`;
  };

  for (const { store, record } of baseRecords(ids, newId)) {
    const schema = ENTITY_SCHEMAS[store];
    const base = schema.safeParse(record);
    if (!base.success)
      throw new Error(`canary base record for ${store} is invalid: ${base.error.message}`);
    const filled = structuredClone(record);
    const before = canaries.length;
    const visit = (holder: Record<string, unknown> | unknown[], path: string): void => {
      for (const key of Object.keys(holder)) {
        const k = key as keyof typeof holder;
        const value = (holder as Record<string, unknown>)[key];
        const here = `${path}.${key}`;
        const reference = keepReferences && /^[a-z]+Ids?$/.test(key);
        if (value !== null && typeof value === 'object') {
          if (!reference) visit(value as Record<string, unknown>, here);
          continue;
        }
        if (key === 'id' || reference || (typeof value !== 'string' && value !== null)) continue;
        const canary = next();
        (holder as Record<string, unknown>)[k as string] = canary;
        if (schema.safeParse(filled).success) canaries.push({ value: canary, where: here });
        else (holder as Record<string, unknown>)[k as string] = value;
      }
    };
    visit(filled, store);
    if (canaries.length === before && !keepReferences)
      throw new Error(`no field of ${store} accepted a canary`);
    // Stored as the schema outputs it (defaults filled in), as the app's repositories store it.
    records.push({ store, record: schema.parse(filled) as CanaryRecord['record'] });
  }

  const settingsCanary = next();
  canaries.push({ value: settingsCanary, where: 'settings.note' });
  records.push({
    store: 'settings',
    // A valid settings record (a restore checks it), with the canary in an extra field.
    record: {
      id: newId(),
      kind: 'app-settings',
      autoLockMinutes: 5,
      demo: false,
      note: settingsCanary,
    },
  });
  return { records, canaries };
}
