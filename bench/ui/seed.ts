/**
 * Bench-only seeding, built separately (bench/ui/vite.seed.config.mts) and never part of the app:
 * it opens the vault that the page created, with its own Vault instance over the same IndexedDB
 * database, and writes records through the real repositories (sealed, validated, audited), then
 * locks. The app then unlocks and reads them like any other data.
 *
 *  - `seedCases(passphrase, n)`: n cases with 1 to 4 people, a stay at one of 40 hosts, two legs,
 *    a checkpoint and three planned budget lines each (the benchmarks).
 *  - `seedDemo(passphrase)`: a handful of realistic cases for looking at the screens.
 */
import {
  CaseSchema,
  BudgetLineSchema,
  CheckpointSchema,
  HostSchema,
  PersonSchema,
  StaySchema,
  TravelLegSchema,
  VisaSchema,
  type CaseStatus,
  type RiskLevel,
} from '../../src/domain/entities';
import { CASE_STATUSES, RISK_LEVELS } from '../../src/domain/entities';
import { addDays, type IsoDate } from '../../src/domain/time';
import { Vault, newId, type StoredRecord, type AnyWriteOp } from '../../src/storage';
import { argon2idDerive } from '../../src/storage/crypto/kdf';

async function openVault(passphrase: string): Promise<Vault> {
  const v = new Vault({ kdf: argon2idDerive });
  await v.unlock(passphrase);
  v.repo('cases', CaseSchema);
  v.repo('people', PersonSchema);
  v.repo('hosts', HostSchema);
  v.repo('stays', StaySchema);
  v.repo('legs', TravelLegSchema);
  v.repo('visas', VisaSchema);
  v.repo('checkpoints', CheckpointSchema);
  v.repo('budgetLines', BudgetLineSchema);
  return v;
}

const NOW = new Date().toISOString();
const meta = { createdAt: NOW, updatedAt: NOW };
const WORDS = [
  'Cedar',
  'Birch',
  'Maple',
  'Willow',
  'Aspen',
  'Rowan',
  'Hazel',
  'Alder',
  'Juniper',
  'Linden',
  'Olive',
  'Poplar',
  'Laurel',
  'Myrtle',
  'Sorrel',
  'Tamarind',
];
const CITIES = [
  { name: 'Tbilisi', countryCode: 'GE', lat: 41.7151, lng: 44.8271, zone: 'Asia/Tbilisi' },
  { name: 'Istanbul', countryCode: 'TR', lat: 41.0082, lng: 28.9784, zone: 'Europe/Istanbul' },
  { name: 'Amsterdam', countryCode: 'NL', lat: 52.3676, lng: 4.9041, zone: 'Europe/Amsterdam' },
  { name: 'Nairobi', countryCode: 'KE', lat: -1.2921, lng: 36.8219, zone: 'Africa/Nairobi' },
  { name: 'Bogota', countryCode: 'CO', lat: 4.711, lng: -74.0721, zone: 'America/Bogota' },
];

function put(store: AnyWriteOp['store'], value: StoredRecord): AnyWriteOp {
  return { op: 'put', store, value };
}

export async function seedCases(
  passphrase: string,
  count: number,
): Promise<{ records: number; ms: number }> {
  const t0 = performance.now();
  const v = await openVault(passphrase);
  const records = await populate(v, count);
  v.lock();
  return { records, ms: Math.round(performance.now() - t0) };
}

async function populate(v: Vault, count: number): Promise<number> {
  const hosts: string[] = [];
  const ops: AnyWriteOp[] = [];
  for (let h = 0; h < 40; h++) {
    const city = CITIES[h % CITIES.length]!;
    const id = newId();
    hosts.push(id);
    ops.push(
      put('hosts', {
        id,
        codeName: `Host ${WORDS[h % WORDS.length]} ${h}`,
        type: 'shelter',
        city: city.name,
        countryCode: city.countryCode,
        lat: city.lat,
        lng: city.lng,
        capacityBeds: 4 + (h % 5),
        nightlyCost: { amount: 4500, currency: 'EUR' },
        ...meta,
      }),
    );
  }
  await v.transaction(ops);
  let records = ops.length;
  const base = '2026-01-05' as IsoDate;
  for (let start = 0; start < count; start += 250) {
    const batch: AnyWriteOp[] = [];
    for (let i = start; i < Math.min(count, start + 250); i++) {
      const caseId = newId();
      const s = addDays(base, (i * 7) % 700);
      const e = addDays(s, 30 + (i % 120));
      const status: CaseStatus = CASE_STATUSES[i % 12]!;
      const risk: RiskLevel = RISK_LEVELS[i % 4]!;
      batch.push(
        put('cases', {
          id: caseId,
          codeName: `${WORDS[i % WORDS.length]} ${WORDS[(i >> 4) % WORDS.length]} ${i}`,
          status,
          referralSource: 'defender',
          riskLevel: risk,
          plannedStart: s,
          plannedEnd: e,
          reportingCurrency: 'EUR',
          ...meta,
        }),
      );
      const people: string[] = [];
      for (let p = 0; p < 1 + (i % 4); p++) {
        const pid = newId();
        people.push(pid);
        batch.push(
          put('people', {
            id: pid,
            caseId,
            codeName: `${WORDS[(i + p) % WORDS.length]}-${p}`,
            role: p === 0 ? 'principal' : 'dependant',
            relationship: p === 0 ? 'self' : 'child',
            dateOfBirth: p === 0 ? '1985-04-02' : '2016-09-12',
            travelDocument: {
              type: 'passport',
              number: `P${i}${p}`,
              expiry: i % 3 === 0 ? '2027-01-01' : '2031-01-01',
            },
            ...meta,
          }),
        );
      }
      const from = CITIES[0]!;
      const via = CITIES[1]!;
      const to = CITIES[2 + (i % 3)]!;
      batch.push(
        put('legs', {
          id: newId(),
          caseId,
          mode: 'flight',
          from,
          to: via,
          depart: { local: `${s}T04:35`, zone: from.zone },
          arrive: { local: `${s}T06:10`, zone: via.zone },
          carrier: 'TK',
          number: '383',
          travellerIds: people,
          status: 'booked',
          ...meta,
        }),
        put('legs', {
          id: newId(),
          caseId,
          mode: 'flight',
          from: via,
          to,
          depart: { local: `${s}T08:05`, zone: via.zone },
          arrive: { local: `${s}T10:45`, zone: to.zone },
          carrier: 'TK',
          number: '1951',
          travellerIds: people,
          status: 'booked',
          ...meta,
        }),
        put('stays', {
          id: newId(),
          caseId,
          hostId: hosts[i % hosts.length]!,
          checkIn: s,
          checkOut: e,
          personIds: people,
          ...meta,
        }),
        put('checkpoints', {
          id: newId(),
          caseId,
          dueDate: addDays(s, 14),
          kind: 'periodic_review',
          ...meta,
        }),
        ...(
          [
            ['travel', 'Flights TBS-IST-AMS', people.length, 42000],
            ['accommodation', 'Nights at the host', 30 + (i % 120), 4500],
            ['per_diem', 'Per diem', people.length * 30, 2500],
          ] as const
        ).map(([category, description, quantity, unitAmount]) =>
          put('budgetLines', {
            id: newId(),
            caseId,
            category,
            description,
            quantity,
            unitAmount,
            currency: 'EUR',
            kind: 'planned',
            date: s,
            origin: 'manual',
            sourceKey: null,
            ...meta,
          }),
        ),
      );
    }
    await v.transaction(batch);
    records += batch.length;
  }
  return records;
}

/** The e2e scenario's case (before its fixes) next to a few generic ones. */
export async function seedDemo(passphrase: string): Promise<void> {
  const v = await openVault(passphrase);
  await populate(v, 8);
  const [tbs, ist, ams] = [CITIES[0]!, CITIES[1]!, CITIES[2]!];
  const ankara = {
    name: 'Ankara',
    countryCode: 'TR',
    lat: 39.9334,
    lng: 32.8597,
    zone: 'Europe/Istanbul',
  };
  const host = newId();
  const caseId = newId();
  const [cedar, birch, acorn] = [newId(), newId(), newId()];
  const all = [cedar, birch, acorn];
  await v.transaction([
    put('hosts', {
      id: host,
      codeName: 'Harbour House',
      type: 'host_organisation',
      city: 'Amsterdam',
      countryCode: 'NL',
      lat: 52.37,
      lng: 4.9,
      capacityBeds: 4,
      services: ['psychosocial', 'security_training'],
      nightlyCost: { amount: 4500, currency: 'EUR' },
      availability: [{ from: '2026-12-01', to: '2027-06-30' }],
      vettedOn: '2026-10-02',
      ...meta,
    }),
    put('cases', {
      id: caseId,
      codeName: 'Cedar',
      status: 'planning',
      referralSource: 'host_organisation',
      riskLevel: 'high',
      threatSummary:
        'Arrest warrant expected after the trial testimony; threats to the family online.',
      threatTypes: ['arrest_risk', 'threats_to_family'],
      plannedStart: '2027-01-10',
      plannedEnd: '2027-04-10',
      reportingCurrency: 'EUR',
      funder: 'Shelter fund',
      grantCode: 'SF-2027-014',
      returnStrategy:
        'Review at the pre-return checkpoint with the lawyer; return if the case is dropped.',
      approvedBy: 'M. Okafor',
      approvedOn: '2026-11-20',
      ...meta,
    }),
    put('people', {
      id: cedar,
      caseId,
      codeName: 'Cedar',
      role: 'principal',
      relationship: 'self',
      dateOfBirth: '1984-05-02',
      nationality: 'GE',
      travelDocument: { type: 'passport', number: 'P-1', expiry: '2027-05-01' },
      ...meta,
    }),
    put('people', {
      id: birch,
      caseId,
      codeName: 'Birch',
      role: 'dependant',
      relationship: 'partner',
      dateOfBirth: '1986-02-14',
      nationality: 'GE',
      travelDocument: { type: 'passport', number: 'P-2', expiry: '2031-01-01' },
      ...meta,
    }),
    put('people', {
      id: acorn,
      caseId,
      codeName: 'Acorn',
      role: 'dependant',
      relationship: 'child',
      dateOfBirth: '2016-09-12',
      nationality: 'GE',
      travelDocument: { type: 'passport', number: 'P-3', expiry: '2030-06-01' },
      ...meta,
    }),
    put('visas', {
      id: newId(),
      caseId,
      personId: cedar,
      country: 'NL',
      type: 'humanitarian',
      status: 'applied',
      ...meta,
    }),
    put('legs', {
      id: newId(),
      caseId,
      mode: 'flight',
      from: tbs,
      to: ist,
      depart: { local: '2027-01-10T04:35', zone: tbs.zone },
      arrive: { local: '2027-01-10T06:10', zone: ist.zone },
      carrier: 'TK',
      number: '383',
      travellerIds: all,
      status: 'booked',
      ...meta,
    }),
    put('legs', {
      id: newId(),
      caseId,
      mode: 'flight',
      from: ankara,
      to: ams,
      depart: { local: '2027-01-10T08:05', zone: ankara.zone },
      arrive: { local: '2027-01-10T10:45', zone: ams.zone },
      carrier: 'TK',
      number: '1951',
      travellerIds: all,
      status: 'booked',
      ...meta,
    }),
    put('stays', {
      id: newId(),
      caseId,
      hostId: host,
      checkIn: '2027-01-10',
      checkOut: '2027-04-10',
      personIds: all,
      ...meta,
    }),
  ]);
  v.lock();
}

/**
 * `seedMap(passphrase, hosts, stays)`: the map benchmark's data (issue 11): `hosts` hosts spread
 * over the world (deterministic pseudo-random places, 1 to 8 beds, types and services varied) and
 * `stays` stays across 500 cases of 4 people, over the next year, so availability varies.
 */
export async function seedMap(
  passphrase: string,
  hostCount: number,
  stayCount: number,
): Promise<{ records: number; ms: number }> {
  const t0 = performance.now();
  const v = await openVault(passphrase);
  let seedValue = 11;
  const rnd = () => {
    seedValue = (seedValue * 1103515245 + 12345) % 2147483648;
    return seedValue / 2147483648;
  };
  const types = ['host_organisation', 'shelter', 'apartment', 'hotel', 'university', 'other'];
  const services = [[], ['medical'], ['psychosocial'], ['medical', 'security_training']];
  const hosts: string[] = [];
  let records = 0;
  for (let start = 0; start < hostCount; start += 500) {
    const ops: AnyWriteOp[] = [];
    for (let h = start; h < Math.min(hostCount, start + 500); h++) {
      const city = CITIES[h % CITIES.length]!;
      const id = newId();
      hosts.push(id);
      ops.push(
        put('hosts', {
          id,
          codeName: `Host ${WORDS[h % WORDS.length]} ${h}`,
          type: types[h % types.length],
          city: city.name,
          countryCode: city.countryCode,
          lat: Math.round((city.lat + (rnd() - 0.5) * 8) * 1e4) / 1e4,
          lng: Math.round((city.lng + (rnd() - 0.5) * 12) * 1e4) / 1e4,
          capacityBeds: 1 + (h % 8),
          services: services[h % services.length],
          nightlyCost: { amount: 4500, currency: 'EUR' },
          ...meta,
        }),
      );
    }
    await v.transaction(ops);
    records += ops.length;
  }
  const base = new Date().toISOString().slice(0, 10) as IsoDate;
  const cases: { id: string; people: string[] }[] = [];
  for (let c = 0; c < 500; c += 100) {
    const ops: AnyWriteOp[] = [];
    for (let i = c; i < c + 100; i++) {
      const id = newId();
      const people = [newId(), newId(), newId(), newId()];
      cases.push({ id, people });
      ops.push(
        put('cases', {
          id,
          codeName: `Map case ${i}`,
          referralSource: 'defender',
          riskLevel: 'medium',
          reportingCurrency: 'EUR',
          ...meta,
        }),
      );
      people.forEach((pid, p) =>
        ops.push(
          put('people', {
            id: pid,
            caseId: id,
            codeName: `P${i}-${p}`,
            role: p === 0 ? 'principal' : 'dependant',
            relationship: p === 0 ? 'self' : 'child',
            dateOfBirth: p === 0 ? '1985-04-02' : '2016-09-12',
            travelDocument: { type: 'passport', number: `M${i}${p}`, expiry: '2031-01-01' },
            ...meta,
          }),
        ),
      );
    }
    await v.transaction(ops);
    records += ops.length;
  }
  for (let start = 0; start < stayCount; start += 1000) {
    const ops: AnyWriteOp[] = [];
    for (let i = start; i < Math.min(stayCount, start + 1000); i++) {
      const c = cases[i % cases.length]!;
      const checkIn = addDays(base, Math.floor(rnd() * 360) - 30);
      ops.push(
        put('stays', {
          id: newId(),
          caseId: c.id,
          hostId: hosts[Math.floor(rnd() * hosts.length)]!,
          checkIn,
          checkOut: addDays(checkIn, 3 + Math.floor(rnd() * 40)),
          personIds: c.people.slice(0, 1 + (i % 4)),
          ...meta,
        }),
      );
    }
    await v.transaction(ops);
    records += ops.length;
  }
  v.lock();
  return { records, ms: Math.round(performance.now() - t0) };
}
