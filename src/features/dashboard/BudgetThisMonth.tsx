/**
 * "Budget this month: planned vs actual", across every case, in the reporting currency set in
 * Settings, for the calendar month of the coordinator's today. The figures are the domain's
 * (`budgetPlannedVsActualInMonth`, the same totals the Budget page's month view shows); lines
 * whose currency has no rate on or before their date are named, never counted as zero.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetPlannedVsActualInMonth, monthOf } from '../../domain/budget/totals';
import { currency, money } from '../../domain/money';
import type { IsoDate } from '../../domain/time';
import { useFormat } from '../../shared/ui/format';
import { hrefFor } from '../../shared/ui/router';
import { useVaultLoading } from '../../storage';
import { useBudget, useBudgetWarmed } from '../budget';

/**
 * Waits for the stores a budget needs (people, lines, rates), then for every case's items to be
 * derived in slices (useBudgetWarmed), before summing the month.
 */
export function BudgetThisMonth({ day }: { day: IsoDate }) {
  const { t } = useTranslation();
  const loading = useVaultLoading().length > 0;
  const warmed = useBudgetWarmed();
  if (loading)
    return (
      <Text size="sm" c="dimmed">
        {t('loading.data')}
      </Text>
    );
  if (!warmed)
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('dashboard.budget.working')}
      </Text>
    );
  return <MonthFigures day={day} />;
}

function MonthFigures({ day }: { day: IsoDate }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const b = useBudget();
  const month = monthOf(day);
  const code = currency(b.defaultCurrency);
  const r = useMemo(
    () => budgetPlannedVsActualInMonth(b.entries, month, code, b.book),
    [b.entries, b.book, month, code],
  );
  const pairs = [...new Set(r.missing.map((m) => `${m.from}→${m.to}`))];
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="dashboard-budget-month">
        {t('dashboard.budget.line', {
          month,
          planned: fmt.money(money(r.planned, code)),
          actual: fmt.money(money(r.actual, code)),
          remaining: fmt.money(money(r.remaining, code)),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('dashboard.budget.convention')}
      </Text>
      {pairs.length > 0 && (
        <Text size="sm" c="var(--mantine-color-red-text)">
          {t('dashboard.budget.missing', { count: r.missing.length, pairs: fmt.list(pairs) })}
        </Text>
      )}
      <Anchor href={hrefFor({ name: 'budget' })} size="sm">
        {t('dashboard.budget.open')}
      </Anchor>
    </Stack>
  );
}
