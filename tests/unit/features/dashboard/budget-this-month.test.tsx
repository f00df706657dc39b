// @vitest-environment jsdom
/**
 * The dashboard's "Budget this month", through the real vault (fake-indexeddb): planned and actual
 * of the coordinator's month across cases in the reporting currency, lines of other months left
 * out, and a line whose currency has no rate named instead of counted as zero.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/domain/time';
import { BudgetThisMonth } from '../../../../src/features/dashboard';
import { DEFAULT_REPORTING_CURRENCY } from '../../../../src/features/settings/use-settings';
import { KDF_FLOOR, newId, vault } from '../../../../src/storage';
import { aCase, makeBudgetLine, makeExchangeRate } from '../../builders';
import { renderUi } from '../../render';

afterAll(() => vault.lock());

describe('budget this month on the dashboard', () => {
  it('Given planned and actual lines in two cases and two months, Then it shows this month’s totals and names the line with no rate', async () => {
    expect(DEFAULT_REPORTING_CURRENCY).toBe('EUR');
    await vault.createVault('ochre lantern velvet basin quarry thimble', { kdfParams: KDF_FLOOR });
    const a = aCase(newId(), { codeName: 'Alder' });
    const b = aCase(newId(), { codeName: 'Birch' });
    const line = (over: Record<string, unknown>) =>
      makeBudgetLine({ id: newId(), caseId: a.id, ...over });
    await vault.transaction([
      { op: 'put', store: 'cases', value: a },
      { op: 'put', store: 'cases', value: b },
      { op: 'put', store: 'budgetLines', value: line({ unitAmount: 12_000, date: '2026-03-10' }) },
      {
        op: 'put',
        store: 'budgetLines',
        value: line({ caseId: b.id, quantity: 2, unitAmount: 2_500, date: '2026-03-31' }),
      },
      {
        op: 'put',
        store: 'budgetLines',
        value: line({ kind: 'actual', unitAmount: 5_000, date: '2026-03-12' }),
      },
      // Another month: not counted.
      { op: 'put', store: 'budgetLines', value: line({ unitAmount: 99_900, date: '2026-04-01' }) },
      // USD converts at the rate of 2026-03-01; KES has no rate: left out and named.
      {
        op: 'put',
        store: 'budgetLines',
        value: line({ unitAmount: 10_000, currency: 'USD', date: '2026-03-15' }),
      },
      { op: 'put', store: 'exchangeRates', value: makeExchangeRate({ id: newId(), rate: '0.9' }) },
      {
        op: 'put',
        store: 'budgetLines',
        value: line({ unitAmount: 100_000, currency: 'KES', date: '2026-03-16' }),
      },
    ]);

    renderUi(<BudgetThisMonth day={'2026-03-20' as IsoDate} />);
    // Every case's items are derived first, in slices between which the page stays responsive.
    expect(screen.getByRole('status').textContent).toBe('Working out every case’s budget…');

    // Planned: 120.00 + 2 × 25.00 + 100.00 USD × 0.9 = 260.00; actual 50.00.
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-budget-month').textContent).toBe(
        '2026-03: planned €260.00 · actual €50.00 · remaining €210.00',
      ),
    );
    expect(
      screen.getByText(
        '1 line is left out: no exchange rate for KES→EUR on or before its date. Add the rate on the Budget page.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Open the budget across cases' }).getAttribute('href'),
    ).toBe('#/budget');

    // Once derived, a write re-derives its case at once: the figures change, with no wait shown.
    await vault.transaction([
      {
        op: 'put',
        store: 'budgetLines',
        value: line({ caseId: b.id, unitAmount: 4_000, date: '2026-03-05' }),
      },
    ]);
    expect(screen.queryByText('Working out every case’s budget…')).toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId('dashboard-budget-month').textContent).toBe(
        '2026-03: planned €300.00 · actual €50.00 · remaining €250.00',
      ),
    );
  });
});
