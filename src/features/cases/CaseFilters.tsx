/**
 * The filters above the cases list: code-name search, status, risk and a date range, and "Clear"
 * while any applies. A typed date that is not a day says so at its field (nothing is ignored
 * silently). The saved filters (who travels this week, whose review is overdue) sit in the header.
 */
import { Button, Group, MultiSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, RISK_LEVELS, type CaseStatus, type RiskLevel } from '../../domain/entities';
import { DOCUMENT_DATE_RANGE, dateErrorMessage, parseIsoDate } from '../../domain/time';
import { domainMessage } from '../../shared/ui/domain-messages';
import { DateField } from '../../shared/ui/DateField';
import { EMPTY_FILTER, isFiltering, type CaseFilter } from './case-rows';

/** A filter date that is typed but is not a day: say so at the field (the list ignores nothing silently). */
function filterDateError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const r = parseIsoDate(text, DOCUMENT_DATE_RANGE);
  return r.ok ? undefined : domainMessage(dateErrorMessage(r.error));
}

export function CaseFilters({
  filter,
  onChange,
}: {
  filter: CaseFilter;
  onChange: (f: CaseFilter | ((prev: CaseFilter) => CaseFilter)) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<CaseFilter>): void => onChange((f) => ({ ...f, ...patch }));
  return (
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
        <Button variant="subtle" size="xs" onClick={() => onChange(EMPTY_FILTER)}>
          {t('cases.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
