/** Conversion between currencies with different exponents, the dated rate book, totals, caps and the budget findings. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  budgetAcross,
  budgetItems,
  budgetPlannedVsActualInMonth,
  capBreaches,
  capUsage,
  caseBudget,
  rateBook,
  type BudgetEntry,
  type FunderCap,
} from '../../../../src/domain/budget';
import {
  convertMoney,
  convertMoneyWithDinero,
  currency,
  currencyDigits,
  money,
  type DecimalString,
  type MinorUnits,
} from '../../../../src/domain/money';
import { runPlanChecks } from '../../../../src/domain/plan-checks';
import { makeBudgetLine, makeCase, makeExchangeRate } from '../../builders';
import { cleanPlan } from '../plan-checks/helpers';

const EUR = currency('EUR');
const JPY = currency('JPY');
const KWD = currency('KWD');
const USD = currency('USD');

describe('ISO 4217 exponents and rounding', () => {
  it('Given the ISO table from dinero.js, When asking digits, Then JPY 0, KWD 3 and COP 2 (ISO, not Intl)', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(currencyDigits('COP')).toBe(2);
  });
  it('Given KWD to JPY and JPY to KWD, When converted, Then results round half away from zero once in the target exponent', () => {
    // 1.234 KWD × 487.75 = 601.8835 JPY -> 602
    expect(convertMoney(money(1234, 'KWD') as never, JPY, '487.75' as DecimalString)).toEqual({
      ok: true,
      value: { amount: 602, currency: 'JPY' },
    });
    // 1001 JPY × 0.0020505 = 2.0525505 KWD -> 2.053 KWD
    expect(convertMoney(money(1001, 'JPY'), KWD, '0.0020505' as DecimalString)).toEqual({
      ok: true,
      value: { amount: 2053, currency: 'KWD' },
    });
    // exactly half: 0.05 EUR × 0.5 = 0.025 USD -> 0.03; negative -> -0.03
    expect(convertMoney(money(5, 'EUR'), USD, '0.5' as DecimalString)).toEqual({
      ok: true,
      value: { amount: 3, currency: 'USD' },
    });
    expect(convertMoney(money(-5, 'EUR'), USD, '0.5' as DecimalString)).toEqual({
      ok: true,
      value: { amount: -3, currency: 'USD' },
    });
  });
});

describe('rate book', () => {
  const book = rateBook([
    makeExchangeRate({ id: 'a', from: 'USD', to: 'EUR', rate: '0.90', asOf: '2026-03-01' }),
    makeExchangeRate({ id: 'b', from: 'USD', to: 'EUR', rate: '0.95', asOf: '2026-04-01' }),
  ]);
  it('Given rates on two dates, When converting a line, Then the latest on or before the line date is used and recorded', () => {
    expect(book.convert(10000, USD, EUR, '2026-03-31' as never)).toEqual({
      ok: true,
      amount: { amount: 9000, currency: 'EUR' },
      rate: { from: 'USD', to: 'EUR', rate: '0.90', asOf: '2026-03-01' },
    });
    expect(book.convert(10000, USD, EUR, '2026-04-01' as never)).toMatchObject({
      ok: true,
      amount: { amount: 9500 },
      rate: { asOf: '2026-04-01' },
    });
  });
  it('Given a line before the first rate or in the other direction, When converting, Then the pair and date are missing, not zero', () => {
    expect(book.convert(10000, USD, EUR, '2026-02-28' as never)).toEqual({
      ok: false,
      missing: { from: 'USD', to: 'EUR', date: '2026-02-28' },
    });
    expect(book.convert(10000, EUR, USD, '2026-05-01' as never).ok).toBe(false);
  });
});

describe('totals', () => {
  const c = makeCase({ funder: 'Fund A', grantCode: 'G-1' });
  const lines = [
    makeBudgetLine({
      id: 'l1',
      category: 'travel',
      unitAmount: 10000,
      currency: 'USD',
      date: '2026-03-10',
    }),
    makeBudgetLine({
      id: 'l2',
      category: 'travel',
      unitAmount: 2500,
      currency: 'EUR',
      kind: 'actual',
      date: '2026-03-12',
    }),
    makeBudgetLine({
      id: 'l3',
      category: 'legal',
      quantity: 2,
      unitAmount: 1000,
      currency: 'JPY',
      date: '2026-04-02',
    }),
  ];
  const book = rateBook([
    makeExchangeRate({ from: 'USD', to: 'EUR', rate: '0.9', asOf: '2026-03-01' }),
  ]);
  const items = budgetItems(c, [], lines);
  it('Given lines in three currencies and one missing rate, When totalled, Then converted lines sum and the JPY line is listed missing', () => {
    const b = caseBudget(items, EUR, book);
    expect(b.categories).toEqual([
      { category: 'travel', planned: 9000, actual: 2500, remaining: 6500 },
      { category: 'legal', planned: 0, actual: 0, remaining: 0 },
    ]);
    expect(b.missing).toEqual([{ from: 'JPY', to: 'EUR', date: '2026-04-02' }]);
    expect(b.ratesUsed).toEqual([{ from: 'USD', to: 'EUR', rate: '0.9', asOf: '2026-03-01' }]);
  });
  it('Given cases, When grouped by month, Then each figure keeps the lines behind it, and the month function matches', () => {
    const entries: BudgetEntry[] = [{ caseId: c.id, codeName: c.codeName, items }];
    const r = budgetAcross(entries, EUR, book, 'month');
    expect(r.groups.map((g) => [g.key, g.planned, g.actual, g.refs.map((x) => x.key)])).toEqual([
      ['2026-03', 9000, 2500, ['l1', 'l2']],
      ['2026-04', 0, 0, ['l3']],
    ]);
    expect(budgetPlannedVsActualInMonth(entries, '2026-03', EUR, book)).toEqual({
      planned: 9000,
      actual: 2500,
      remaining: 6500,
      missing: [],
    });
    expect(budgetAcross(entries, EUR, book, 'category', { category: 'travel' }).lineCount).toBe(2);
  });
});

describe('caps and budget findings', () => {
  const cap: FunderCap = {
    id: 'cap',
    funder: 'Fund A',
    grantCode: '',
    currency: EUR,
    perCase: 10000 as MinorUnits,
    total: 15000 as MinorUnits,
  };
  const book = rateBook([]);
  const entry = (id: string, amount: number): BudgetEntry => ({
    caseId: id,
    codeName: id,
    items: budgetItems(
      makeCase({ id, funder: 'Fund A' }),
      [],
      [makeBudgetLine({ id: `l-${id}`, caseId: id, unitAmount: amount, funder: 'Fund A' })],
    ),
  });
  it('Given a case over its per-case cap, and two cases over the total together, When checked, Then both breaches are found', () => {
    const usage = capUsage([entry('case-a', 10001), entry('case-b', 9000)], [cap], book);
    expect(capBreaches('case-a', usage).map((b) => b.kind)).toEqual(['per_case', 'total']);
    expect(capBreaches('case-b', usage).map((b) => b.kind)).toEqual(['total']);
    expect(capBreaches('case-b', capUsage([entry('case-b', 9000)], [cap], book))).toEqual([]);
  });
  it('Given a line with no rate and a case over its cap, When the plan checks run, Then the findings name the pair and date, and the cap', () => {
    const base = cleanPlan();
    const c = { ...base.case, id: 'case-a' as never, funder: 'Fund A' };
    const e = entry('case-a', 12000);
    const usd = budgetItems(
      c,
      [],
      [
        makeBudgetLine({
          id: 'usd',
          caseId: 'case-a',
          currency: 'USD',
          unitAmount: 100,
          date: '2026-05-02',
        }),
      ],
    );
    const findings = runPlanChecks({
      ...base,
      case: c,
      budgetTotalInReporting: null,
      budget: {
        items: [...e.items, ...usd],
        book,
        caps: capUsage([e], [cap], book),
        perDiemGaps: [],
      },
    });
    const budget = findings.filter((f) => f.code.startsWith('budget_'));
    expect(budget.map((f) => f.code).sort()).toEqual([
      'budget_case_over_funder_cap',
      'budget_rate_missing',
    ]);
    expect(budget.find((f) => f.code === 'budget_rate_missing')?.message).toContain(
      'No exchange rate from USD to EUR on or before 2026-05-02',
    );
  });
});

describe('per diem gaps', () => {
  it('Given stay days with no per diem rate, When the plan checks run, Then a warning names the place and the first day', () => {
    const base = cleanPlan();
    const findings = runPlanChecks({
      ...base,
      budget: {
        items: [],
        book: rateBook([]),
        caps: [],
        perDiemGaps: [
          {
            stayId: 'stay-1',
            personId: 'p-1',
            countryCode: 'FR',
            city: 'Paris',
            from: '2026-04-01' as never,
            to: '2026-05-01' as never,
          },
          {
            stayId: 'stay-1',
            personId: 'p-2',
            countryCode: 'FR',
            city: 'Paris',
            from: '2026-04-01' as never,
            to: '2026-05-01' as never,
          },
        ],
      },
    });
    const f = findings.find((x) => x.code === 'budget_per_diem_rate_missing');
    expect(f?.message).toBe(
      'No per diem rate for Paris, FR valid on 2026-04-01: the per diem of 2 travellers is missing from the budget. Add the rate on the Budget page.',
    );
    expect(f?.fix).toEqual({ entity: 'stays', id: 'stay-1', field: null });
  });
});

describe('the fast path and dinero.js agree', () => {
  it('Given any amount, rate and pair of exponents, When converted both ways, Then the results are equal to the minor unit', () => {
    const codes = ['EUR', 'JPY', 'KWD', 'CLF', 'USD'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99999 }),
        fc.integer({ min: 1, max: 99999999 }),
        fc.constantFrom(...codes),
        fc.constantFrom(...codes),
        (amount, whole, frac, from, to) => {
          const rate = `${whole}.${String(frac)}` as DecimalString;
          const m = money(amount, from);
          expect(convertMoney(m, currency(to), rate)).toEqual(
            convertMoneyWithDinero(m, currency(to), rate),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
