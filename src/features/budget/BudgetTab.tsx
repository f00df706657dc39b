/**
 * A case's budget: the per diem convention and the reporting currency stated, totals by category
 * (planned, actual, remaining) with a chart, then every line with where it comes from and its
 * arithmetic, the rate and date of its conversion, overrides marked; add, override, import
 * actuals, export for finance.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react';
import { Suspense, lazy, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseBudget, type BudgetItem } from '../../domain/budget';
import { fileSlug } from '../../domain/file-name';
import type { CurrencyCode } from '../../domain/money';
import type { CaseBundle } from '../../domain/planning';
import { hrefFor } from '../../shared/ui/router';
import { ExportDialog } from './ExportDialog';
import type { ExportFormat } from './export-file';
import { ImportActualsDialog } from './ImportActualsDialog';
import { LineDialog } from './LineDialog';
import { arithmetic, derivedNow, fmt } from './format';
import { FiguresTable } from './FiguresTable';
import { useBudget } from './use-budget';

const BudgetChart = lazy(() => import('./BudgetChart'));

export function BudgetTab({ bundle }: { bundle: CaseBundle }) {
  const { t } = useTranslation();
  const b = useBudget();
  const c = bundle.case;
  const cur = c.reportingCurrency;
  const items = useMemo(() => b.itemsOf(c.id)?.items ?? [], [b, c.id]);
  const budget = useMemo(() => caseBudget(items, cur, b.book), [items, cur, b.book]);
  const sortedLines = useMemo(
    () =>
      [...budget.items].sort((x, y) =>
        x.item.date === y.item.date
          ? x.item.category.localeCompare(y.item.category)
          : x.item.date < y.item.date
            ? -1
            : 1,
      ),
    [budget.items],
  );
  const [editing, setEditing] = useState<{ item: BudgetItem | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const chartRows = budget.categories.map((r) => ({
    label: t(`budget.categories.${r.category}`),
    planned: r.planned,
    actual: r.actual,
  }));
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="sm">{t('budget.reportingCurrency', { currency: cur })}</Text>
          <Text size="sm" c="dimmed">
            {t(`budget.conventionStatement.${b.convention}`)}{' '}
            <Anchor href={hrefFor({ name: 'settings' })} size="sm">
              {t('budget.changeInSettings')}
            </Anchor>
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing({ item: null })}
          >
            {t('budget.addLine')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileImport size={14} aria-hidden />}
            onClick={() => setImporting(true)}
          >
            {t('budget.importActuals')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => setExporting('csv')}
          >
            {t('budget.exportCsv')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => setExporting('xlsx')}
          >
            {t('budget.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {budget.missing.length > 0 && (
        <Alert color="red" variant="light" title={t('budget.missingTitle')}>
          <Stack gap={2}>
            {budget.missing.map((m) => (
              <Text key={`${m.from}${m.date}`} size="sm">
                {t('budget.missingRate', { from: m.from, to: m.to, date: m.date })}
              </Text>
            ))}
            <Anchor href={hrefFor({ name: 'budget' })} size="sm">
              {t('budget.addRates')}
            </Anchor>
          </Stack>
        </Alert>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('budget.empty')}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
            <FiguresTable
              label={t('budget.byCategory')}
              head={t('budget.category')}
              rows={budget.categories}
              rowKey={(r) => r.category}
              name={(r) => t(`budget.categories.${r.category}`)}
              total={budget}
              currency={cur}
              caseTotals
            />
            <Suspense fallback={<Text size="sm">{t('budget.chartLoading')}</Text>}>
              <BudgetChart
                rows={chartRows}
                currency={cur}
                label={t('budget.chartLabel', { currency: cur })}
              />
            </Suspense>
          </SimpleGrid>
          <Table
            withTableBorder
            highlightOnHover
            fz="sm"
            verticalSpacing={4}
            aria-label={t('budget.linesLabel')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.date')}</Table.Th>
                <Table.Th>{t('budget.category')}</Table.Th>
                <Table.Th>{t('budget.description')}</Table.Th>
                <Table.Th>{t('budget.howComputed')}</Table.Th>
                <Table.Th ta="right">{t('budget.amount')}</Table.Th>
                <Table.Th ta="right">{t('budget.inReporting', { currency: cur })}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortedLines.map(({ item, total, converted }) => {
                const now = derivedNow(t, item);
                return (
                  <Table.Tr key={item.key}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.date}</Table.Td>
                    <Table.Td>{t(`budget.categories.${item.category}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.description}</Text>
                      <Group gap={4}>
                        <Badge
                          size="xs"
                          variant="light"
                          color={item.kind === 'actual' ? 'teal' : 'blue'}
                        >
                          {t(`budget.kinds.${item.kind}`)}
                        </Badge>
                        <Badge size="xs" variant="outline" color="gray">
                          {item.origin === 'derived' ? t('budget.fromPlan') : t('budget.manual')}
                        </Badge>
                        {item.override && (
                          <Badge size="xs" color={item.override.differs ? 'orange' : 'grape'}>
                            {t('budget.overridden')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{arithmetic(t, item)}</Text>
                      {item.override?.orphaned && (
                        <Text size="xs" c="orange.8">
                          {t('budget.orphaned')}
                        </Text>
                      )}
                      {now && (
                        <Text size="xs" c="orange.8">
                          {t('budget.derivedNowDiffers', { now })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{fmt(total, item.currency)}</Table.Td>
                    <Table.Td ta="right">
                      {converted.ok ? (
                        converted.rate ? (
                          <Tooltip
                            label={t('budget.rateUsed', {
                              rate: converted.rate.rate,
                              from: converted.rate.from,
                              to: converted.rate.to,
                              date: converted.rate.asOf,
                            })}
                          >
                            <Stack gap={0}>
                              <Text size="sm">
                                {fmt(converted.amount.amount, cur as CurrencyCode)}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {t('budget.rateShort', {
                                  rate: converted.rate.rate,
                                  date: converted.rate.asOf,
                                })}
                              </Text>
                            </Stack>
                          </Tooltip>
                        ) : (
                          fmt(converted.amount.amount, cur)
                        )
                      ) : (
                        <Text size="xs" c="red.8">
                          {t('budget.noRate', {
                            from: converted.missing.from,
                            date: converted.missing.date,
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing({ item })}
                        aria-label={t(
                          item.origin === 'derived' ? 'budget.overrideLabel' : 'budget.editLabel',
                          { description: item.description },
                        )}
                      >
                        {item.origin === 'derived' && !item.override
                          ? t('budget.override')
                          : t('budget.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
      {editing && <LineDialog c={c} item={editing.item} onClose={() => setEditing(null)} />}
      {importing && (
        <ImportActualsDialog
          c={c}
          existing={bundle.budgetLines}
          onClose={() => setImporting(false)}
        />
      )}
      {exporting && (
        <ExportDialog
          format={exporting}
          onClose={() => setExporting(null)}
          request={{
            cases: [{ caseId: c.id, codeName: c.codeName, items, currency: cur }],
            currency: cur,
            book: b.book,
            convention: b.convention,
            title: t('budget.export.sheetTitle', { name: c.codeName }),
            fileBase: `budget-${fileSlug(c.codeName, 'case')}`,
          }}
        />
      )}
    </Stack>
  );
}
