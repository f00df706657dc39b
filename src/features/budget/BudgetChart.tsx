/** Planned against actual as bars (loaded on demand with the budget screens: @mantine/charts is heavy). */
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../domain/money';

export interface ChartRow {
  readonly label: string;
  readonly planned: number;
  readonly actual: number;
}

export default function BudgetChart({
  rows,
  currency,
  label,
}: {
  rows: readonly ChartRow[];
  currency: string;
  label: string;
}) {
  const { t } = useTranslation();
  const scale = 10 ** currencyDigits(currency);
  const data = rows.map((r) => ({
    label: r.label,
    planned: r.planned / scale,
    actual: r.actual / scale,
  }));
  return (
    <div role="img" aria-label={label}>
      <BarChart
        h={220}
        data={data}
        dataKey="label"
        withLegend
        valueFormatter={(v) =>
          new Intl.NumberFormat('en', { maximumFractionDigits: currencyDigits(currency) }).format(v)
        }
        series={[
          { name: 'planned', label: t('budget.planned'), color: 'blue.5' },
          { name: 'actual', label: t('budget.actual'), color: 'teal.6' },
        ]}
      />
    </div>
  );
}
