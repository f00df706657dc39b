/** Budget checks: the total over the funder's cap, or a cap in another currency. */
import type { Finding, FindingFix } from './types';
import type { PlanCheck, PlanContext } from './context';
import { formatMoney, type Money } from '../money';

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

export const BUDGET_CHECKS: readonly PlanCheck[] = [
  { id: 'budget', area: 'budget', run: checkBudget },
];
