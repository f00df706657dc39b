/**
 * "Budget this month: planned vs actual". The budget is being built in parallel ([8/11]); until it
 * is wired, the item says the budget is not available yet. To wire it, pass `summary` from a pure
 * budget function (planned and actual totals of this month, in one reporting currency).
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface BudgetMonthSummary {
  /** Already formatted for display, e.g. "€12,400.00". */
  readonly planned: string;
  readonly actual: string;
}

export function BudgetThisMonth({ summary = null }: { summary?: BudgetMonthSummary | null }) {
  const { t } = useTranslation();
  if (!summary)
    return (
      <Text size="sm" c="dimmed">
        {t('dashboard.budget.notYet')}
      </Text>
    );
  return (
    <Text size="sm">
      {t('dashboard.budget.line', { planned: summary.planned, actual: summary.actual })}
    </Text>
  );
}
