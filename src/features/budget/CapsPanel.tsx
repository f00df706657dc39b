/** Funder caps per funder and grant: a cap per case and/or a total across the funder's cases. */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapUsage, FunderCap } from '../../domain/budget';
import {
  isCurrencyCode,
  moneyErrorMessage,
  parseAmount,
  type MinorUnits,
} from '../../domain/money';
import { newId } from '../../storage';
import { currencyChoices } from '../../shared/ui/choices';
import { saveCaps } from './data';
import { fmt } from './format';
import { RefTable } from './RefTable';

export function CapsPanel({
  usage,
  defaultCurrency,
}: {
  usage: readonly CapUsage[];
  defaultCurrency: string;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    funder: '',
    grantCode: '',
    currency: defaultCurrency,
    perCase: '',
    total: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const caps = usage.map((u) => u.cap);
  const add = async () => {
    const errs: Record<string, string> = {};
    if (!v.funder.trim()) errs['funder'] = t('budget.caps.funder');
    const amount = (text: string, field: string): MinorUnits | null => {
      if (!text.trim() || !isCurrencyCode(v.currency)) return null;
      const a = parseAmount(text, v.currency);
      if (a.ok) return a.value;
      errs[field] = moneyErrorMessage(a.error, v.currency);
      return null;
    };
    const perCase = amount(v.perCase, 'perCase');
    const total = amount(v.total, 'total');
    if (!v.perCase.trim() && !v.total.trim()) errs['perCase'] = t('budget.caps.needOne');
    setErrors(errs);
    if (Object.keys(errs).length || !isCurrencyCode(v.currency)) return;
    const cap: FunderCap = {
      id: newId(),
      funder: v.funder.trim(),
      grantCode: v.grantCode.trim(),
      currency: v.currency,
      perCase,
      total,
    };
    await saveCaps([...caps, cap]);
    setV({ ...v, funder: '', grantCode: '', perCase: '', total: '' });
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('budget.caps.intro')}
      </Text>
      <Group align="flex-end" gap="xs">
        <TextInput
          w={180}
          label={t('budget.caps.funder')}
          value={v.funder}
          onChange={(e) => setV({ ...v, funder: e.currentTarget.value })}
          error={errors['funder']}
        />
        <TextInput
          w={150}
          label={t('budget.caps.grantCode')}
          value={v.grantCode}
          onChange={(e) => setV({ ...v, grantCode: e.currentTarget.value })}
        />
        <Select
          w={100}
          label={t('budget.caps.currency')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          value={v.currency}
          onChange={(x) => setV({ ...v, currency: x ?? '' })}
        />
        <TextInput
          w={140}
          label={t('budget.caps.perCase')}
          value={v.perCase}
          onChange={(e) => setV({ ...v, perCase: e.currentTarget.value })}
          error={errors['perCase']}
        />
        <TextInput
          w={160}
          label={t('budget.caps.total')}
          value={v.total}
          onChange={(e) => setV({ ...v, total: e.currentTarget.value })}
          error={errors['total']}
        />
        <Button onClick={() => void add()}>{t('budget.caps.add')}</Button>
      </Group>
      <RefTable
        label={t('budget.caps.tableLabel')}
        empty={t('budget.caps.empty')}
        rows={usage}
        rowKey={(u) => u.cap.id}
        columns={[
          { head: t('budget.caps.funder'), cell: ({ cap }) => cap.funder },
          {
            head: t('budget.caps.grantCode'),
            cell: ({ cap }) => cap.grantCode || t('budget.caps.anyGrant'),
          },
          {
            head: t('budget.caps.perCase'),
            cell: ({ cap }) => (cap.perCase === null ? '—' : fmt(cap.perCase, cap.currency)),
          },
          {
            head: t('budget.caps.total'),
            cell: ({ cap }) => (cap.total === null ? '—' : fmt(cap.total, cap.currency)),
          },
          {
            head: t('budget.caps.used'),
            cell: ({ cap, total }) => fmt(total, cap.currency),
            color: ({ cap, total }) =>
              cap.total !== null && total > cap.total ? 'red.8' : undefined,
          },
        ]}
        onDelete={({ cap }) => saveCaps(caps.filter((c) => c.id !== cap.id))}
      />
    </Stack>
  );
}
