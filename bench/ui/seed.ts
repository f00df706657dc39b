/**
 * Bench-only seeding, built separately (bench/ui/vite.seed.config.mts) and never part of the app:
 * it opens the vault that the page created, with its own Vault instance over the same IndexedDB
 * database, and writes records through the real repositories (sealed, validated, audited), then
 * locks. The app then unlocks and reads them like any other data.
 *
 *  - `seedCases(passphrase, n)`: n cases with 1 to 4 people, a stay at one of 40 hosts, two legs
 *    and a checkpoint each (the cases-list benchmark).
 *  - `seedDemo(passphrase)`: a handful of realistic cases for looking at the screens.
 */
import {
  CaseSchema,
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
import { Vault, newId, type StoredRecord, type WriteOp } from '../../src/storage';
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
  return v;
}

const NOW = new Date().toISOString();
const meta = { createdAt: NOW, updatedAt: NOW };
const WORDS = ['Cedar', 'Birch', 'Maple', 'Willow', 'Aspen', 'Rowan', 'Hazel', 'Alder', 'Juniper', 'Linden', 'Olive', 'Poplar', 'Laurel', 'Myrtle', 'Sorrel', 'Tamarind'];
const CITIES = [
  { name: 'Tbilisi', countryCode: 'GE', lat: 41.7151, lng: 44.8271, zone: 'Asia/Tbilisi' },
  { name: 'Istanbul', countryCode: 'TR', lat: 41.0082, lng: 28.9784, zone: 'Europe/Istanbul' },
  { name: 'Amsterdam', countryCode: 'NL', lat: 52.3676, lng: 4.9041, zone: 'Europe/Amsterdam' },
  { name: 'Nairobi', countryCode: 'KE', lat: -1.2921, lng: 36.8219, zone: 'Africa/Nairobi' },
  { name: 'Bogota', countryCode: 'CO', lat: 4.711, lng: -74.0721, zone: 'America/Bogota' },
];

function put(store: WriteOp['store'], value: StoredRecord): WriteOp {
  return { op: 'put', store, value };
}

export async function seedCases(passphrase: string, count: number): Promise<{ records: number; ms: number }> {
  const t0 = performance.now();
  const v = await openVault(passphrase);
  const hosts: string[] = [];
  const ops: WriteOp[] = [];
  for (let h = 0; h < 40; h++) {
    const city = CITIES[h % CITIES.length]!;
    const id = newId();
    hosts.push(id);
    ops.push(
      put('hosts', {
        id, codeName: `Host ${WORDS[h % WORDS.length]} ${h}`, type: 'shelter', city: city.name, countryCode: city.countryCode,
        lat: city.lat, lng: city.lng, capacityBeds: 4 + (h % 5), nightlyCost: { amount: 4500, currency: 'EUR' }, ...meta,
      }),
    );
  }
  await v.transaction(ops);
  let records = ops.length;
  const base = '2026-01-05' as IsoDate;
  for (let start = 0; start < count; start += 250) {
    const batch: WriteOp[] = [];
    for (let i = start; i < Math.min(count, start + 250); i++) {
      const caseId = newId();
      const s = addDays(base, (i * 7) % 700);
      const e = addDays(s, 30 + (i % 120));
      const status: CaseStatus = CASE_STATUSES[i % 12]!;
      const risk: RiskLevel = RISK_LEVELS[i % 4]!;
      batch.push(
        put('cases', {
          id: caseId, codeName: `${WORDS[i % WORDS.length]} ${WORDS[(i >> 4) % WORDS.length]} ${i}`, status, referralSource: 'defender',
          riskLevel: risk, plannedStart: s, plannedEnd: e, reportingCurrency: 'EUR', ...meta,
        }),
      );
      const people: string[] = [];
      for (let p = 0; p < 1 + (i % 4); p++) {
        const pid = newId();
        people.push(pid);
        batch.push(
          put('people', {
            id: pid, caseId, codeName: `${WORDS[(i + p) % WORDS.length]}-${p}`, role: p === 0 ? 'principal' : 'dependant',
            relationship: p === 0 ? 'self' : 'child', dateOfBirth: p === 0 ? '1985-04-02' : '2016-09-12',
            travelDocument: { type: 'passport', number: `P${i}${p}`, expiry: i % 3 === 0 ? '2027-01-01' : '2031-01-01' }, ...meta,
          }),
        );
      }
      const from = CITIES[0]!;
      const via = CITIES[1]!;
      const to = CITIES[2 + (i % 3)]!;
      batch.push(
        put('legs', {
          id: newId(), caseId, mode: 'flight', from, to: via, depart: { local: `${s}T04:35`, zone: from.zone },
          arrive: { local: `${s}T06:10`, zone: via.zone }, carrier: 'TK', number: '383', travellerIds: people, status: 'booked', ...meta,
        }),
        put('legs', {
          id: newId(), caseId, mode: 'flight', from: via, to, depart: { local: `${s}T08:05`, zone: via.zone },
          arrive: { local: `${s}T10:45`, zone: to.zone }, carrier: 'TK', number: '1951', travellerIds: people, status: 'booked', ...meta,
        }),
        put('stays', { id: newId(), caseId, hostId: hosts[i % hosts.length]!, checkIn: s, checkOut: e, personIds: people, ...meta }),
        put('checkpoints', { id: newId(), caseId, dueDate: addDays(s, 14), kind: 'periodic_review', ...meta }),
      );
    }
    await v.transaction(batch);
    records += batch.length;
  }
  v.lock();
  return { records, ms: Math.round(performance.now() - t0) };
}

export async function seedDemo(passphrase: string): Promise<void> {
  await seedCases(passphrase, 12);
}
