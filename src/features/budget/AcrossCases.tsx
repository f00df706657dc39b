/**
 * Budgets across cases in one currency: grouped by month, funder, grant code, category or case,
 * with filters and totals and the same chart as a case; every figure opens the lines behind it.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Suspense, lazy, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUDGET_CATEGORIES } from '../../domain/entities';
import {
  GROUP_BYS,
  budgetAcross,
  type BudgetFilters,
  type BudgetItem,
  type BudgetGroup,
  type GroupBy,
} from '../../domain/budget';
import { isCurrencyCode, type CurrencyCode } from '../../domain/money';
import { currencyChoices } from '../../shared/ui/choices';
import { hrefFor } from '../../shared/ui/router';
import { ExportDialog } from './ExportDialog';
import type { ExportFormat } from './export-file';
import { fmt } from './format';
import { FiguresTable } from './FiguresTable';
import type { BudgetState } from './use-budget';

const BudgetChart = lazy(() => import('./BudgetChart'));
const NONE = '\u0000';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function AcrossCases({ b }: { b: BudgetState }) {
  const { t } = useTranslation();
  const [currency, setCurrency] = useState(b.defaultCurrency);
  const [groupBy, setGroupBy] = useState<GroupBy>('month');
  const [funder, setFunder] = useState<string | null>(null);
  const [grant, setGrant] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [fromMonth, setFromMonth] = useState('');
  const [toMonth, setToMonth] = useState('');
  const [open, setOpen] = useState<{
    group: BudgetGroup;
    figure: 'planned' | 'actual' | 'remaining';
  } | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const cur = (isCurrencyCode(currency) ? currency : 'EUR') as CurrencyCode;
  const filters = useMemo<BudgetFilters>(
    () => ({
      funder: funder === null ? null : funder === NONE ? '' : funder,
      grantCode: grant === null ? null : grant === NONE ? '' : grant,
      category: (category as BudgetFilters['category']) ?? null,
      caseId,
      fromMonth: MONTH.test(fromMonth) ? fromMonth : null,
      toMonth: MONTH.test(toMonth) ? toMonth : null,
    }),
    [funder, grant, category, caseId, fromMonth, toMonth],
  );
  const result = useMemo(
    () => budgetAcross(b.entries, cur, b.book, groupBy, filters),
    [b.entries, b.book, cur, groupBy, filters],
  );
  const values = (pick: (i: { funder: string; grantCode: string }) => string) => {
    const set = new Set<string>();
    for (const e of b.entries) for (const i of e.items) set.add(pick(i));
    return [...set]
      .sort()
      .map((v) => ({ value: v === '' ? NONE : v, label: v === '' ? t('budget.page.none') : v }));
  };
  const label = (g: BudgetGroup) =>
    groupBy === 'category'
      ? t(`budget.categories.${g.key}`)
      : g.label === ''
        ? t('budget.page.none')
        : g.label;
  const itemsByKey = useMemo(() => {
    const m = new Map<string, { codeName: string; caseId: string; item: BudgetItem }>();
    for (const e of b.entries)
      for (const i of e.items)
        m.set(`${e.caseId}|${i.key}`, { codeName: e.codeName, caseId: e.caseId, item: i });
    return m;
  }, [b.entries]);
  const figure = (g: BudgetGroup, f: 'planned' | 'actual' | 'remaining') => (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => setOpen({ group: g, figure: f })}
      aria-label={t('budget.page.showLines', {
        label: `${label(g)} ${t(`budget.${f}`)}`,
      })}
    >
      {fmt(g[f], cur)}
    </Anchor>
  );
  const chartRows = result.groups.map((g) => ({
    label: label(g),
    planned: g.planned,
    actual: g.actual,
  }));
  const exportCases = b.entries
    .filter((e) => !caseId || e.caseId === caseId)
    .map((e) => ({
      ...e,
      items: e.items.filter(
        (i) =>
          (filters.funder == null || i.funder === filters.funder) &&
          (filters.grantCode == null || i.grantCode === filters.grantCode) &&
          (!filters.category || i.category === filters.category) &&
          (!filters.fromMonth || i.date.slice(0, 7) >= filters.fromMonth) &&
          (!filters.toMonth || i.date.slice(0, 7) <= filters.toMonth),
      ),
      currency: (b.bundles.get(e.caseId)?.case.reportingCurrency ?? cur) as CurrencyCode,
    }))
    .filter((e) => e.items.length > 0);
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="xs">
        <Select
          w={90}
          label={t('budget.page.currency')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          value={currency}
          onChange={(v) => setCurrency(v ?? 'EUR')}
        />
        <Select
          w={120}
          label={t('budget.page.groupBy')}
          data={GROUP_BYS.map((g) => ({ value: g, label: t(`budget.page.groupBys.${g}`) }))}
          allowDeselect={false}
          value={groupBy}
          onChange={(v) => setGroupBy((v as GroupBy) ?? 'month')}
        />
        <Select
          w={140}
          label={t('budget.page.filterFunder')}
          placeholder={t('budget.page.any')}
          data={values((i) => i.funder)}
          clearable
          value={funder}
          onChange={setFunder}
        />
        <Select
          w={120}
          label={t('budget.page.filterGrant')}
          placeholder={t('budget.page.any')}
          data={values((i) => i.grantCode)}
          clearable
          value={grant}
          onChange={setGrant}
        />
        <Select
          w={140}
          label={t('budget.page.filterCategory')}
          placeholder={t('budget.page.any')}
          data={BUDGET_CATEGORIES.map((c) => ({ value: c, label: t(`budget.categories.${c}`) }))}
          clearable
          value={category}
          onChange={setCategory}
        />
        <Select
          w={130}
          label={t('budget.page.filterCase')}
          placeholder={t('budget.page.any')}
          data={b.entries.map((e) => ({ value: e.caseId, label: e.codeName }))}
          searchable
          clearable
          value={caseId}
          onChange={setCaseId}
        />
        <TextInput
          w={110}
          label={t('budget.page.fromMonth')}
          value={fromMonth}
          onChange={(e) => setFromMonth(e.currentTarget.value)}
          error={fromMonth && !MONTH.test(fromMonth) ? 'YYYY-MM' : undefined}
        />
        <TextInput
          w={110}
          label={t('budget.page.toMonth')}
          value={toMonth}
          onChange={(e) => setToMonth(e.currentTarget.value)}
          error={toMonth && !MONTH.test(toMonth) ? 'YYYY-MM' : undefined}
        />
      </Group>
      <Group gap="xs" justify="flex-end">
        <Button
          size="sm"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          onClick={() => setExporting('csv')}
          disabled={exportCases.length === 0}
        >
          {t('budget.page.exportCsv')}
        </Button>
        <Button
          size="sm"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          onClick={() => setExporting('xlsx')}
          disabled={exportCases.length === 0}
        >
          {t('budget.page.exportXlsx')}
        </Button>
      </Group>
      {result.missing.length > 0 && (
        <Alert color="red" variant="light" title={t('budget.missingTitle')}>
          {result.missing.slice(0, 5).map((m) => (
            <Text key={`${m.from}${m.to}${m.date}`} size="sm">
              {t('budget.missingRate', { from: m.from, to: m.to, date: m.date })}
            </Text>
          ))}
        </Alert>
      )}
      {result.lineCount === 0 ? (
        <Text size="sm">{t('budget.page.noLines')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <FiguresTable
            label={t('budget.page.tableLabel')}
            head={t(`budget.page.groupBys.${groupBy}`)}
            rows={result.groups}
            rowKey={(g) => g.key}
            name={label}
            total={result}
            currency={cur}
            figure={figure}
            count={{
              head: t('budget.page.lines'),
              cell: (g) => g.refs.length,
              total: result.lineCount,
            }}
          />
          <Suspense fallback={<Text size="sm">{t('budget.chartLoading')}</Text>}>
            <BudgetChart
              rows={chartRows}
              currency={cur}
              label={t('budget.page.chartLabel', {
                groupBy: t(`budget.page.groupBys.${groupBy}`),
                currency: cur,
              })}
            />
          </Suspense>
        </SimpleGrid>
      )}
      {open && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('budget.page.linesBehind', {
                label: `${label(open.group)} · ${t(`budget.${open.figure}`)}`,
                figure: fmt(open.group[open.figure], cur),
              })}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen(null)}>
              {t('budget.page.closeLines')}
            </Button>
          </Group>
          <Table
            withTableBorder
            fz="xs"
            verticalSpacing={2}
            aria-label={t('budget.page.linesBehind', { label: label(open.group), figure: '' })}
          >
            <Table.Tbody>
              {open.group.refs
                .map((r) => itemsByKey.get(`${r.caseId}|${r.key}`))
                .filter((x) => x && (open.figure === 'remaining' || x.item.kind === open.figure))
                .map((x) =>
                  x ? (
                    <Table.Tr key={`${x.caseId}|${x.item.key}`}>
                      <Table.Td>
                        <Anchor
                          href={hrefFor({ name: 'case', caseId: x.caseId, tab: 'budget' })}
                          size="xs"
                        >
                          {x.codeName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{x.item.date}</Table.Td>
                      <Table.Td>{t(`budget.categories.${x.item.category}`)}</Table.Td>
                      <Table.Td>{x.item.description}</Table.Td>
                      <Table.Td>{t(`budget.kinds.${x.item.kind}`)}</Table.Td>
                      <Table.Td ta="right">
                        {fmt(x.item.quantity * x.item.unitAmount, x.item.currency)}
                      </Table.Td>
                    </Table.Tr>
                  ) : null,
                )}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {exporting && (
        <ExportDialog
          format={exporting}
          onClose={() => setExporting(null)}
          request={{
            cases: exportCases,
            currency: cur,
            book: b.book,
            convention: b.convention,
            title: t('budget.export.sheetTitleAll'),
            fileBase: 'budget-all-cases',
          }}
        />
      )}
    </Stack>
  );
}
