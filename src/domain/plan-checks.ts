/**
 * Plan checks: the preflight list shown on a case. `runPlanChecks` is a pure function of the
 * case's records; each `Finding` has a severity, a stable `code` (the i18n key), an English
 * `message` with its `params` (so translations can rebuild it), and a `fix` that says which tab,
 * record and field to open. Messages use code names only, never legal names or addresses.
 *
 * Checks (domain.md): travel document valid to return + 6 months; visa needed but not granted
 * before the first leg into the country; legs that do not connect; a leg that arrives before it
 * departs once zones are applied (or whose local time does not exist); a connection shorter than
 * the minimum; a traveller in two places at once; a stay over the host's beds, outside its
 * availability, or overbooking the host together with other cases; a stay that does not start
 * where the arrival leg ends; no return leg booked by the planned end; no checkpoint before the
 * planned end; an overdue checkpoint; budget over the funder's cap.
 *
 * Cancelled legs are ignored everywhere. "Idea" legs take part in the timing and connection
 * checks (they are the plan) but do not count as a booked return. Cases that are declined,
 * cancelled, closed or purged get no findings: there is nothing left to plan.
 *
 * Validators for forms (`validateLeg`, `validateStay`) return field errors that block saving.
 */
import { assertNever } from './assert';
import type { Case } from './entities/case';
import type { Checkpoint } from './entities/checkpoint';
import type { Extension } from './entities/extension';
import type { HostLocation } from './entities/host';
import type { LegMode, Place, TravelLeg } from './entities/leg';
import type { Person } from './entities/person';
import type { Stay } from './entities/stay';
import type { EntityStoreName } from './entities/store-names';
import type { Visa } from './entities/visa';
import { isCheckpointOverdue } from './checkpoints';
import { effectiveEnd } from './duration';
import { distanceKm, normalizePlaceName } from './geo';
import type { CaseId, HostId, PersonId } from './ids';
import { isTerminal } from './lifecycle';
import { formatMoney, type Money } from './money';
import type { FieldError } from './result';
import {
  addMonths,
  daysBetween,
  formatDuration,
  formatZoned,
  localDateOf,
  minutesBetween,
  resolveLocal,
  timeErrorMessage,
  type IsoDate,
} from './time';

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'document_missing',
  'document_expires_too_soon',
  'visa_not_granted',
  'visa_not_valid_on_entry',
  'visa_expires_during_stay',
  'leg_time_invalid',
  'leg_time_ambiguous',
  'leg_arrives_before_departure',
  'legs_do_not_connect',
  'connection_too_short',
  'traveller_double_booked',
  'stay_host_missing',
  'stay_over_capacity',
  'stay_outside_availability',
  'host_overbooked',
  'stay_start_mismatch',
  'traveller_without_stay',
  'no_return_leg',
  'no_checkpoint_before_end',
  'checkpoint_overdue',
  'budget_over_cap',
  'budget_currency_mismatch',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type FixTab = 'people' | 'travel' | 'stays' | 'checkpoints' | 'budget' | 'overview';

export interface FindingFix {
  readonly tab: FixTab;
  /** Store of the record to open. */
  readonly entity: EntityStoreName;
  readonly id: string;
  /** Dotted field path to focus, or null when the fix is to add a record. */
  readonly field: string | null;
}

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** English text; translations rebuild it from `code` and `params`. */
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly fix: FindingFix;
}

/** A stay of another case at one of this case's hosts: only what capacity needs. */
export interface OtherStay {
  readonly hostId: HostId;
  readonly caseId?: CaseId;
  readonly checkIn: IsoDate;
  readonly checkOut: IsoDate;
  readonly peopleCount: number;
}

export interface PlanCheckInput {
  readonly case: Case;
  readonly people: readonly Person[];
  readonly legs: readonly TravelLeg[];
  readonly stays: readonly Stay[];
  readonly visas: readonly Visa[];
  readonly checkpoints: readonly Checkpoint[];
  readonly extensions: readonly Extension[];
  readonly hosts: ReadonlyMap<HostId, HostLocation> | readonly HostLocation[];
  readonly otherStaysAtHosts?: readonly OtherStay[];
  /** Total of the case's budget in its reporting currency. */
  readonly budgetTotalInReporting?: Money | null;
  readonly funderCap?: Money | null;
  /** The coordinator's calendar day. */
  readonly today: IsoDate;
}

export interface PlanCheckOptions {
  /** Minimum minutes between arriving and the next departure, by mode (the larger of both legs' applies). */
  readonly minConnectionMinutes?: Partial<Record<LegMode, number>>;
  /** Two places closer than this are the same place. Default 50 km. */
  readonly samePlaceKm?: number;
  /** Months a travel document must stay valid after the return. Default 6. */
  readonly documentValidityMonths?: number;
  /** Within this many days of departure or of the end, missing visas and return legs become errors. Default 14. */
  readonly urgentDays?: number;
}

export const DEFAULT_MIN_CONNECTION_MINUTES: Readonly<Record<LegMode, number>> = {
  flight: 60,
  train: 15,
  bus: 15,
  ferry: 30,
  car: 0,
  other: 0,
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

interface LegInfo {
  readonly leg: TravelLeg;
  readonly dep: number;
  readonly arr: number;
  /** Which ends fall in the repeated hour when clocks go back. */
  readonly ambiguous: readonly ('depart' | 'arrive')[];
}

/** Runs every plan check; findings sorted errors first, then warnings, then info. */
export function runPlanChecks(input: PlanCheckInput, options: PlanCheckOptions = {}): Finding[] {
  const c = input.case;
  if (isTerminal(c.status)) return [];
  const ctx = makeContext(input, options);
  const out: Finding[] = [];
  checkLegTimes(ctx, out);
  checkLegSequences(ctx, out);
  checkTravellersWithoutStay(ctx, out);
  checkStaysPerPerson(ctx, out);
  checkStays(ctx, out);
  checkDocuments(ctx, out);
  checkVisas(ctx, out);
  checkReturnLeg(ctx, out);
  checkCheckpoints(ctx, out);
  checkBudget(ctx, out);
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

interface Ctx {
  readonly input: PlanCheckInput;
  readonly minConnection: Readonly<Record<LegMode, number>>;
  readonly km: number;
  readonly docMonths: number;
  readonly urgentDays: number;
  readonly end: IsoDate | null;
  readonly people: ReadonlyMap<string, Person>;
  readonly hosts: ReadonlyMap<string, HostLocation>;
  /** Non-cancelled legs whose times resolve, sorted by departure. */
  readonly timedLegs: readonly LegInfo[];
  /** Non-cancelled legs whose times do not resolve. */
  readonly untimedLegs: readonly TravelLeg[];
  /** Per traveller, their timed legs sorted by departure. */
  readonly legsByPerson: ReadonlyMap<PersonId, readonly LegInfo[]>;
}

function makeContext(input: PlanCheckInput, options: PlanCheckOptions): Ctx {
  const hosts = new Map<string, HostLocation>();
  if (isHostMap(input.hosts)) for (const [k, v] of input.hosts) hosts.set(k, v);
  else for (const h of input.hosts) hosts.set(h.id, h);
  const people = new Map<string, Person>();
  for (const p of input.people) people.set(p.id, p);

  const timedLegs: LegInfo[] = [];
  const untimedLegs: TravelLeg[] = [];
  for (const leg of input.legs) {
    if (leg.status === 'cancelled') continue;
    const d = resolveLocal(leg.depart);
    const a = resolveLocal(leg.arrive);
    if (d.ok && a.ok) {
      const ambiguous: ('depart' | 'arrive')[] = [];
      if (d.value.ambiguous) ambiguous.push('depart');
      if (a.value.ambiguous) ambiguous.push('arrive');
      timedLegs.push({ leg, dep: d.value.epochMs, arr: a.value.epochMs, ambiguous });
    } else untimedLegs.push(leg);
  }
  timedLegs.sort((x, y) => x.dep - y.dep || x.arr - y.arr);
  const legsByPerson = new Map<PersonId, LegInfo[]>();
  for (const li of timedLegs) {
    for (const p of li.leg.travellerIds) {
      let list = legsByPerson.get(p);
      if (!list) legsByPerson.set(p, (list = []));
      list.push(li);
    }
  }
  return {
    input,
    minConnection: { ...DEFAULT_MIN_CONNECTION_MINUTES, ...options.minConnectionMinutes },
    km: options.samePlaceKm ?? 50,
    docMonths: options.documentValidityMonths ?? 6,
    urgentDays: options.urgentDays ?? 14,
    end: effectiveEnd(input.case, input.extensions),
    people,
    hosts,
    timedLegs,
    untimedLegs,
    legsByPerson,
  };
}

function isHostMap(h: PlanCheckInput['hosts']): h is ReadonlyMap<HostId, HostLocation> {
  return typeof (h as ReadonlyMap<HostId, HostLocation>).get === 'function' && !Array.isArray(h);
}

function personName(ctx: Ctx, id: string): string {
  return ctx.people.get(id)?.codeName ?? 'a traveller';
}

function legLabel(leg: TravelLeg): string {
  const num = leg.number ? `${leg.number} ` : '';
  return `${num}${leg.from.name} → ${leg.to.name}`;
}

/** Same place: same name and country, or closer than `km`. */
export function samePlace(a: Place, b: Place, km = 50): boolean {
  if (a.countryCode === b.countryCode && normalizePlaceName(a.name) === normalizePlaceName(b.name))
    return true;
  return distanceKm(a, b) <= km;
}

// ---------------------------------------------------------------------------------------------
// Legs

function checkLegTimes(ctx: Ctx, out: Finding[]): void {
  for (const leg of ctx.untimedLegs) {
    for (const field of ['depart', 'arrive'] as const) {
      const r = resolveLocal(leg[field]);
      if (r.ok) continue;
      const message = `${legLabel(leg)}: ${timeErrorMessage(r.error, leg[field].local)}`;
      out.push({
        severity: 'error',
        code: 'leg_time_invalid',
        message,
        params: {
          leg: legLabel(leg),
          which: field,
          local: leg[field].local,
          zone: leg[field].zone,
        },
        fix: {
          tab: 'travel',
          entity: 'legs',
          id: leg.id,
          field: r.error.code === 'invalid_zone' ? `${field}.zone` : `${field}.local`,
        },
      });
    }
  }
  for (const { leg, ambiguous } of ctx.timedLegs) {
    for (const which of ambiguous) {
      const local = leg[which].local;
      out.push({
        severity: 'info',
        code: 'leg_time_ambiguous',
        message: `${legLabel(leg)}: ${local.replace('T', ' ')} happens twice in ${leg[which].zone} (clocks go back that night); the earlier one is assumed. Check the ticket.`,
        params: { leg: legLabel(leg), which, local, zone: leg[which].zone },
        fix: { tab: 'travel', entity: 'legs', id: leg.id, field: `${which}.local` },
      });
    }
  }
  for (const { leg, dep, arr } of ctx.timedLegs) {
    if (arr > dep) continue;
    const params = {
      leg: legLabel(leg),
      depart: formatZoned(leg.depart, { withDate: true }),
      arrive: formatZoned(leg.arrive, { withDate: true }),
      minutes: minutesBetween(dep, arr),
    };
    out.push({
      severity: 'error',
      code: 'leg_arrives_before_departure',
      message: `${params.leg} arrives (${params.arrive}) before it departs (${params.depart}) once time zones are applied. Check the dates and the zones on the ticket.`,
      params,
      fix: { tab: 'travel', entity: 'legs', id: leg.id, field: 'arrive.local' },
    });
  }
}

/** "Kestrel", "Kestrel and Wren", "Kestrel, Wren and Ash". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * Consecutive legs per traveller, paired: a pair shared by several travellers is ONE finding that
 * names them all (in the order of the case's people).
 */
function checkLegSequences(ctx: Ctx, out: Finding[]): void {
  const pairs = new Map<string, { a: LegInfo; b: LegInfo; people: PersonId[] }>();
  for (const [personId, legs] of ctx.legsByPerson) {
    for (let i = 1; i < legs.length; i++) {
      const a = legs[i - 1];
      const b = legs[i];
      // A leg that does not arrive after it departs is already an error; pairing it would only
      // add noise (double bookings and connections computed from a wrong time).
      if (!a || !b || a.arr <= a.dep || b.arr <= b.dep) continue;
      const key = `${a.leg.id}>${b.leg.id}`;
      const pair = pairs.get(key);
      if (pair) pair.people.push(personId);
      else pairs.set(key, { a, b, people: [personId] });
    }
  }
  const order = new Map(ctx.input.people.map((p, i) => [p.id as string, i]));
  for (const { a, b, people } of pairs.values()) {
    people.sort(
      (x, y) =>
        (order.get(x) ?? Number.MAX_SAFE_INTEGER) - (order.get(y) ?? Number.MAX_SAFE_INTEGER),
    );
    const person = joinNames(people.map((p) => personName(ctx, p)));
    const count = people.length;
    const them = count === 1 ? person : 'one of them';
    if (b.dep < a.arr) {
      out.push({
        severity: 'error',
        code: 'traveller_double_booked',
        message: `${person} would be on ${legLabel(a.leg)} and ${legLabel(b.leg)} at the same time. Move one leg or remove ${them} from it.`,
        params: { person, count, first: legLabel(a.leg), second: legLabel(b.leg) },
        fix: { tab: 'travel', entity: 'legs', id: b.leg.id, field: 'depart.local' },
      });
      continue;
    }
    if (!samePlace(a.leg.to, b.leg.from, ctx.km)) {
      const km = Math.round(distanceKm(a.leg.to, b.leg.from));
      out.push({
        severity: 'warning',
        code: 'legs_do_not_connect',
        message: `${person} ${count === 1 ? 'arrives' : 'arrive'} in ${a.leg.to.name} but the next leg leaves from ${b.leg.from.name} (${km} km away). Add the missing leg or correct the place.`,
        params: { person, count, arriveAt: a.leg.to.name, departFrom: b.leg.from.name, km },
        fix: { tab: 'travel', entity: 'legs', id: b.leg.id, field: 'from' },
      });
    }
    const gap = minutesBetween(a.arr, b.dep);
    const min = Math.max(ctx.minConnection[a.leg.mode], ctx.minConnection[b.leg.mode]);
    if (gap < min) {
      out.push({
        severity: 'warning',
        code: 'connection_too_short',
        message: `Only ${formatDuration(gap)} between ${legLabel(a.leg)} and ${legLabel(b.leg)} for ${person}; allow at least ${formatDuration(min)}.`,
        params: {
          person,
          count,
          first: legLabel(a.leg),
          second: legLabel(b.leg),
          minutes: gap,
          minimum: min,
        },
        fix: { tab: 'travel', entity: 'legs', id: b.leg.id, field: 'depart.local' },
      });
    }
  }
}

/**
 * Someone on a (non-cancelled) leg who is in no stay of the case: where do they sleep? One finding
 * for all of them, linking to the Stays tab.
 */
function checkTravellersWithoutStay(ctx: Ctx, out: Finding[]): void {
  const staying = new Set<string>();
  for (const s of ctx.input.stays) for (const p of s.personIds) staying.add(p);
  const travelling = new Set<string>();
  for (const leg of ctx.input.legs) {
    if (leg.status === 'cancelled') continue;
    for (const p of leg.travellerIds) travelling.add(p);
  }
  const missing = ctx.input.people.filter((p) => travelling.has(p.id) && !staying.has(p.id));
  if (missing.length === 0) return;
  const people = joinNames(missing.map((p) => p.codeName));
  out.push({
    severity: 'warning',
    code: 'traveller_without_stay',
    message: `${people} ${missing.length === 1 ? 'travels' : 'travel'} but no stay is planned for them. Add a stay, or add them to an existing stay.`,
    params: { people, count: missing.length },
    fix: { tab: 'stays', entity: 'cases', id: ctx.input.case.id, field: null },
  });
}

// ---------------------------------------------------------------------------------------------
// Stays

function checkStaysPerPerson(ctx: Ctx, out: Finding[]): void {
  const byPerson = new Map<PersonId, Stay[]>();
  for (const s of ctx.input.stays) {
    for (const p of s.personIds) {
      let list = byPerson.get(p);
      if (!list) byPerson.set(p, (list = []));
      list.push(s);
    }
  }
  const seen = new Set<string>();
  for (const [personId, stays] of byPerson) {
    const sorted = [...stays].sort((a, b) =>
      a.checkIn < b.checkIn ? -1 : a.checkIn > b.checkIn ? 1 : 0,
    );
    for (let i = 1; i < sorted.length; i++) {
      const b = sorted[i];
      for (let j = 0; j < i && b; j++) {
        const a = sorted[j];
        if (!a || b.checkIn >= a.checkOut) continue;
        const key = `${a.id}>${b.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const person = personName(ctx, personId);
        out.push({
          severity: 'error',
          code: 'traveller_double_booked',
          message: `${person} is booked at ${hostName(ctx, a.hostId)} and ${hostName(ctx, b.hostId)} on the same nights (${b.checkIn} to ${minDate(a.checkOut, b.checkOut)}). Change the dates or who stays.`,
          params: {
            person,
            first: hostName(ctx, a.hostId),
            second: hostName(ctx, b.hostId),
            from: b.checkIn,
            to: minDate(a.checkOut, b.checkOut),
          },
          fix: { tab: 'stays', entity: 'stays', id: b.id, field: 'checkIn' },
        });
      }
    }
  }
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

function hostName(ctx: Ctx, id: string): string {
  return ctx.hosts.get(id)?.codeName ?? 'an unknown host';
}

function checkStays(ctx: Ctx, out: Finding[]): void {
  const stays = ctx.input.stays;
  const others = ctx.input.otherStaysAtHosts ?? [];
  for (const stay of stays) {
    const host = ctx.hosts.get(stay.hostId);
    if (!host) {
      out.push({
        severity: 'error',
        code: 'stay_host_missing',
        message: 'This stay points to a host that no longer exists. Choose the host again.',
        params: { checkIn: stay.checkIn },
        fix: { tab: 'stays', entity: 'stays', id: stay.id, field: 'hostId' },
      });
      continue;
    }
    const people = stay.personIds.length;
    if (people > host.capacityBeds) {
      out.push({
        severity: 'error',
        code: 'stay_over_capacity',
        message: `${people} people stay at ${host.codeName}, which has ${host.capacityBeds} ${host.capacityBeds === 1 ? 'bed' : 'beds'}. Split the group or choose another host.`,
        params: { host: host.codeName, people, beds: host.capacityBeds },
        fix: { tab: 'stays', entity: 'stays', id: stay.id, field: 'personIds' },
      });
    }
    if (
      host.availability.length > 0 &&
      !host.availability.some((w) => w.from <= stay.checkIn && stay.checkOut <= w.to)
    ) {
      out.push({
        severity: 'warning',
        code: 'stay_outside_availability',
        message: `${host.codeName} is not available for the whole stay (${stay.checkIn} to ${stay.checkOut}). Check its availability or move the dates.`,
        params: { host: host.codeName, checkIn: stay.checkIn, checkOut: stay.checkOut },
        fix: { tab: 'stays', entity: 'stays', id: stay.id, field: 'checkIn' },
      });
    }
    checkHostOverbooked(ctx, stay, host, stays, others, out);
    checkStayStart(ctx, stay, host, out);
  }
}

function checkHostOverbooked(
  ctx: Ctx,
  stay: Stay,
  host: HostLocation,
  own: readonly Stay[],
  others: readonly OtherStay[],
  out: Finding[],
): void {
  const overlapping = (s: { checkIn: IsoDate; checkOut: IsoDate }) =>
    s.checkIn < stay.checkOut && stay.checkIn < s.checkOut;
  const otherHere = others.filter(
    (o) => o.hostId === host.id && o.caseId !== ctx.input.case.id && overlapping(o),
  );
  if (otherHere.length === 0) return;
  const intervals: { checkIn: IsoDate; checkOut: IsoDate; n: number }[] = [
    ...own
      .filter((s) => s.hostId === host.id && overlapping(s))
      .map((s) => ({ checkIn: s.checkIn, checkOut: s.checkOut, n: s.personIds.length })),
    ...otherHere.map((o) => ({ checkIn: o.checkIn, checkOut: o.checkOut, n: o.peopleCount })),
  ];
  // Occupancy only rises at a check-in, so the nights to test are this stay's first night and
  // every check-in that falls inside it.
  const nights = new Set<IsoDate>([stay.checkIn]);
  for (const iv of intervals)
    if (iv.checkIn > stay.checkIn && iv.checkIn < stay.checkOut) nights.add(iv.checkIn);
  let worst: { night: IsoDate; occupancy: number } | null = null;
  for (const night of [...nights].sort()) {
    let occupancy = 0;
    for (const iv of intervals) if (iv.checkIn <= night && night < iv.checkOut) occupancy += iv.n;
    if (occupancy > host.capacityBeds && (!worst || occupancy > worst.occupancy))
      worst = { night, occupancy };
  }
  if (!worst) return;
  out.push({
    severity: 'error',
    code: 'host_overbooked',
    message: `With other cases' stays, ${host.codeName} would have ${worst.occupancy} people for ${host.capacityBeds} beds on the night of ${worst.night}. Move the dates or choose another host.`,
    params: {
      host: host.codeName,
      night: worst.night,
      occupancy: worst.occupancy,
      beds: host.capacityBeds,
    },
    fix: { tab: 'stays', entity: 'stays', id: stay.id, field: 'checkIn' },
  });
}

function checkStayStart(ctx: Ctx, stay: Stay, host: HostLocation, out: Finding[]): void {
  const members = new Set<string>(stay.personIds);
  let inbound: LegInfo | null = null;
  for (const li of ctx.timedLegs) {
    if (!li.leg.travellerIds.some((p) => members.has(p))) continue;
    // While a leg of these people before check-in has impossible times, where they arrive from
    // cannot be judged; that leg is already reported.
    if (li.arr <= li.dep && localDateOf(li.leg.depart.local) <= stay.checkIn) return;
    if (li.arr <= li.dep || localDateOf(li.leg.arrive.local) > stay.checkIn) continue;
    if (!inbound || li.arr > inbound.arr) inbound = li;
  }
  if (!inbound) return;
  const arrivalDate = localDateOf(inbound.leg.arrive.local);
  // A stay of the same people that ends between that arrival and this check-in means they came
  // from that stay, not straight from the leg.
  const cameFromStay = ctx.input.stays.some(
    (s) =>
      s.id !== stay.id &&
      s.personIds.some((p) => members.has(p)) &&
      s.checkOut >= arrivalDate &&
      s.checkOut <= stay.checkIn &&
      s.checkIn < stay.checkIn,
  );
  if (cameFromStay) return;
  const km = distanceKm(inbound.leg.to, host);
  if (km <= ctx.km) return;
  const params = {
    host: host.codeName,
    city: host.city,
    arriveAt: inbound.leg.to.name,
    km: Math.round(km),
    leg: legLabel(inbound.leg),
  };
  out.push({
    severity: 'warning',
    code: 'stay_start_mismatch',
    message: `The stay at ${host.codeName} (${host.city}) starts ${params.km} km from where ${params.leg} arrives (${params.arriveAt}). Add the missing leg or check the host.`,
    params,
    fix: { tab: 'stays', entity: 'stays', id: stay.id, field: 'hostId' },
  });
}

// ---------------------------------------------------------------------------------------------
// People: documents and visas

/** People on a non-cancelled leg that crosses a border, and people on any non-cancelled leg. */
function travellers(ctx: Ctx): { crossing: Set<string>; any: Set<string> } {
  const crossing = new Set<string>();
  const any = new Set<string>();
  for (const leg of ctx.input.legs) {
    if (leg.status === 'cancelled') continue;
    for (const p of leg.travellerIds) {
      any.add(p);
      if (leg.from.countryCode !== leg.to.countryCode) crossing.add(p);
    }
  }
  return { crossing, any };
}

function checkDocuments(ctx: Ctx, out: Finding[]): void {
  const { crossing, any } = travellers(ctx);
  for (const person of ctx.input.people) {
    // Someone whose legs all stay inside one country needs no travel document for this plan;
    // someone without legs yet is checked, because their route is not known.
    if (any.has(person.id) && !crossing.has(person.id)) continue;
    const doc = person.travelDocument;
    if (!doc) {
      if (crossing.has(person.id)) {
        out.push({
          severity: 'error',
          code: 'document_missing',
          message: `${person.codeName} crosses a border but has no travel document recorded. Add the passport or travel document.`,
          params: { person: person.codeName },
          fix: { tab: 'people', entity: 'people', id: person.id, field: 'travelDocument' },
        });
      }
      continue;
    }
    if (!ctx.end) continue;
    const required = addMonths(ctx.end, ctx.docMonths);
    if (doc.expiry >= required) continue;
    const params = {
      person: person.codeName,
      expiry: doc.expiry,
      returnDate: ctx.end,
      requiredUntil: required,
      months: ctx.docMonths,
    };
    out.push({
      severity: doc.expiry < ctx.end ? 'error' : 'warning',
      code: 'document_expires_too_soon',
      message:
        doc.expiry < ctx.end
          ? `${person.codeName}'s travel document expires on ${doc.expiry}, before the return on ${ctx.end}. Renew it before travel.`
          : `${person.codeName}'s travel document expires on ${doc.expiry}, less than ${ctx.docMonths} months after the return on ${ctx.end} (valid until ${required} needed). Renew it or check the entry rules.`,
      params,
      fix: { tab: 'people', entity: 'people', id: person.id, field: 'travelDocument.expiry' },
    });
  }
}

function checkVisas(ctx: Ctx, out: Finding[]): void {
  for (const visa of ctx.input.visas) {
    const person = personName(ctx, visa.personId);
    const entry = ctx.legsByPerson
      .get(visa.personId)
      ?.find(
        (li) => li.leg.to.countryCode === visa.country && li.leg.from.countryCode !== visa.country,
      );
    if (!entry) continue;
    const departDate = localDateOf(entry.leg.depart.local);
    const arriveDate = localDateOf(entry.leg.arrive.local);
    switch (visa.status) {
      case 'not_needed':
        break;
      case 'to_apply':
      case 'applied':
      case 'refused': {
        const daysLeft = daysBetween(ctx.input.today, departDate);
        const severity: Severity =
          visa.status === 'refused' || daysLeft <= ctx.urgentDays ? 'error' : 'warning';
        const state =
          visa.status === 'refused'
            ? 'was refused'
            : visa.status === 'applied'
              ? 'is applied for but not granted'
              : 'is not applied for yet';
        out.push({
          severity,
          code: 'visa_not_granted',
          message: `${person}'s visa for ${visa.country} ${state}, and ${legLabel(entry.leg)} departs on ${departDate}${daysLeft >= 0 ? ` (in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'})` : ''}. ${visa.status === 'refused' ? 'Plan another route or destination.' : 'Get the visa granted or move the leg.'}`,
          params: {
            person,
            country: visa.country,
            status: visa.status,
            departDate,
            daysLeft,
            leg: legLabel(entry.leg),
          },
          fix: { tab: 'people', entity: 'visas', id: visa.id, field: 'status' },
        });
        break;
      }
      case 'granted': {
        if (
          (visa.validFrom && arriveDate < visa.validFrom) ||
          (visa.validTo && arriveDate > visa.validTo)
        ) {
          out.push({
            severity: 'error',
            code: 'visa_not_valid_on_entry',
            message: `${person}'s visa for ${visa.country} is valid ${visa.validFrom ?? '…'} to ${visa.validTo ?? '…'}, but they arrive on ${arriveDate}. Move the leg or correct the visa dates.`,
            params: {
              person,
              country: visa.country,
              arriveDate,
              validFrom: visa.validFrom ?? '',
              validTo: visa.validTo ?? '',
            },
            fix: {
              tab: 'people',
              entity: 'visas',
              id: visa.id,
              field: visa.validFrom && arriveDate < visa.validFrom ? 'validFrom' : 'validTo',
            },
          });
          break;
        }
        if (visa.validTo) {
          let lastNight: IsoDate | null = null;
          for (const s of ctx.input.stays) {
            const h = ctx.hosts.get(s.hostId);
            if (
              h?.countryCode === visa.country &&
              s.personIds.includes(visa.personId) &&
              (!lastNight || s.checkOut > lastNight)
            )
              lastNight = s.checkOut;
          }
          if (lastNight && lastNight > visa.validTo) {
            out.push({
              severity: 'warning',
              code: 'visa_expires_during_stay',
              message: `${person}'s visa for ${visa.country} ends on ${visa.validTo}, before their stay there ends on ${lastNight}. Apply for a renewal or shorten the stay.`,
              params: { person, country: visa.country, validTo: visa.validTo, stayEnd: lastNight },
              fix: { tab: 'people', entity: 'visas', id: visa.id, field: 'validTo' },
            });
          }
        }
        break;
      }
      default:
        assertNever(visa.status, 'visa status');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Return, checkpoints, budget

function checkReturnLeg(ctx: Ctx, out: Finding[]): void {
  const c = ctx.input.case;
  if (!ctx.end || c.status === 'onward_exit' || c.status === 'returned' || c.status === 'follow_up')
    return;
  const first = ctx.timedLegs[0];
  if (!first) return;
  const origin = first.leg.from;
  const home = new Set<string>([origin.countryCode]);
  for (const p of ctx.input.people)
    if (p.role === 'principal' && p.nationality) home.add(p.nationality);
  const end = ctx.end;
  const isReturn = (li: LegInfo) => {
    const leg = li.leg;
    if (leg.status !== 'booked' && leg.status !== 'done') return false;
    if (li.dep <= first.dep || localDateOf(leg.depart.local) > end) return false;
    const crossesHome = home.has(leg.to.countryCode) && !home.has(leg.from.countryCode);
    const backToOrigin =
      distanceKm(leg.to, origin) <= ctx.km && distanceKm(leg.from, origin) > ctx.km;
    return crossesHome || backToOrigin;
  };
  const missing: string[] = [];
  for (const [personId, legs] of ctx.legsByPerson) {
    if (!legs.some(isReturn)) missing.push(personName(ctx, personId));
  }
  if (missing.length === 0) return;
  const daysLeft = daysBetween(ctx.input.today, end);
  out.push({
    severity: daysLeft <= ctx.urgentDays ? 'error' : 'warning',
    code: 'no_return_leg',
    message: `No return leg is booked by the planned end (${end}) for ${missing.join(', ')}. Book the return journey or record an extension.`,
    params: { people: missing.join(', '), count: missing.length, end, daysLeft },
    fix: { tab: 'travel', entity: 'cases', id: c.id, field: null },
  });
}

function checkCheckpoints(ctx: Ctx, out: Finding[]): void {
  const c = ctx.input.case;
  const end = ctx.end;
  if (end && c.status !== 'onward_exit' && !ctx.input.checkpoints.some((cp) => cp.dueDate <= end)) {
    out.push({
      severity: 'warning',
      code: 'no_checkpoint_before_end',
      message: `No return-readiness checkpoint is scheduled before the planned end (${ctx.end}). Generate the checkpoint schedule or add a pre-return review.`,
      params: { end: ctx.end },
      fix: { tab: 'checkpoints', entity: 'cases', id: c.id, field: null },
    });
  }
  for (const cp of ctx.input.checkpoints) {
    if (!isCheckpointOverdue(cp, ctx.input.today)) continue;
    const days = daysBetween(cp.dueDate, ctx.input.today);
    out.push({
      severity: 'warning',
      code: 'checkpoint_overdue',
      message: `The ${cp.kind.replace(/_/g, ' ')} checkpoint was due on ${cp.dueDate} (${days} ${days === 1 ? 'day' : 'days'} ago) and has no decision yet. Hold the review with the protection officer.`,
      params: { kind: cp.kind, dueDate: cp.dueDate, daysOverdue: days },
      // Checkpoints have no review form yet: the link shows the checkpoint's row, no field.
      fix: { tab: 'checkpoints', entity: 'checkpoints', id: cp.id, field: null },
    });
  }
}

function checkBudget(ctx: Ctx, out: Finding[]): void {
  const total = ctx.input.budgetTotalInReporting;
  const cap = ctx.input.funderCap;
  if (!total || !cap) return;
  const fix: FindingFix = { tab: 'budget', entity: 'cases', id: ctx.input.case.id, field: null };
  if (total.currency !== cap.currency) {
    out.push({
      severity: 'warning',
      code: 'budget_currency_mismatch',
      message: `The budget total is in ${total.currency} but the funder's cap is in ${cap.currency}; they cannot be compared. Set the cap in the reporting currency.`,
      params: { totalCurrency: total.currency, capCurrency: cap.currency },
      fix,
    });
    return;
  }
  if (total.amount <= cap.amount) return;
  const over = formatMoney({
    amount: (total.amount - cap.amount) as Money['amount'],
    currency: total.currency,
  });
  out.push({
    severity: 'error',
    code: 'budget_over_cap',
    message: `The budget (${formatMoney(total)}) is ${over} over the funder's cap (${formatMoney(cap)}). Reduce costs or ask for more funding.`,
    params: {
      total: formatMoney(total),
      cap: formatMoney(cap),
      over,
      overMinor: total.amount - cap.amount,
      currency: total.currency,
    },
    fix,
  });
}

// ---------------------------------------------------------------------------------------------
// Form validators

/**
 * Field errors that block saving a leg: a departure or arrival time that does not exist or has an
 * unknown zone, and an arrival that is not after the departure once zones are applied.
 */
export function validateLeg(leg: Pick<TravelLeg, 'depart' | 'arrive'>): FieldError[] {
  const errors: FieldError[] = [];
  const d = resolveLocal(leg.depart);
  const a = resolveLocal(leg.arrive);
  for (const [field, r, zl] of [
    ['depart', d, leg.depart],
    ['arrive', a, leg.arrive],
  ] as const) {
    if (!r.ok) {
      errors.push({
        field: r.error.code === 'invalid_zone' ? `${field}.zone` : `${field}.local`,
        message: timeErrorMessage(r.error, zl.local),
      });
    }
  }
  if (d.ok && a.ok && a.value.epochMs <= d.value.epochMs) {
    errors.push({
      field: 'arrive.local',
      message: `Arrival (${formatZoned(leg.arrive, { withDate: true })}) is not after departure (${formatZoned(leg.depart, { withDate: true })}) once time zones are applied; check the date and the zone of each end`,
    });
  }
  return errors;
}

/** Field errors that block saving a stay: dates in the wrong order, more people than the host's beds. */
export function validateStay(
  stay: Pick<Stay, 'checkIn' | 'checkOut' | 'personIds'>,
  host: Pick<HostLocation, 'codeName' | 'capacityBeds'> | null | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  if (stay.checkOut <= stay.checkIn)
    errors.push({
      field: 'checkOut',
      message: 'Check-out must be at least one day after check-in',
    });
  if (stay.personIds.length === 0)
    errors.push({ field: 'personIds', message: 'Choose at least one person who stays here' });
  if (host && stay.personIds.length > host.capacityBeds) {
    errors.push({
      field: 'personIds',
      message: `${host.codeName} has ${host.capacityBeds} ${host.capacityBeds === 1 ? 'bed' : 'beds'} for ${stay.personIds.length} people; choose fewer people or another host`,
    });
  }
  return errors;
}

/** Findings grouped by the tab that fixes them (for badges on the case tabs). */
export function findingsByTab(findings: readonly Finding[]): Record<FixTab, Finding[]> {
  const out: Record<FixTab, Finding[]> = {
    people: [],
    travel: [],
    stays: [],
    checkpoints: [],
    budget: [],
    overview: [],
  };
  for (const f of findings) out[f.fix.tab].push(f);
  return out;
}

/** The most severe level among findings, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) {
    if (worst === null || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  }
  return worst;
}
