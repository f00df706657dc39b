/**
 * The Cases list: search by code name, filter by status, risk and dates, sort by any column.
 * Rows are virtualised (only the visible ones are in the DOM), so thousands of cases render and
 * filter at typing speed. A row opens its case; "New case" (Ctrl/Cmd+N) starts one. The list's
 * state is `useCasesList`, the filters `CaseFilters`, the table the shared `VirtualTable`.
 */
import { Button, Card, Group, Kbd, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanCounts } from '../../domain/planning';
import '../../shared/ui/table.css';
import { modKey } from '../../shared/ui/mod-key';
import { RiskBadge } from '../../shared/ui/RiskBadge';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { hrefFor, navigate } from '../../shared/ui/router';
import { useNewRequest } from '../../shared/ui/use-focus-request';
import { VirtualTable } from '../../shared/ui/VirtualTable';
import { CaseFilters } from './CaseFilters';
import {
  QUICK_FILTERS,
  isFiltering,
  type CaseRow,
  type QuickFilter,
  type SortKey,
} from './case-rows';
import { FindingCounts } from './FindingCounts';
import { NewCaseModal } from './NewCaseModal';
import { useCasesList } from './use-cases-list';

const ROW_HEIGHT = 37;

/**
 * Column widths hold from 1366 down to 1024 pixels: the code name and host end in an ellipsis
 * (their full text is the cell's title); status, risk, dates, next checkpoint and plan-check
 * counts are never cut, and the dates, the next checkpoint and the plan-check counts wrap onto a
 * second line when narrow.
 */
const COLUMNS: { key: SortKey | null; label: string; width: string }[] = [
  { key: 'codeName', label: 'cases.columns.codeName', width: '10%' },
  { key: 'status', label: 'cases.columns.status', width: '18%' },
  { key: 'risk', label: 'cases.columns.risk', width: '12%' },
  { key: 'start', label: 'cases.columns.dates', width: '14%' },
  { key: 'people', label: 'cases.columns.people', width: '7%' },
  { key: null, label: 'cases.columns.host', width: '8%' },
  { key: 'nextCheckpoint', label: 'cases.columns.nextCheckpoint', width: '13%' },
  { key: 'findings', label: 'cases.columns.planChecks', width: '18%' },
];

export function CasesPage() {
  const { t } = useTranslation();
  // "?new=1" (Ctrl/Cmd+N anywhere, the command palette) opens New case.
  const [creating, setCreating] = useNewRequest();
  const { filter, setFilter, sort, setSort, rows, shown, counts } = useCasesList();

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={1}>{t('cases.title')}</Title>
          {rows.length > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="cases-count">
              {isFiltering(filter)
                ? t('cases.countFiltered', { shown: shown.length, total: rows.length })
                : t('cases.count', { count: rows.length })}
            </Text>
          )}
        </Group>
        <Group gap="md" wrap="nowrap">
          {rows.length > 0 && (
            <SegmentedControl
              size="xs"
              aria-label={t('cases.filters.saved')}
              value={filter.quick ?? 'all'}
              onChange={(v) =>
                setFilter((f) => ({ ...f, quick: v === 'all' ? null : (v as QuickFilter) }))
              }
              data={[
                { value: 'all', label: t('cases.filters.all') },
                ...QUICK_FILTERS.map((q) => ({ value: q, label: t(`cases.filters.${q}`) })),
              ]}
            />
          )}
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
            rightSection={<Kbd size="xs">{`${modKey()}+N`}</Kbd>}
          >
            {t('cases.new')}
          </Button>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <EmptyCases onCreate={() => setCreating(true)} />
      ) : (
        <>
          <CaseFilters filter={filter} onChange={setFilter} />
          <VirtualTable
            label={t('cases.tableLabel')}
            columns={COLUMNS.map((c) => ({ ...c, label: t(c.label) }))}
            rows={shown}
            rowHeight={ROW_HEIGHT}
            renderRow={(row, index) => (
              <CaseTableRow key={row.id} row={row} counts={counts.get(row.id)} index={index} />
            )}
            sort={sort}
            onSort={setSort}
            sortHint={t('cases.sortBy')}
            empty={
              <Text size="sm" p="md">
                {t('cases.noMatch')}
              </Text>
            }
          />
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

/** One row: plain elements for the text cells (a list of thousands re-renders rows often). */
function CaseTableRow({
  row,
  counts,
  index,
}: {
  row: CaseRow;
  counts: PlanCounts | undefined;
  index: number;
}) {
  const { t } = useTranslation();
  const href = hrefFor({ name: 'case', caseId: row.id, tab: null });
  const next = row.nextCheckpoint;
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
        <a href={href} className="haven-row-link haven-ellipsis" title={row.codeName}>
          {row.codeName}
        </a>
      </td>
      <td>
        <StatusBadge status={row.status} size="xs" />
      </td>
      <td>
        <RiskBadge risk={row.risk} size="xs" short />
      </td>
      <td className="haven-cell haven-wrap">
        {row.start ? (
          <>
            {/* Break between the two dates only, never inside one. */}
            <span className="haven-nowrap">{row.start} →</span>{' '}
            <span className="haven-nowrap">{row.end ?? '…'}</span>
          </>
        ) : (
          t('cases.noDates')
        )}
      </td>
      <td className="haven-cell">{row.people}</td>
      <td className="haven-cell">
        <span className="haven-ellipsis">
          {row.hosts.length === 0
            ? '—'
            : row.hosts.length === 1
              ? row.hosts[0]
              : t('cases.hostsMore', { first: row.hosts[0], count: row.hosts.length - 1 })}
        </span>
      </td>
      <td
        className={next?.overdue ? 'haven-cell haven-wrap haven-overdue' : 'haven-cell haven-wrap'}
      >
        {next ? (
          <span>
            {next.date}
            {next.overdue && ` · ${t('cases.overdue')}`}
          </span>
        ) : (
          <span className="haven-dimmed">—</span>
        )}
      </td>
      <td>
        {counts ? (
          <FindingCounts errors={counts.errors} warnings={counts.warnings} stack />
        ) : (
          <span className="haven-cell haven-dimmed">{t('planChecks.checking')}</span>
        )}
      </td>
    </tr>
  );
}
