/** Budget checks: the total over the funder's cap, or a cap in another currency. */
import type { Finding, FindingFix } from './types';
import type { PlanCheck, PlanContext } from './context';
import { formatMoney, type MinorUnits, type Money } from '../money';
import { capBreaches } from '../budget/caps';

function checkBudget(ctx: PlanContext): Finding[] {
  const out: Finding[] = [];
  const total = ctx.input.budgetTotalInReporting;
  const cap = ctx.input.funderCap;
  if (!total || !cap) return out;
  const fix: FindingFix = { entity: 'cases', id: ctx.input.case.id, field: null };
  if (total.currency !== cap.currency) {
    out.push({
      severity: 'warning',
      code: 'budget_currency_mismatch',
      message: `The budget total is in ${total.currency} but the funder's cap is in ${cap.currency}; they cannot be compared. Set the cap in the reporting currency.`,
      params: { totalCurrency: total.currency, capCurrency: cap.currency },
      fix,
    });
    return out;
  }
  if (total.amount <= cap.amount) return out;
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
      totalMinor: total.amount,
      capMinor: cap.amount,
      currency: total.currency,
    },
    fix,
  });
  return out;
}

const LEGACY_CHECKS: readonly PlanCheck[] = [{ id: 'budget', area: 'budget', run: checkBudget }];

/** A line in a currency with no rate to the reporting currency on or before its date. */
function checkRates(ctx: PlanContext): Finding[] {
  const b = ctx.input.budget;
  if (!b) return [];
  const to = ctx.input.case.reportingCurrency;
  const seen = new Map<string, { from: string; date: string; lines: number }>();
  for (const i of b.items) {
    if (i.currency === to) continue;
    const c = b.book.convert(i.quantity * i.unitAmount, i.currency, to, i.date);
    if (c.ok) continue;
    const k = `${i.currency}@${i.date}`;
    const s = seen.get(k) ?? { from: i.currency, date: i.date, lines: 0 };
    s.lines++;
    seen.set(k, s);
  }
  return [...seen.values()]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((s) => ({
      severity: 'error' as const,
      code: 'budget_rate_missing' as const,
      message: `No exchange rate from ${s.from} to ${to} on or before ${s.date}: ${s.lines === 1 ? 'a budget line is' : `${s.lines} budget lines are`} left out of the totals. Add the ${s.from} → ${to} rate of that date on the Budget page.`,
      params: { from: s.from, to, date: s.date, lines: s.lines },
      fix: { entity: 'exchangeRates' as const, id: '', field: null },
    }));
}

function capName(cap: { funder: string; grantCode: string }): string {
  return cap.grantCode ? `${cap.funder} (${cap.grantCode})` : cap.funder;
}

/** A case over its funder's per-case cap, or the funder's cases together over the total. */
function checkCaps(ctx: PlanContext): Finding[] {
  const b = ctx.input.budget;
  if (!b) return [];
  const fix: FindingFix = { entity: 'cases', id: ctx.input.case.id, field: null };
  return capBreaches(ctx.input.case.id, b.caps).map((x): Finding => {
    const fmt = (n: number) => formatMoney({ amount: n as MinorUnits, currency: x.cap.currency });
    const over = fmt(x.amount - x.limit);
    if (x.kind === 'per_case')
      return {
        severity: 'error' as const,
        code: 'budget_case_over_funder_cap' as const,
        message: `${ctx.input.case.codeName}'s planned budget for ${capName(x.cap)} is ${fmt(x.amount)}, ${over} over the cap of ${fmt(x.limit)} per case. Reduce costs or agree a higher cap.`,
        params: {
          codeName: ctx.input.case.codeName,
          funder: capName(x.cap),
          amount: fmt(x.amount),
          cap: fmt(x.limit),
          over,
        },
        fix,
      };
    return {
      severity: 'error' as const,
      code: 'budget_funder_over_total' as const,
      message: `The ${x.cases} cases funded by ${capName(x.cap)} plan ${fmt(x.amount)} together, ${over} over the funder's total of ${fmt(x.limit)}.`,
      params: {
        funder: capName(x.cap),
        amount: fmt(x.amount),
        cap: fmt(x.limit),
        over,
        cases: x.cases,
      },
      fix,
    };
  });
}

/** Stay days with no per diem rate for the destination: the per diem is missing from the budget. */
function checkPerDiem(ctx: PlanContext): Finding[] {
  const b = ctx.input.budget;
  if (!b) return [];
  const byStay = new Map<
    string,
    { country: string; city: string | null; from: string; people: Set<string> }
  >();
  for (const g of b.perDiemGaps) {
    const s = byStay.get(g.stayId) ?? {
      country: g.countryCode,
      city: g.city,
      from: g.from,
      people: new Set(),
    };
    if (g.from < s.from) s.from = g.from;
    s.people.add(g.personId);
    byStay.set(g.stayId, s);
  }
  return [...byStay.entries()].map(([stayId, s]) => ({
    severity: 'warning' as const,
    code: 'budget_per_diem_rate_missing' as const,
    message: `No per diem rate for ${s.city ? `${s.city}, ` : ''}${s.country} valid on ${s.from}: the per diem of ${s.people.size === 1 ? 'one traveller' : `${s.people.size} travellers`} is missing from the budget. Add the rate on the Budget page.`,
    params: { country: s.country, city: s.city ?? '', from: s.from, people: s.people.size },
    fix: { entity: 'stays' as const, id: stayId, field: null },
  }));
}

export const BUDGET_PLAN_CHECKS: readonly PlanCheck[] = [
  { id: 'budget-rates', area: 'budget', run: checkRates },
  { id: 'budget-caps', area: 'budget', run: checkCaps },
  { id: 'budget-per-diem', area: 'budget', run: checkPerDiem },
];

export const BUDGET_CHECKS: readonly PlanCheck[] = [...LEGACY_CHECKS, ...BUDGET_PLAN_CHECKS];
