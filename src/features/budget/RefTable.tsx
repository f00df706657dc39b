/**
 * The shared shape of the Budget page's reference panels (exchange rates, per diem rates, funder
 * caps): the table of what is kept, with a Delete button per row, or a sentence when there is
 * none; the outcome of a CSV import; and the import itself (read the file, refuse it whole with
 * the first problems, or save every row).
 */
import { Alert, Button, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvTable } from '../../domain/budget';
import { openCsv } from './csv-open';

export interface RefColumn<R> {
  readonly head: string;
  readonly cell: (row: R) => ReactNode;
  /** Text colour of the cell (e.g. a figure over its cap). */
  readonly color?: (row: R) => string | undefined;
}

export function RefTable<R>({
  label,
  empty,
  columns,
  rows,
  rowKey,
  deleteLabel,
  onDelete,
}: {
  label: string;
  empty: string;
  columns: readonly RefColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The Delete button's accessible name, when "Delete" alone is not enough. */
  deleteLabel?: (row: R) => string;
  onDelete: (row: R) => unknown;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Table withTableBorder fz="sm" verticalSpacing={2} aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.head}>{c.head}</Table.Th>
          ))}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={rowKey(r)}>
            {columns.map((c) => (
              <Table.Td key={c.head} c={c.color?.(r)}>
                {c.cell(r)}
              </Table.Td>
            ))}
            <Table.Td>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={deleteLabel?.(r)}
                onClick={() => void onDelete(r)}
              >
                {t('budget.rates.delete')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export interface ImportOutcome {
  readonly ok: boolean;
  readonly text: string;
}

/** The outcome of an import: a status when it worked, an alert naming the problems when refused. */
export function ImportAlert({ outcome }: { outcome: ImportOutcome | null }) {
  if (!outcome) return null;
  return (
    <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
      {outcome.text}
    </Alert>
  );
}

/**
 * Opens a CSV file with `header`, reads it with `read`, and saves every row with `save`, or none:
 * the outcome to show, or null when the coordinator closed the file picker.
 */
export async function importCsvRows<I>(
  t: TFunction,
  header: readonly string[],
  read: (table: CsvTable) => { inputs: I[]; problems: string[] },
  save: (inputs: I[]) => Promise<unknown>,
): Promise<ImportOutcome | null> {
  const opened = await openCsv(header, t('budget.import.tooLarge'));
  if (!opened) return null;
  if (!opened.ok) return { ok: false, text: opened.message };
  const r = read(opened.table);
  if (r.problems.length)
    return {
      ok: false,
      text: `${r.problems.slice(0, 5).join(' ')} ${t('budget.import.refused')}.`,
    };
  await save(r.inputs);
  return { ok: true, text: t('budget.rates.imported', { count: r.inputs.length }) };
}
