/**
 * The Cases list: search by code name, filter by status, risk and dates, sort by any column.
 * Rows are virtualised (only the visible ones are in the DOM), so thousands of cases render and
 * filter at typing speed. A row opens its case; "New case" (Ctrl/Cmd+N) starts one.
 */
import {
  Anchor,
  Button,
  Card,
  Group,
  Kbd,
  MultiSelect,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconPlus, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, RISK_LEVELS, type CaseStatus, type RiskLevel } from '../../domain/entities';
import '../../shared/ui/table.css';
import { RiskBadge } from '../../shared/ui/RiskBadge';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { hrefFor, navigate } from '../../shared/ui/router';
import { today } from '../../shared/ui/today';
import { EMPTY_FILTER, buildCaseRows, filterRows, isFiltering, sortRows, type CaseFilter, type CaseRow, type CaseSort, type SortKey } from './case-rows';
import { FindingCounts } from './FindingCounts';
import { NewCaseModal } from './NewCaseModal';
import { usePlanningData } from './plan';

const ROW_HEIGHT = 37;
const COLUMNS: { key: SortKey | null; label: string; width: string }[] = [
  { key: 'codeName', label: 'cases.columns.codeName', width: '17%' },
  { key: 'status', label: 'cases.columns.status', width: '12%' },
  { key: 'risk', label: 'cases.columns.risk', width: '9%' },
  { key: 'start', label: 'cases.columns.dates', width: '16%' },
  { key: 'people', label: 'cases.columns.people', width: '6%' },
  { key: null, label: 'cases.columns.host', width: '12%' },
  { key: 'nextCheckpoint', label: 'cases.columns.nextCheckpoint', width: '12%' },
  { key: 'findings', label: 'cases.columns.planChecks', width: '16%' },
];

export function CasesPage() {
  const { t } = useTranslation();
  const data = usePlanningData();
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState<CaseFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<CaseSort>({ key: 'start', dir: 'desc' });
  useHotkeys([['mod+N', () => setCreating(true)]], []);

  const { cases, people, legs, stays, visas, checkpoints, extensions, hosts } = data;
  const rows = useMemo(
    () => buildCaseRows({ cases, people, legs, stays, visas, checkpoints, extensions, hosts }, today()),
    [cases, people, legs, stays, visas, checkpoints, extensions, hosts],
  );
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
  const set = (patch: Partial<CaseFilter>): void => setFilter((f) => ({ ...f, ...patch }));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={1}>{t('cases.title')}</Title>
          {rows.length > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="cases-count">
              {isFiltering(filter) ? t('cases.countFiltered', { shown: shown.length, total: rows.length }) : t('cases.count', { count: rows.length })}
            </Text>
          )}
        </Group>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} rightSection={<Kbd size="xs">Ctrl+N</Kbd>}>
          {t('cases.new')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <EmptyCases onCreate={() => setCreating(true)} />
      ) : (
        <>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('cases.filters.search')}
              placeholder={t('cases.filters.searchPlaceholder')}
              leftSection={<IconSearch size={14} aria-hidden />}
              value={filter.query}
              onChange={(e) => set({ query: e.currentTarget.value })}
              w={220}
              size="xs"
            />
            <MultiSelect
              label={t('cases.filters.status')}
              placeholder={t('cases.filters.any')}
              data={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={[...filter.statuses]}
              onChange={(v) => set({ statuses: v as CaseStatus[] })}
              w={220}
              size="xs"
              clearable
            />
            <MultiSelect
              label={t('cases.filters.risk')}
              placeholder={t('cases.filters.any')}
              data={RISK_LEVELS.map((r) => ({ value: r, label: t(`risk.${r}`) }))}
              value={[...filter.risks]}
              onChange={(v) => set({ risks: v as RiskLevel[] })}
              w={200}
              size="xs"
              clearable
            />
            <TextInput type="date" size="xs" label={t('cases.filters.from')} value={filter.from} onChange={(e) => set({ from: e.currentTarget.value })} />
            <TextInput type="date" size="xs" label={t('cases.filters.to')} value={filter.to} onChange={(e) => set({ to: e.currentTarget.value })} />
            {isFiltering(filter) && (
              <Button variant="subtle" size="xs" onClick={() => setFilter(EMPTY_FILTER)}>
                {t('cases.filters.clear')}
              </Button>
            )}
          </Group>
          <CasesTable rows={shown} sort={sort} onSort={setSort} empty={<Text size="sm" p="md">{t('cases.noMatch')}</Text>} />
        </>
      )}
      <NewCaseModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

function EmptyCases({ onCreate }: { onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" maw={560}>
      <Stack gap="sm">
        <Text fw={600}>{t('cases.empty.title')}</Text>
        <Text size="sm">{t('cases.empty.body')}</Text>
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
            {t('cases.empty.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CasesTable({ rows, sort, onSort, empty }: { rows: CaseRow[]; sort: CaseSort; onSort: (s: CaseSort) => void; empty: ReactNode }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scrollRef} style={{ height: 'calc(100vh - 230px)', minHeight: 240, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <table className="haven-table" aria-label={t('cases.tableLabel')} aria-rowcount={rows.length + 1}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.label} aria-sort={c.key && sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {c.key ? (
                  <UnstyledButton
                    fz="xs"
                    fw={600}
                    onClick={() => onSort({ key: c.key as SortKey, dir: sort.key === c.key && sort.dir === 'asc' ? 'desc' : 'asc' })}
                  >
                    <Group gap={2} wrap="nowrap">
                      {t(c.label)}
                      {sort.key === c.key && (sort.dir === 'asc' ? <IconArrowUp size={12} aria-hidden /> : <IconArrowDown size={12} aria-hidden />)}
                      <VisuallyHidden>{t('cases.sortBy')}</VisuallyHidden>
                    </Group>
                  </UnstyledButton>
                ) : (
                  <Text fz="xs" fw={600} span>
                    {t(c.label)}
                  </Text>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length}>{empty}</td>
            </tr>
          )}
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? <CaseTableRow key={row.id} row={row} index={item.index} /> : null;
          })}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function CaseTableRow({ row, index }: { row: CaseRow; index: number }) {
  const { t } = useTranslation();
  const href = hrefFor({ name: 'case', caseId: row.id, tab: null });
  return (
    <tr
      style={{ height: ROW_HEIGHT, cursor: 'pointer' }}
      aria-rowindex={index + 2}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) return;
        navigate({ name: 'case', caseId: row.id, tab: null });
      }}
    >
      <td>
        <Anchor href={href} fw={600} size="sm" className="haven-ellipsis">
          {row.codeName}
        </Anchor>
      </td>
      <td>
        <StatusBadge status={row.status} size="xs" />
      </td>
      <td>
        <RiskBadge risk={row.risk} size="xs" short />
      </td>
      <td>
        <Text size="xs">{row.start ? `${row.start} → ${row.end ?? '…'}` : t('cases.noDates')}</Text>
      </td>
      <td>
        <Text size="xs">{row.people}</Text>
      </td>
      <td>
        <Text size="xs" className="haven-ellipsis">
          {row.hosts.length === 0 ? '—' : row.hosts.length === 1 ? row.hosts[0] : t('cases.hostsMore', { first: row.hosts[0], count: row.hosts.length - 1 })}
        </Text>
      </td>
      <td>
        {row.nextCheckpoint ? (
          <Text size="xs" c={row.nextCheckpoint.overdue ? 'red' : undefined} fw={row.nextCheckpoint.overdue ? 600 : undefined} className="haven-ellipsis">
            {row.nextCheckpoint.date}
            {row.nextCheckpoint.overdue && ` · ${t('cases.overdue')}`}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </td>
      <td>
        <FindingCounts errors={row.errors} warnings={row.warnings} />
      </td>
    </tr>
  );
}
