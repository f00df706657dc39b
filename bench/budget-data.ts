/**
 * The budget benchmark's data, shared by the Node bench (bench/budget.bench.ts) and the Chromium
 * one (bench/ui/budget.ts, run by bench/scenarios/budget.mjs):
 *   - `exportEntries()`: 10,000 manual lines over 100 cases in EUR, USD and KWD, half planned,
 *     half actual, with quotes and commas in the descriptions;
 *   - `planBundles()`: 5,000 cases with plans (a stay for 3 people, per diem across a rate change,
 *     2 legs in USD, a visa fee, 2 manual lines) and the sources their budget is derived from;
 *   - `book`: 24 monthly USD and KWD rates to EUR.
 */
import { budgetItems, rateBook, type BudgetEntry } from '../src/domain/budget';
import {
  BudgetLineSchema,
  CaseSchema,
  ExchangeRateSchema,
  HostSchema,
  PerDiemRateSchema,
  PersonSchema,
  StaySchema,
  TravelLegSchema,
  VisaSchema,
  type BudgetLine,
} from '../src/domain/entities';
import type { HostId } from '../src/domain/ids';
import { currency } from '../src/domain/money';
import { emptyBundle, type CaseBundle } from '../src/domain/planning';
import { addDays, type IsoDate } from '../src/domain/time';

export const TARGETS = { xlsxMs: 3000, csvMs: 500, totalsMs: 100 };
export const EUR = currency('EUR');
const meta = { createdAt: '2026-01-10T09:00:00.000Z', updatedAt: '2026-01-10T09:00:00.000Z' };
const day = (n: number) => addDays('2026-01-01' as IsoDate, n);

const rates = [
  ...Array.from({ length: 24 }, (_, m) =>
    ExchangeRateSchema.parse({
      id: `fx-${m}`,
      from: 'USD',
      to: 'EUR',
      rate: `0.9${(m % 9) + 1}13`,
      asOf: day(m * 30),
      ...meta,
    }),
  ),
  ...Array.from({ length: 24 }, (_, m) =>
    ExchangeRateSchema.parse({
      id: `fxk-${m}`,
      from: 'KWD',
      to: 'EUR',
      rate: `2.9${m % 10}`,
      asOf: day(m * 30),
      ...meta,
    }),
  ),
];
export const book = rateBook(rates);

/** 10,000 manual lines over 100 cases in EUR, USD and KWD, half planned, half actual. */
export function exportEntries(): BudgetEntry[] {
  const entries: BudgetEntry[] = [];
  const curs = ['EUR', 'USD', 'KWD'];
  const cats = ['travel', 'accommodation', 'per_diem', 'visa', 'legal', 'security', 'other'];
  for (let c = 0; c < 100; c++) {
    const caseId = `case-${c}`;
    const lines: BudgetLine[] = [];
    for (let i = 0; i < 100; i++)
      lines.push(
        BudgetLineSchema.parse({
          id: `l-${c}-${i}`,
          caseId,
          category: cats[i % cats.length],
          description: `Line ${i} of case ${c}, "quoted", with a comma`,
          quantity: 1 + (i % 5),
          unitAmount: 1000 + i * 37,
          currency: curs[i % 3],
          kind: i % 2 ? 'actual' : 'planned',
          date: day(30 + ((c + i) % 600)),
          payee: 'Payee',
          funder: 'Fund',
          grantCode: 'G-1',
          ...meta,
        }),
      );
    const kase = CaseSchema.parse({
      id: caseId,
      codeName: `Case ${c}`,
      referralSource: 'defender',
      riskLevel: 'high',
      reportingCurrency: 'EUR',
      ...meta,
    });
    entries.push({ caseId, codeName: kase.codeName, items: budgetItems(kase, [], lines) });
  }
  return entries;
}

/** 5,000 cases with plans the budget is derived from. */
export function planBundles() {
  const host = HostSchema.parse({
    id: 'host-1',
    codeName: 'Linden',
    type: 'apartment',
    city: 'Paris',
    countryCode: 'FR',
    lat: 48.8,
    lng: 2.3,
    capacityBeds: 6,
    nightlyCost: { amount: 6000, currency: 'EUR' },
    ...meta,
  });
  const perDiem = [
    PerDiemRateSchema.parse({
      id: 'pd-1',
      countryCode: 'FR',
      city: null,
      amount: 4000,
      childAmount: 2000,
      currency: 'EUR',
      validFrom: '2026-01-01',
      ...meta,
    }),
    PerDiemRateSchema.parse({
      id: 'pd-2',
      countryCode: 'FR',
      city: null,
      amount: 4500,
      childAmount: 2200,
      currency: 'EUR',
      validFrom: '2026-07-01',
      ...meta,
    }),
  ];
  const bundles = new Map<string, CaseBundle>();
  for (let c = 0; c < 5000; c++) {
    const id = `c${c}`;
    const start = day(c % 500);
    const b = emptyBundle(
      CaseSchema.parse({
        id,
        codeName: `Case ${c}`,
        referralSource: 'defender',
        riskLevel: 'high',
        reportingCurrency: 'EUR',
        funder: `Fund ${c % 7}`,
        grantCode: `G-${c % 13}`,
        plannedStart: start,
        ...meta,
      }),
    );
    const people = [0, 1, 2].map((p) =>
      PersonSchema.parse({
        id: `${id}-p${p}`,
        caseId: id,
        codeName: `P${p}`,
        role: p ? 'dependant' : 'principal',
        relationship: p ? 'child' : 'self',
        dateOfBirth: p ? '2012-06-01' : '1980-01-01',
        ...meta,
      }),
    );
    b.people.push(...people);
    b.stays.push(
      StaySchema.parse({
        id: `${id}-s`,
        caseId: id,
        hostId: 'host-1',
        checkIn: start,
        checkOut: addDays(start, 90),
        personIds: people.map((p) => p.id),
        ...meta,
      }),
    );
    for (const [k, when] of [
      [0, start],
      [1, addDays(start, 90)],
    ] as const)
      b.legs.push(
        TravelLegSchema.parse({
          id: `${id}-l${k}`,
          caseId: id,
          mode: 'flight',
          from: { name: 'Tbilisi', countryCode: 'GE', lat: 41.7, lng: 44.8, zone: 'Asia/Tbilisi' },
          to: { name: 'Paris', countryCode: 'FR', lat: 48.8, lng: 2.3, zone: 'Europe/Paris' },
          depart: { local: `${when}T04:35`, zone: 'Asia/Tbilisi' },
          arrive: { local: `${when}T09:20`, zone: 'Europe/Paris' },
          travellerIds: people.map((p) => p.id),
          status: 'booked',
          cost: { amount: 90000, currency: 'USD' },
          ...meta,
        }),
      );
    b.visas.push(
      VisaSchema.parse({
        id: `${id}-v`,
        caseId: id,
        personId: people[0]!.id,
        country: 'FR',
        status: 'granted',
        validFrom: start,
        fee: { amount: 8000, currency: 'EUR' },
        ...meta,
      }),
    );
    for (let i = 0; i < 2; i++)
      b.budgetLines.push(
        BudgetLineSchema.parse({
          id: `${id}-b${i}`,
          caseId: id,
          category: 'legal',
          description: 'Lawyer',
          quantity: 1,
          unitAmount: 20000,
          currency: 'EUR',
          kind: i ? 'actual' : 'planned',
          date: addDays(start, 10),
          ...meta,
        }),
      );
    bundles.set(id, b);
  }
  const hosts = new Map([[host.id as HostId, host]]);
  return { bundles, sources: { hosts, perDiemRates: perDiem, convention: 'nights' as const } };
}
