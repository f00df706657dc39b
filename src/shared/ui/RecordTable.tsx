/**
 * The bordered table the case tabs list their records in: labelled for assistive technology,
 * rows highlighted under the pointer, a header row of `head` cells above the `children` rows.
 */
import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function RecordTable({
  label,
  head,
  children,
  fz = 'sm',
  striped,
}: {
  label: string;
  head: ReactNode;
  children: ReactNode;
  fz?: TableProps['fz'];
  striped?: boolean;
}) {
  return (
    <Table
      striped={striped}
      withTableBorder
      highlightOnHover
      fz={fz}
      verticalSpacing={4}
      aria-label={label}
    >
      <Table.Thead>
        <Table.Tr>{head}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
