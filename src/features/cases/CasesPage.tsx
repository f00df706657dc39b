/**
 * The Cases list: search by code name, filter by status, risk and dates, sort by any column.
 * Rows are virtualised (only the visible ones are in the DOM), so thousands of cases render and
 * filter at typing speed. A row opens its case; "New case" (Ctrl/Cmd+N) starts one.
 */
import {
  Button,
  Card,
  Group,
  Kbd,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_STATUSES,
  RISK_LEVELS,
  type CaseStatus,
  type HostLocation,
  type RiskLevel,
  type Stay,
} from '../../domain/entities';
import type { HostId } from '../../domain/ids';
import {
  DOCUMENT_DATE_RANGE,
  dateErrorMessage,
  parseIsoDate,
  type IsoDate,
} from '../../domain/time';
import '../../shared/ui/table.css';
import { modKey } from '../../shared/ui/mod-key';
import { RiskBadge } from '../../shared/ui/RiskBadge';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { hrefFor, navigate } from '../../shared/ui/router';
import { today } from '../../shared/ui/today';
import { useNewRequest } from '../../shared/ui/use-focus-request';
import {
  EMPTY_FILTER,
  QUICK_FILTERS,
  buildCaseRows,
  filterRows,
  isFiltering,
  sortRows,
  type CaseFilter,
  type CaseRow,
  type QuickFilter,
  type CaseSort,
  type SortKey,
} from './case-rows';
import { FindingCounts } from './FindingCounts';
import { NewCaseModal } from './NewCaseModal';
import { PlanCountCache, computeInSlices, type PlanCounts } from './plan-counts';
import {
  groupByCase,
  hostMap,
  staysByHost,
  usePlanningData,
  type CaseBundle,
  type PlanningData,
} from './plan';
import { vault } from '../../storage';
import { DateField } from '../../shared/ui/DateField';

/** A filter date that is typed but is not a day: say so at the field (the list ignores nothing silently). */
function filterDateError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const r = parseIsoDate(text, DOCUMENT_DATE_RANGE);
  return r.ok ? undefined : dateErrorMessage(r.error);
}

const ROW_HEIGHT = 37;

/**
 * Kept between visits to the list, dropped at lock (they hold decrypted records): the plan-check
 * counts, the last rows built and sorted, and the coordinator's filter and sort, so coming back
 * from a case shows the same list at once.
 */
const planCounts = new PlanCountCache();
let memo: { deps: readonly unknown[]; value: ListData } | null = null;
let shownMemo: { deps: readonly unknown[]; value: CaseRow[] } | null = null;
let kept: { filter: CaseFilter; sort: CaseSort } = {
  filter: EMPTY_FILTER,
  sort: { key: 'start', dir: 'desc' },
};
let stopPriming: (() => void) | null = null;
vault.onLockChange((state) => {
  stopPriming?.();
  stopPriming = null;
  planCounts.clear();
  memo = null;
  shownMemo = null;
  kept = { filter: EMPTY_FILTER, sort: { key: 'start', dir: 'desc' } };
  if (state === 'unlocked') stopPriming = whenIdle(primeList);
});

/** Runs `fn` when the browser is idle (soon after unlock); returns a cancel function. */
function whenIdle(fn: () => (() => void) | undefined): () => void {
  let stop: (() => void) | undefined;
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => (stop = fn()), { timeout: 1000 });
    return () => {
      cancelIdleCallback(handle);
      stop?.();
    };
  }
  const timer = setTimeout(() => (stop = fn()), 200);
  return () => {
    clearTimeout(timer);
    stop?.();
  };
}

/**
 * Builds the list and starts its plan-check counts in the background after unlock, from the same
 * record snapshots the page will read, so the first visit to Cases finds them ready.
 */
function primeList(): (() => void) | undefined {
  if (!vault.isUnlocked()) return undefined;
  const data = {
    cases: vault.list('cases') as PlanningData['cases'],
    people: vault.list('people') as PlanningData['people'],
    legs: vault.list('legs') as PlanningData['legs'],
    stays: vault.list('stays') as PlanningData['stays'],
    visas: vault.list('visas') as PlanningData['visas'],
    checkpoints: vault.list('checkpoints') as PlanningData['checkpoints'],
    extensions: vault.list('extensions') as PlanningData['extensions'],
    hosts: vault.list('hosts') as PlanningData['hosts'],
  };
  const day = today();
  const { bundles, hostsById, byHost, rows } = listData(data, day);
  const order = shownRows(rows, kept.filter, kept.sort, 0).map((r) => r.id);
  return computeInSlices(order, bundles, hostsById, byHost, day, planCounts, () => undefined);
}

interface ListData {
  bundles: Map<string, CaseBundle>;
  hostsById: Map<HostId, HostLocation>;
  byHost: Map<string, Stay[]>;
  rows: CaseRow[];
}

const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function listData(data: PlanningData, day: IsoDate): ListData {
  const deps = [
    data.cases,
    data.people,
    data.legs,
    data.stays,
    data.visas,
    data.checkpoints,
    data.extensions,
    data.hosts,
    day,
  ];
  if (memo && same(memo.deps, deps)) return memo.value;
  const bundles = groupByCase(data);
  const hostsById = hostMap(data.hosts);
  const value = {
    bundles,
    hostsById,
    byHost: staysByHost(data.stays),
    rows: buildCaseRows(bundles, hostsById, day),
  };
  memo = { deps, value };
  return value;
}

function shownRows(
  rows: CaseRow[],
  filter: CaseFilter,
  sort: CaseSort,
  sortVersion: number,
): CaseRow[] {
  const deps = [rows, filter, sort.key, sort.dir, sortVersion];
  if (shownMemo && same(shownMemo.deps, deps)) return shownMemo.value;
  const value = sortRows(filterRows(rows, filter), sort, (id) => planCounts.get(id));
  shownMemo = { deps, value };
  return value;
}

/**
 * Column widths hold from 1366 down to 1024 pixels: the code name and host end in an ellipsis
 * (their full text is the cell's title); status, risk, dates, next checkpoint and plan-check
 * counts are never cut, and the dates and the next checkpoint wrap onto a second line when narrow.
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
  const [filter, setFilterState] = useState<CaseFilter>(kept.filter);
  const [sort, setSortState] = useState<CaseSort>(kept.sort);
  const setFilter = (f: CaseFilter | ((prev: CaseFilter) => CaseFilter)): void =>
    setFilterState((prev) => (kept.filter = typeof f === 'function' ? f(prev) : f));
  const setSort = (next: CaseSort): void => setSortState((kept.sort = next));

  const data = usePlanningData();
  const day = today();
  const { bundles, hostsById, byHost, rows } = listData(data, day);
  const [countsVersion, setCountsVersion] = useState(0);
  const shown = shownRows(rows, filter, sort, sort.key === 'findings' ? countsVersion : 0);
  // Counts for the rows in view order first, then the rest, in slices between frames.
  useEffect(() => {
    planCounts.retain(new Set(bundles.keys()));
    const seen = new Set(shown.map((r) => r.id));
    const order = [...seen, ...[...bundles.keys()].filter((id) => !seen.has(id))];
    return computeInSlices(order, bundles, hostsById, byHost, day, planCounts, () =>
      setCountsVersion((v) => v + 1),
    );
  }, [shown, bundles, hostsById, byHost, day]);
  const set = (patch: Partial<CaseFilter>): void => setFilter((f) => ({ ...f, ...patch }));

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
              onChange={(v) => set({ quick: v === 'all' ? null : (v as QuickFilter) })}
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
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('cases.filters.search')}
              placeholder={t('cases.filters.searchPlaceholder')}
              leftSection={<IconSearch size={14} aria-hidden />}
              value={filter.query}
              onChange={(e) => set({ query: e.currentTarget.value })}
              w={200}
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
            <DateField
              size="xs"
              label={t('cases.filters.from')}
              value={filter.from}
              onChange={(v) => set({ from: v })}
              error={filterDateError(filter.from)}
            />
            <DateField
              size="xs"
              label={t('cases.filters.to')}
              value={filter.to}
              onChange={(v) => set({ to: v })}
              error={filterDateError(filter.to)}
            />
            {isFiltering(filter) && (
              <Button variant="subtle" size="xs" onClick={() => setFilter(EMPTY_FILTER)}>
                {t('cases.filters.clear')}
              </Button>
            )}
          </Group>
          <CasesTable
            rows={shown}
            counts={planCounts}
            sort={sort}
            onSort={setSort}
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

function CasesTable({
  rows,
  counts,
  sort,
  onSort,
  empty,
}: {
  rows: CaseRow[];
  counts: PlanCountCache;
  sort: CaseSort;
  onSort: (s: CaseSort) => void;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
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
      <table
        className="haven-table"
        aria-label={t('cases.tableLabel')}
        aria-rowcount={rows.length + 1}
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.label} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
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
                  <UnstyledButton
                    fz="xs"
                    fw={600}
                    onClick={() =>
                      onSort({
                        key: c.key as SortKey,
                        dir: sort.key === c.key && sort.dir === 'asc' ? 'desc' : 'asc',
                      })
                    }
                  >
                    <Group gap={2} wrap="nowrap">
                      {t(c.label)}
                      {sort.key === c.key &&
                        (sort.dir === 'asc' ? (
                          <IconArrowUp size={12} aria-hidden />
                        ) : (
                          <IconArrowDown size={12} aria-hidden />
                        ))}
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
            return row ? (
              <CaseTableRow key={row.id} row={row} counts={counts.get(row.id)} index={item.index} />
            ) : null;
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
          <FindingCounts errors={counts.errors} warnings={counts.warnings} />
        ) : (
          <span className="haven-cell haven-dimmed">{t('planChecks.checking')}</span>
        )}
      </td>
    </tr>
  );
}
