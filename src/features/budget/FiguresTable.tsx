/**
 * Planned, actual and remaining per row with a total row: the table beside the chart on a case's
 * Budget tab (by category) and on the Budget page (across cases, by month, funder, ...).
 */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../domain/budget';
import { fmt } from './format';

export type Figure = keyof Figures;
const FIGURES: readonly Figure[] = ['planned', 'actual', 'remaining'];

export function FiguresTable<R extends Figures>({
  label,
  head,
  rows,
  rowKey,
  name,
  total,
  currency,
  figure = (r, f) => fmt(r[f], currency),
  count,
  caseTotals = false,
}: {
  label: string;
  /** Heading of the first column (what a row is). */
  head: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  name: (row: R) => ReactNode;
  total: Figures;
  currency: string;
  /** A row's figure (default: the amount; the Budget page makes it a link to the lines behind it). */
  figure?: (row: R, f: Figure) => ReactNode;
  /** An extra last column (the number of lines), with its heading and total. */
  count?: { head: string; cell: (row: R) => ReactNode; total: ReactNode };
  /** A case's table: a negative remaining in red, and the planned and actual totals labelled. */
  caseTotals?: boolean;
}) {
  const { t } = useTranslation();
  const totalLabel: Partial<Record<Figure, string>> = caseTotals
    ? { planned: t('budget.totalPlanned'), actual: t('budget.totalActual') }
    : {};
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{head}</Table.Th>
          {FIGURES.map((f) => (
            <Table.Th key={f} ta="right">
              {t(`budget.${f}`)}
            </Table.Th>
          ))}
          {count && <Table.Th ta="right">{count.head}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={rowKey(r)}>
            <Table.Td>{name(r)}</Table.Td>
            {FIGURES.map((f) => (
              <Table.Td
                key={f}
                ta="right"
                c={caseTotals && f === 'remaining' && r.remaining < 0 ? 'red.8' : undefined}
              >
                {figure(r, f)}
              </Table.Td>
            ))}
            {count && <Table.Td ta="right">{count.cell(r)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr fw={700}>
          <Table.Td>{t('budget.total')}</Table.Td>
          {FIGURES.map((f) => (
            <Table.Td key={f} ta="right" aria-label={totalLabel[f]}>
              {fmt(total[f], currency)}
            </Table.Td>
          ))}
          {count && <Table.Td ta="right">{count.total}</Table.Td>}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
