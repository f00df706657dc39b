/**
 * Dashboard computation benchmark (issue 13: "the dashboard for 5,000 cases computes in under
 * 150 ms"): 5,000 cases across statuses, each with two people, an outbound and a return leg, a stay
 * at one of 40 hosts, four reviews and, for one case in ten, an extension. `computeDashboard` runs
 * after warm-up; the median and the slowest of N runs are reported, with `buildTimeline` (the
 * timeline's rows) beside it. Plan-check counts are an input of the dashboard (they fill in slices in
 * the app), so they are given here; their own cost is bench/plan-checks.mjs's.
 *
 * Run: `node bench/reviews.mjs` (writes bench/results/reviews.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeDashboard } from '../src/domain/dashboard';
import {
  CASE_STATUSES,
  CaseSchema,
  CheckpointSchema,
  ExtensionSchema,
  HostSchema,
  PersonSchema,
  StaySchema,
  TravelLegSchema,
} from '../src/domain/entities';
import type { PlanningData } from '../src/domain/planning';
import { buildTimeline } from '../src/domain/timeline';
import { addDays, type IsoDate } from '../src/domain/time';

const CASES = 5000;
const RUNS = 30;
const TARGET_MS = 150;
const today = '2026-06-01' as IsoDate;
const meta = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const hex = (n: number, p: string) =>
  `${p}${n.toString(16).padStart(31 - p.length, '0')}0`.slice(0, 32);
const TBILISI = { name: 'Tbilisi', countryCode: 'GE', lat: 41.7, lng: 44.8, zone: 'Asia/Tbilisi' };
const PARIS = { name: 'Paris', countryCode: 'FR', lat: 48.9, lng: 2.35, zone: 'Europe/Paris' };

export function scenario(): PlanningData {
  const hosts = Array.from({ length: 40 }, (_, h) =>
    HostSchema.parse({
      id: hex(h, 'a'),
      codeName: `Host ${h}`,
      type: 'shelter',
      city: 'Paris',
      countryCode: 'FR',
      lat: 48.9,
      lng: 2.35,
      capacityBeds: 4 + (h % 5),
      nightlyCost: { amount: 4500, currency: 'EUR' },
      ...meta,
    }),
  );
  const d: Record<string, unknown[]> = {
    cases: [],
    people: [],
    legs: [],
    stays: [],
    checkpoints: [],
    extensions: [],
    visas: [],
    budgetLines: [],
  };
  const statuses = CASE_STATUSES.filter((s) => s !== 'purged');
  for (let i = 0; i < CASES; i++) {
    const id = hex(i, 'c');
    const start = addDays(today, (i % 240) - 150);
    const end = addDays(start, 90);
    const status = statuses[i % statuses.length];
    d.cases!.push(
      CaseSchema.parse({
        id,
        codeName: `Case ${i}`,
        status,
        referralSource: 'defender',
        riskLevel: 'high',
        plannedStart: start,
        plannedEnd: end,
        reportingCurrency: 'EUR',
        ...meta,
      }),
    );
    const people = [hex(i, 'p'), hex(i, 'q')];
    people.forEach((pid, k) =>
      d.people!.push(
        PersonSchema.parse({
          id: pid,
          caseId: id,
          codeName: `Case ${i}-${k}`,
          role: k === 0 ? 'principal' : 'dependant',
          relationship: k === 0 ? 'self' : 'partner',
          ...meta,
        }),
      ),
    );
    for (const [k, [from, to, day]] of (
      [
        [TBILISI, PARIS, start],
        [PARIS, TBILISI, end],
      ] as const
    ).entries())
      d.legs!.push(
        TravelLegSchema.parse({
          id: hex(i * 2 + k, 'l'),
          caseId: id,
          mode: 'flight',
          from,
          to,
          depart: { local: `${day}T08:00`, zone: from.zone },
          arrive: { local: `${day}T14:00`, zone: to.zone },
          travellerIds: people,
          status: 'booked',
          ...meta,
        }),
      );
    d.stays!.push(
      StaySchema.parse({
        id: hex(i, 's'),
        caseId: id,
        hostId: hosts[i % 40]!.id,
        checkIn: start,
        checkOut: end,
        personIds: people,
        ...meta,
      }),
    );
    for (const [k, off] of [1, 31, 61, 76].entries())
      d.checkpoints!.push(
        CheckpointSchema.parse({
          id: hex(i * 4 + k, 'k'),
          caseId: id,
          dueDate: addDays(start, off),
          kind: k === 0 ? 'arrival_check_in' : k === 3 ? 'pre_return' : 'periodic_review',
          ...meta,
        }),
      );
    if (i % 10 === 0)
      d.extensions!.push(
        ExtensionSchema.parse({
          id: hex(i, 'e'),
          caseId: id,
          fromEnd: end,
          toEnd: addDays(end, 30),
          reason: 'Threats continue',
          approvedBy: 'PO',
          approvedOn: addDays(end, -20),
          ...meta,
        }),
      );
  }
  return { ...d, hosts } as unknown as PlanningData;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export function main() {
  const data = scenario();
  const errors = new Map(data.cases.map((c, i) => [c.id as string, i % 7 === 0 ? 2 : 0]));
  const errorsOf = (id: string) => errors.get(id);
  const first = time(() => computeDashboard(data, today, errorsOf));
  for (let i = 0; i < 5; i++) computeDashboard(data, today, errorsOf);
  const runs = Array.from({ length: RUNS }, () =>
    time(() => computeDashboard(data, today, errorsOf)),
  );
  const timeline = Array.from({ length: 10 }, () => time(() => buildTimeline(data, today)));
  const sorted = [...runs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  const d = computeDashboard(data, today, errorsOf);
  const result = {
    name: 'reviews-dashboard',
    date: new Date().toISOString(),
    node: process.version,
    scenario: {
      cases: data.cases.length,
      legs: data.legs.length,
      stays: data.stays.length,
      checkpoints: data.checkpoints.length,
      overdue: d.overdue.total,
      travelling: d.travelling.total,
    },
    firstRunMs: r(first),
    medianMs: r(sorted[Math.floor(sorted.length / 2)] ?? 0),
    maxMs: r(sorted.at(-1) ?? 0),
    timelineMedianMs: r([...timeline].sort((a, b) => a - b)[5] ?? 0),
    targetMs: TARGET_MS,
    pass: (sorted.at(-1) ?? Infinity) < TARGET_MS && first < TARGET_MS,
  };
  const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results/reviews.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
