/**
 * Plan-checks benchmark: one realistic case with 10 people and 40 legs (two family groups of five
 * travelling Tbilisi → Istanbul → Paris and on, across the March DST change, some in-country
 * moves, and the returns), 8 stays at 4 hosts shared with other cases, 10 visas, 5 checkpoints,
 * an extension and a budget cap. `runPlanChecks` runs many times: warm-up, then the median of N
 * runs, both "warm" (the zoned-time memo of src/domain/time.ts is filled, the normal situation
 * when the UI re-checks after an edit) and "cold" (memo emptied before every run).
 * Target: median under 5 ms. Results go to bench/results/plan-checks.json.
 *
 * Run: `node bench/plan-checks.mjs` (loads this file through Vite's module runner; no tsx needed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CaseSchema,
  CheckpointSchema,
  ExtensionSchema,
  HostSchema,
  PersonSchema,
  StaySchema,
  TravelLegSchema,
  VisaSchema,
  type HostLocation,
  type TravelLeg,
} from '../src/domain/entities';
import type { HostId } from '../src/domain/ids';
import { money } from '../src/domain/money';
import { runPlanChecks, type OtherStay, type PlanCheckInput } from '../src/domain/plan-checks';
import { addDays, clearTimeCaches, localAt, resolveLocal, type IsoDate } from '../src/domain/time';

const TARGET_MS = 5;
const WARMUP = 200;
const RUNS = 1000;
const meta = { createdAt: '2026-01-10T09:00:00.000Z', updatedAt: '2026-01-10T09:00:00.000Z' };

const CITIES = [
  { name: 'Tbilisi', countryCode: 'GE', lat: 41.7151, lng: 44.8271, zone: 'Asia/Tbilisi' },
  { name: 'Istanbul', countryCode: 'TR', lat: 41.0082, lng: 28.9784, zone: 'Europe/Istanbul' },
  { name: 'Paris', countryCode: 'FR', lat: 48.8566, lng: 2.3522, zone: 'Europe/Paris' },
  { name: 'Lyon', countryCode: 'FR', lat: 45.764, lng: 4.8357, zone: 'Europe/Paris' },
  { name: 'Geneva', countryCode: 'CH', lat: 46.2044, lng: 6.1432, zone: 'Europe/Zurich' },
  { name: 'Amsterdam', countryCode: 'NL', lat: 52.3676, lng: 4.9041, zone: 'Europe/Amsterdam' },
  { name: 'Berlin', countryCode: 'DE', lat: 52.52, lng: 13.405, zone: 'Europe/Berlin' },
  { name: 'Vienna', countryCode: 'AT', lat: 48.2082, lng: 16.3738, zone: 'Europe/Vienna' },
] as const;

type City = (typeof CITIES)[number];

/** A chain of 20 legs for one group: out via Istanbul, a tour of hosts, and back. */
function chain(groupIndex: number, travellerIds: string[], startUtcMs: number): TravelLeg[] {
  const route: City[] = [CITIES[0], CITIES[1], CITIES[2]];
  for (let i = 0; i < 16; i++) route.push(CITIES[3 + ((i + groupIndex) % 5)]!);
  route.push(CITIES[1], CITIES[0]);
  // drop consecutive duplicates so every leg moves
  const stops = route.filter((c, i) => i === 0 || c.name !== route[i - 1]!.name).slice(0, 21);
  const legs: TravelLeg[] = [];
  let t = startUtcMs;
  for (let i = 0; i + 1 < stops.length && legs.length < 20; i++) {
    const from = stops[i]!;
    const to = stops[i + 1]!;
    const durationMin = 90 + ((i * 37) % 120);
    const arriveMs = t + durationMin * 60_000;
    legs.push(
      TravelLegSchema.parse({
        id: `g${groupIndex}-leg-${i}`,
        caseId: 'case-1',
        mode: from.countryCode === to.countryCode ? 'train' : 'flight',
        from,
        to,
        depart: { local: localAt(t, from.zone), zone: from.zone },
        arrive: { local: localAt(arriveMs, to.zone), zone: to.zone },
        carrier: 'XX',
        number: `XX${100 + i}`,
        bookingReference: `REF${groupIndex}${i}`,
        travellerIds,
        status: i % 7 === 6 ? 'idea' : 'booked',
        cost: { amount: 25000 + i * 100, currency: 'EUR' },
        ...meta,
      }),
    );
    // 45 minutes to 5 days until the next leg (some connections deliberately short)
    t = arriveMs + (i % 5 === 1 ? 45 : i % 2 === 0 ? 3 * 24 * 60 : 5 * 24 * 60) * 60_000;
  }
  return legs;
}

export function buildInput(): PlanCheckInput {
  const peopleIds = Array.from({ length: 10 }, (_, i) => `p-${i + 1}`);
  const people = peopleIds.map((id, i) =>
    PersonSchema.parse({
      id,
      caseId: 'case-1',
      codeName: `Traveller ${i + 1}`,
      role: i === 0 ? 'principal' : 'dependant',
      relationship: i === 0 ? 'self' : i < 3 ? 'partner' : 'child',
      dateOfBirth: i < 4 ? '1980-03-01' : '2014-06-01',
      nationality: 'GE',
      travelDocument:
        i === 9
          ? null
          : { type: 'passport', number: `P${i}`, expiry: i === 3 ? '2026-10-01' : '2031-01-01' },
      ...meta,
    }),
  );
  const groupA = peopleIds.slice(0, 5);
  const groupB = peopleIds.slice(5);
  // 27 March 2026 22:00 UTC: the chains cross the European DST change of 29 March.
  const legs = [
    ...chain(0, groupA, Date.UTC(2026, 2, 27, 22)),
    ...chain(1, groupB, Date.UTC(2026, 2, 28, 6)),
  ];

  const hosts: HostLocation[] = [2, 3, 4, 6].map((cityIndex, h) =>
    HostSchema.parse({
      id: `host-${h}`,
      codeName: `Host ${h}`,
      type: 'host_organisation',
      city: CITIES[cityIndex]!.name,
      countryCode: CITIES[cityIndex]!.countryCode,
      lat: CITIES[cityIndex]!.lat + 0.01,
      lng: CITIES[cityIndex]!.lng + 0.01,
      capacityBeds: h === 1 ? 4 : 6,
      availability: [{ from: '2026-03-01', to: h === 2 ? '2026-05-15' : '2026-09-30' }],
      nightlyCost: { amount: 4500, currency: 'EUR' },
      ...meta,
    }),
  );
  const stays = [0, 1, 2, 3].flatMap((h) =>
    [groupA, groupB].map((group, g) =>
      StaySchema.parse({
        id: `stay-${h}-${g}`,
        caseId: 'case-1',
        hostId: `host-${h}`,
        checkIn: addDays('2026-03-29' as IsoDate, h * 22 + g),
        checkOut: addDays('2026-03-29' as IsoDate, h * 22 + g + 21),
        personIds: group,
        ...meta,
      }),
    ),
  );
  const otherStaysAtHosts: OtherStay[] = Array.from({ length: 20 }, (_, i) => ({
    hostId: `host-${i % 4}` as HostId,
    checkIn: addDays('2026-03-15' as IsoDate, i * 6),
    checkOut: addDays('2026-03-15' as IsoDate, i * 6 + 14),
    peopleCount: 1 + (i % 3),
  }));
  const visas = peopleIds.map((personId, i) =>
    VisaSchema.parse({
      id: `visa-${i}`,
      caseId: 'case-1',
      personId,
      country: 'FR',
      status: i === 7 ? 'applied' : 'granted',
      validFrom: '2026-03-01',
      validTo: i === 2 ? '2026-05-01' : '2026-12-31',
      ...meta,
    }),
  );
  const checkpoints = ['2026-03-30', '2026-04-29', '2026-05-29', '2026-06-12', '2026-07-26'].map(
    (dueDate, i) =>
      CheckpointSchema.parse({
        id: `cp-${i}`,
        caseId: 'case-1',
        dueDate,
        kind:
          i === 0
            ? 'arrival_check_in'
            : i === 3
              ? 'pre_return'
              : i === 4
                ? 'post_return_follow_up'
                : 'periodic_review',
        ...meta,
      }),
  );
  const extensions = [
    ExtensionSchema.parse({
      id: 'ext-1',
      caseId: 'case-1',
      fromEnd: '2026-06-26',
      toEnd: '2026-07-10',
      reason: 'Trial postponed',
      approvedBy: 'PO',
      approvedOn: '2026-06-01',
      ...meta,
    }),
  ];
  return {
    case: CaseSchema.parse({
      id: 'case-1',
      codeName: 'Heron',
      status: 'relocated',
      referralSource: 'host_organisation',
      riskLevel: 'high',
      plannedStart: '2026-03-28',
      plannedEnd: '2026-06-26',
      actualStart: '2026-03-28',
      reportingCurrency: 'EUR',
      ...meta,
    }),
    people,
    legs,
    stays,
    visas,
    checkpoints,
    extensions,
    hosts: new Map(hosts.map((h) => [h.id, h])),
    otherStaysAtHosts,
    budgetTotalInReporting: money(5_250_000, 'EUR'),
    funderCap: money(5_000_000, 'EUR'),
    today: '2026-05-20' as IsoDate,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const round = (x: number) => Math.round(x * 1000) / 1000;

export function main(): Record<string, unknown> {
  const input = buildInput();
  for (const leg of input.legs) {
    if (!resolveLocal(leg.depart).ok || !resolveLocal(leg.arrive).ok)
      throw new Error(`bench data: unresolvable time in ${leg.id}`);
  }
  clearTimeCaches();
  const t0 = performance.now();
  const first = runPlanChecks(input);
  const firstRunMs = performance.now() - t0;

  for (let i = 0; i < WARMUP; i++) runPlanChecks(input);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    runPlanChecks(input);
    warm.push(performance.now() - s);
  }
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearTimeCaches();
    const s = performance.now();
    runPlanChecks(input);
    cold.push(performance.now() - s);
  }
  const byCode: Record<string, number> = {};
  for (const f of first) byCode[f.code] = (byCode[f.code] ?? 0) + 1;

  const result = {
    name: 'plan-checks',
    date: new Date().toISOString(),
    node: process.version,
    scenario: {
      people: input.people.length,
      legs: input.legs.length,
      stays: input.stays.length,
      hosts: 4,
      otherStaysAtHosts: input.otherStaysAtHosts?.length ?? 0,
      visas: input.visas.length,
      checkpoints: input.checkpoints.length,
      findings: first.length,
      findingsByCode: byCode,
    },
    warmupRuns: WARMUP,
    runs: RUNS,
    targetMs: TARGET_MS,
    firstRunMs: round(firstRunMs),
    warm: {
      medianMs: round(median(warm)),
      p95Ms: round(percentile(warm, 95)),
      maxMs: round(Math.max(...warm)),
    },
    cold: {
      medianMs: round(median(cold)),
      p95Ms: round(percentile(cold, 95)),
      maxMs: round(Math.max(...cold)),
    },
    medianMs: round(median(warm)),
    pass: median(warm) < TARGET_MS && median(cold) < TARGET_MS,
  };
  const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results', 'plan-checks.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
