/**
 * A table whose rows are virtualised: only the rows in view (and a few more) are in the DOM, with
 * spacer rows above and below, so thousands of rows scroll and re-render at typing speed. Columns
 * may be sortable: their header is a button that toggles the direction, and `aria-sort` says the
 * current order. Every row has the same height.
 */
import { Group, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import './table.css';

export interface VirtualColumn<K extends string> {
  /** The sort key of the column; null when it cannot be sorted. */
  readonly key: K | null;
  /** The header text (already translated); also the column's React key. */
  readonly label: string;
  readonly width: string;
}

export interface VirtualSort<K extends string> {
  readonly key: K;
  readonly dir: 'asc' | 'desc';
}

export interface VirtualTableProps<R, K extends string> {
  readonly label: string;
  readonly columns: readonly VirtualColumn<K>[];
  readonly rows: readonly R[];
  readonly rowHeight: number;
  /** One `<tr>`, given the row and its index among `rows`. */
  readonly renderRow: (row: R, index: number) => ReactNode;
  readonly sort: VirtualSort<K>;
  readonly onSort: (sort: VirtualSort<K>) => void;
  /** Read after a sortable header's text by screen readers (e.g. "sort by"). */
  readonly sortHint: string;
  /** Shown in one full-width cell when there are no rows. */
  readonly empty: ReactNode;
}

export function VirtualTable<R, K extends string>({
  label,
  columns,
  rows,
  rowHeight,
  renderRow,
  sort,
  onSort,
  sortHint,
  empty,
}: VirtualTableProps<R, K>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React Compiler cannot memoize; Haven does not run the
  // compiler, and the virtualizer re-renders the table itself, so nothing is lost here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number) => (
    <tr aria-hidden style={{ height }}>
      <td colSpan={columns.length} />
    </tr>
  );
  return (
    <div
      ref={scrollRef}
      style={{
        height: 'calc(100vh - 230px)',
        minHeight: 240,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 4,
      }}
    >
      <table className="haven-table" aria-label={label} aria-rowcount={rows.length + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                aria-sort={
                  c.key && sort.key === c.key
                    ? sort.dir === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
              >
                {c.key ? (
                  <SortButton column={c.key} label={c.label} sort={sort} onSort={onSort}>
                    {sortHint}
                  </SortButton>
                ) : (
                  <Text fz="xs" fw={600} span>
                    {c.label}
                  </Text>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          )}
          {top > 0 && spacer(top)}
          {items.map((item) => {
            const row = rows[item.index];
            return row === undefined ? null : renderRow(row, item.index);
          })}
          {bottom > 0 && spacer(bottom)}
        </tbody>
      </table>
    </div>
  );
}

function SortButton<K extends string>({
  column,
  label,
  sort,
  onSort,
  children,
}: {
  column: K;
  label: string;
  sort: VirtualSort<K>;
  onSort: (sort: VirtualSort<K>) => void;
  children: ReactNode;
}) {
  const active = sort.key === column;
  return (
    <UnstyledButton
      fz="xs"
      fw={600}
      onClick={() => onSort({ key: column, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
    >
      <Group gap={2} wrap="nowrap">
        {label}
        {active &&
          (sort.dir === 'asc' ? (
            <IconArrowUp size={12} aria-hidden />
          ) : (
            <IconArrowDown size={12} aria-hidden />
          ))}
        <VisuallyHidden>{children}</VisuallyHidden>
      </Group>
    </UnstyledButton>
  );
}
