/** Derived budget lines follow the plan: stay dates, the people on a stay, per diem across a rate change. */
import { describe, expect, it } from 'vitest';
import {
  CaseItemsCache,
  budgetItems,
  caseItems,
  deriveBudget,
  overrideInput,
  type BudgetSources,
  type DerivedLine,
} from '../../../../src/domain/budget';
import type { HostId } from '../../../../src/domain/ids';
import {
  bundle,
  makeBudgetLine,
  makeCase,
  makeHost,
  makeLeg,
  makePerDiemRate,
  makePerson,
  makeStay,
  makeVisa,
} from '../../builders';

const host = makeHost({ nightlyCost: { amount: 6000, currency: 'EUR' } });
const hosts = new Map([[host.id as HostId, host]]);
const adult = makePerson({ id: 'p-1', dateOfBirth: '1985-05-05' });
const partner = makePerson({
  id: 'p-2',
  codeName: 'Wren',
  role: 'dependant',
  relationship: 'partner',
  dateOfBirth: '1987-01-01',
});
// Turns 18 on 2026-05-01, in the middle of the stay.
const teen = makePerson({
  id: 'p-3',
  codeName: 'Acorn',
  role: 'dependant',
  relationship: 'child',
  dateOfBirth: '2008-05-01',
});
const spring = makePerDiemRate({
  id: 'pd-spring',
  amount: 4000,
  childAmount: 2000,
  validFrom: '2026-01-01',
});
const summer = makePerDiemRate({
  id: 'pd-summer',
  amount: 5000,
  childAmount: 2500,
  validFrom: '2026-04-15',
});

function sources(over: Partial<BudgetSources> = {}): BudgetSources {
  return { hosts, perDiemRates: [spring, summer], convention: 'nights', ...over };
}

function byKey(lines: readonly DerivedLine[]): Record<string, DerivedLine> {
  return Object.fromEntries(lines.map((l) => [l.sourceKey, l]));
}

describe('deriveBudget', () => {
  it('Given a family with a minor over a stay that crosses a rate change, When derived, Then per diem is split by rate and age group', () => {
    const stay = makeStay({
      checkIn: '2026-04-01',
      checkOut: '2026-06-01',
      personIds: ['p-1', 'p-2', 'p-3'],
    });
    const d = deriveBudget({
      case: makeCase(),
      people: [adult, partner, teen],
      stays: [stay],
      legs: [],
      visas: [],
      hosts,
      perDiemRates: [spring, summer],
      convention: 'nights',
    });
    const lines = byKey(d.lines);
    // 61 nights; the rate changes on 04-15 (14 nights before), the teen turns 18 on 05-01.
    expect(lines['stay:stay-1']).toMatchObject({ quantity: 61, unitAmount: 6000 });
    expect(lines['perdiem:stay-1:pd-spring:adult']).toMatchObject({
      quantity: 28,
      unitAmount: 4000,
    });
    expect(lines['perdiem:stay-1:pd-spring:child']).toMatchObject({
      quantity: 14,
      unitAmount: 2000,
    });
    // adults 2 × 47 days, the teen from 05-01 to 05-31 as an adult: 31 days.
    expect(lines['perdiem:stay-1:pd-summer:adult']).toMatchObject({
      quantity: 94 + 31,
      unitAmount: 5000,
    });
    // the teen as a child from 04-15 to 04-30: 16 days.
    expect(lines['perdiem:stay-1:pd-summer:child']).toMatchObject({
      quantity: 16,
      unitAmount: 2500,
    });
    const personDays = d.lines
      .filter((l) => l.category === 'per_diem')
      .reduce((n, l) => n + l.quantity, 0);
    expect(personDays).toBe(3 * 61);
    expect(d.perDiemGaps).toEqual([]);
  });

  it('Given the nights + 1 convention, When derived, Then the check-out day counts too', () => {
    const stay = makeStay({ checkIn: '2026-02-01', checkOut: '2026-02-11', personIds: ['p-1'] });
    const input = {
      case: makeCase(),
      people: [adult],
      stays: [stay],
      legs: [],
      visas: [],
      hosts,
      perDiemRates: [spring],
    };
    const nights = byKey(deriveBudget({ ...input, convention: 'nights' }).lines);
    const plusOne = byKey(deriveBudget({ ...input, convention: 'nights_plus_one' }).lines);
    expect(nights['perdiem:stay-1:pd-spring:adult']?.quantity).toBe(10);
    expect(plusOne['perdiem:stay-1:pd-spring:adult']?.quantity).toBe(11);
  });

  it('Given a destination without a rate, When derived, Then the days are a gap, not a zero line', () => {
    const stay = makeStay({ checkIn: '2025-11-01', checkOut: '2026-01-05' });
    const d = deriveBudget({
      case: makeCase(),
      people: [adult],
      stays: [stay],
      legs: [],
      visas: [],
      hosts,
      perDiemRates: [spring],
      convention: 'nights',
    });
    expect(d.perDiemGaps).toEqual([
      expect.objectContaining({ from: '2025-11-01', to: '2026-01-01', countryCode: 'FR' }),
    ]);
    expect(byKey(d.lines)['perdiem:stay-1:pd-spring:adult']?.quantity).toBe(4);
  });

  it('Given legs with costs and a visa with a fee, When derived, Then travel and visa lines follow them', () => {
    const leg = makeLeg({ cost: { amount: 32000, currency: 'USD' } });
    const cancelled = makeLeg({
      id: 'leg-2',
      status: 'cancelled',
      cost: { amount: 1, currency: 'USD' },
    });
    const visa = makeVisa({ fee: { amount: 8000, currency: 'EUR' } });
    const d = deriveBudget({
      case: makeCase(),
      people: [adult],
      stays: [],
      legs: [leg, cancelled],
      visas: [visa],
      hosts,
      perDiemRates: [],
      convention: 'nights',
    });
    expect(d.lines.map((l) => [l.sourceKey, l.unitAmount, l.currency, l.date])).toEqual([
      ['leg:leg-1', 32000, 'USD', '2026-03-28'],
      ['visa:visa-1', 8000, 'EUR', '2026-03-01'],
    ]);
  });
});

describe('derived lines follow the plan', () => {
  const c = makeCase();
  const stay = makeStay({ checkIn: '2026-03-01', checkOut: '2026-03-31', personIds: ['p-1'] });
  it('Given a stay whose dates change, When re-derived, Then nights and person-days change', () => {
    const before = caseItems(bundle(c, { people: [adult, partner], stays: [stay] }), sources());
    const moved = { ...stay, checkOut: '2026-04-10' as typeof stay.checkOut };
    const after = caseItems(bundle(c, { people: [adult, partner], stays: [moved] }), sources());
    const nights = (items: typeof before.items) =>
      items.find((i) => i.category === 'accommodation')?.quantity;
    expect(nights(before.items)).toBe(30);
    expect(nights(after.items)).toBe(40);
  });

  it('Given a person added to the stay, When re-derived, Then the per diem person-days grow', () => {
    const pd = (s: typeof stay) =>
      caseItems(bundle(c, { people: [adult, partner], stays: [s] }), sources())
        .items.filter((i) => i.category === 'per_diem')
        .reduce((n, i) => n + i.quantity, 0);
    expect(pd(stay)).toBe(30);
    expect(pd({ ...stay, personIds: [...stay.personIds, partner.id] })).toBe(60);
  });
});

describe('overrides', () => {
  const c = makeCase();
  const stay = makeStay({ checkIn: '2026-03-01', checkOut: '2026-03-31', personIds: ['p-1'] });
  const derive = (s: typeof stay) =>
    deriveBudget({
      case: c,
      people: [adult],
      stays: [s],
      legs: [],
      visas: [],
      hosts,
      perDiemRates: [],
      convention: 'nights',
    }).lines;

  it('Given an override of the accommodation line, When the plan changes and lines are re-derived, Then the override is kept and says the derived figure now differs', () => {
    const accommodation = derive(stay)[0] as DerivedLine;
    const override = makeBudgetLine({
      id: 'bl-o',
      ...overrideInput(
        c.id,
        accommodation,
        { quantity: 30, unitAmount: 5000 as never },
        {
          funder: '',
          grantCode: '',
          notes: 'Negotiated rate',
        },
      ),
    });
    const same = budgetItems(c, derive(stay), [override]);
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ key: 'bl-o', unitAmount: 5000, override: { differs: false } });

    const longer = derive({ ...stay, checkOut: '2026-04-05' as typeof stay.checkOut });
    const after = budgetItems(c, longer, [override]);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      key: 'bl-o',
      quantity: 30,
      unitAmount: 5000,
      override: { differs: true, orphaned: false },
    });
    expect(after[0]?.derived?.quantity).toBe(35);
  });

  it('Given an override whose stay was deleted, When re-derived, Then it stays, marked as no longer in the plan', () => {
    const accommodation = derive(stay)[0] as DerivedLine;
    const override = makeBudgetLine({
      id: 'bl-o',
      ...overrideInput(
        c.id,
        accommodation,
        { quantity: 10, unitAmount: 5000 as never },
        {
          funder: '',
          grantCode: '',
          notes: '',
        },
      ),
    });
    const items = budgetItems(c, [], [override]);
    expect(items).toEqual([
      expect.objectContaining({ key: 'bl-o', override: { differs: true, orphaned: true } }),
    ]);
  });
});

describe('items per case, cached', () => {
  it('Given unchanged records, When asked again, Then the same items come back; a changed stay re-derives only that case', () => {
    const cache = new CaseItemsCache();
    const c1 = bundle(makeCase({ id: 'case-1' }), {
      people: [adult],
      stays: [makeStay({ personIds: ['p-1'] })],
    });
    const c2 = bundle(makeCase({ id: 'case-2', codeName: 'Wren' }), {});
    const src = sources();
    const first = cache.entriesOf(
      new Map([
        ['case-1', c1],
        ['case-2', c2],
      ]),
      src,
    );
    const again = cache.entriesOf(
      new Map([
        ['case-1', c1],
        ['case-2', c2],
      ]),
      src,
    );
    expect(again[0]?.items).toBe(first[0]?.items);
    const moved = { ...c1, stays: [makeStay({ personIds: ['p-1'], checkOut: '2026-07-01' })] };
    const after = cache.entriesOf(
      new Map([
        ['case-1', moved],
        ['case-2', c2],
      ]),
      src,
    );
    expect(after[0]?.items).not.toBe(first[0]?.items);
    expect(after[1]?.items).toBe(first[1]?.items);
  });
});
