/**
 * The plan the plan-check tests start from, and small helpers. `runPlanChecks` here is the
 * domain's, with each finding's link as the case page makes it (`fix.tab` from
 * features/cases/finding-links), so the tests say which tab a finding opens as before.
 */
import { runPlanChecks as runDomainChecks } from '../../../../src/domain/plan-checks';
import type {
  Finding,
  FindingCode,
  PlanCheckInput,
  PlanCheckOptions,
} from '../../../../src/domain/plan-checks';
import { money } from '../../../../src/domain/money';
import type { IsoDate } from '../../../../src/domain/time';
import type { Person, Stay } from '../../../../src/domain/entities';
import { expect } from 'vitest';
import i18next from '../../../../src/i18n';
import { findingLink, type FindingLink } from '../../../../src/features/cases/finding-links';
import { findingText } from '../../../../src/features/cases/finding-text';
import {
  PLACES,
  makeCase,
  makeCheckpoint,
  makeHost,
  makeLeg,
  makePerson,
  makeStay,
  makeVisa,
} from '../../builders';

export type LinkedFinding = Finding & { readonly fix: FindingLink };

/**
 * Every finding the plan-check tests produce is also checked in the UI's words: the English
 * translation rebuilds the domain's message exactly, and the Russian one leaves no placeholder
 * and no English sentence behind.
 */
function expectTranslated(f: Finding): void {
  const en = i18next.getFixedT('en');
  const ru = i18next.getFixedT('ru');
  expect(findingText(en, f, 'en')).toBe(f.message);
  const russian = findingText(ru, f, 'ru');
  expect(russian).not.toMatch(/\{\{|\}\}|findings\./);
  expect(russian).toMatch(/[а-яё]/i);
  expect(russian).not.toBe(f.message);
}

export function runPlanChecks(input: PlanCheckInput, options?: PlanCheckOptions): LinkedFinding[] {
  return runDomainChecks(input, options).map((f) => {
    expectTranslated(f);
    return { ...f, fix: findingLink(f) };
  });
}

/**
 * A clean plan: Kestrel (principal) and Wren (child) fly Tbilisi → Istanbul → Paris on 28 March 2026,
 * stay at a Paris host until 26 June and fly back the same way; visas granted; one pre-return review.
 */
export function cleanPlan(): PlanCheckInput & { people: Person[]; stays: Stay[] } {
  const travellers = ['p-1', 'p-2'];
  return {
    case: makeCase(),
    people: [
      makePerson(),
      makePerson({
        id: 'p-2',
        codeName: 'Wren',
        role: 'dependant',
        relationship: 'child',
        dateOfBirth: '2015-02-02',
      }),
    ],
    legs: [
      makeLeg({ id: 'leg-1', travellerIds: travellers }),
      makeLeg({
        id: 'leg-2',
        number: 'TK1821',
        from: PLACES.istanbul,
        to: PLACES.parisCdg,
        depart: { local: '2026-03-28T08:00', zone: 'Europe/Istanbul' },
        arrive: { local: '2026-03-28T10:30', zone: 'Europe/Paris' },
        travellerIds: travellers,
      }),
      makeLeg({
        id: 'leg-3',
        number: 'TK1822',
        from: PLACES.parisCdg,
        to: PLACES.istanbul,
        depart: { local: '2026-06-26T11:00', zone: 'Europe/Paris' },
        arrive: { local: '2026-06-26T15:30', zone: 'Europe/Istanbul' },
        travellerIds: travellers,
      }),
      makeLeg({
        id: 'leg-4',
        number: 'TK384',
        from: PLACES.istanbul,
        to: PLACES.tbilisi,
        depart: { local: '2026-06-26T17:30', zone: 'Europe/Istanbul' },
        arrive: { local: '2026-06-26T21:00', zone: 'Asia/Tbilisi' },
        travellerIds: travellers,
      }),
    ],
    stays: [makeStay({ personIds: travellers })],
    visas: [makeVisa(), makeVisa({ id: 'visa-2', personId: 'p-2' })],
    checkpoints: [makeCheckpoint()],
    extensions: [],
    hosts: [makeHost()],
    otherStaysAtHosts: [],
    budgetTotalInReporting: money(500000, 'EUR'),
    funderCap: money(1000000, 'EUR'),
    today: '2026-03-01' as IsoDate,
  };
}

export function codes(findings: Finding[]): FindingCode[] {
  return findings.map((f) => f.code);
}
export function only(findings: Finding[], code: FindingCode): Finding[] {
  return findings.filter((f) => f.code === code);
}
export function withLeg(
  input: PlanCheckInput,
  id: string,
  over: Parameters<typeof makeLeg>[0],
): PlanCheckInput {
  const base = input.legs.find((l) => l.id === id)!;
  return {
    ...input,
    legs: input.legs.map((l) => (l.id === id ? makeLeg({ ...base, ...over }) : l)),
  };
}
