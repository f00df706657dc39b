/** Budget checks: over the funder's cap, or a cap in another currency. */
import { describe, expect, it } from 'vitest';
import { money } from '../../../../src/domain/money';
import { cleanPlan, codes, only, runPlanChecks } from './helpers';

describe('return, checkpoints and budget', () => {
  it('Given a budget over the cap, When checked, Then it is an error with the excess; at the cap it is fine', () => {
    const over = { ...cleanPlan(), budgetTotalInReporting: money(1000001, 'EUR') };
    expect(only(runPlanChecks(over), 'budget_over_cap')[0]).toMatchObject({
      severity: 'error',
      params: { over: '€0.01', overMinor: 1 },
    });
    expect(
      runPlanChecks({ ...cleanPlan(), budgetTotalInReporting: money(1000000, 'EUR') }),
    ).toEqual([]);
  });
  it('Given a cap in another currency, When checked, Then it says they cannot be compared', () => {
    expect(codes(runPlanChecks({ ...cleanPlan(), funderCap: money(1000000, 'USD') }))).toEqual([
      'budget_currency_mismatch',
    ]);
  });
});
