/** Per diem rates by country (optionally city) with a valid-from date, adult and child amounts. */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PER_DIEM_HEADER, perDiemRatesFromCsv } from '../../domain/budget';
import { PerDiemRateInputSchema, fieldErrors, type PerDiemRate } from '../../domain/entities';
import { isCurrencyCode, moneyErrorMessage, parseAmount } from '../../domain/money';
import { countryChoices, currencyChoices } from '../../shared/ui/choices';
import { DateField } from '../../shared/ui/DateField';
import { today } from '../../shared/ui/today';
import { deletePerDiemRate, importPerDiemRates, savePerDiemRate } from './data';
import { fmt } from './format';
import { ImportAlert, RefTable, importCsvRows, type ImportOutcome } from './RefTable';

export function PerDiemPanel({
  rates,
  defaultCurrency,
}: {
  rates: readonly PerDiemRate[];
  defaultCurrency: string;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    countryCode: '',
    city: '',
    amount: '',
    childAmount: '',
    currency: defaultCurrency,
    validFrom: today() as string,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<ImportOutcome | null>(null);
  const add = async () => {
    const errs: Record<string, string> = {};
    let amount: number | null = null;
    let child: number | null = null;
    if (!isCurrencyCode(v.currency)) errs['currency'] = t('budget.perDiem.currency');
    else {
      const a = parseAmount(v.amount, v.currency);
      if (a.ok) amount = a.value;
      else errs['amount'] = moneyErrorMessage(a.error, v.currency);
      if (v.childAmount.trim()) {
        const c = parseAmount(v.childAmount, v.currency);
        if (c.ok) child = c.value;
        else errs['childAmount'] = moneyErrorMessage(c.error, v.currency);
      }
    }
    const r = PerDiemRateInputSchema.safeParse({
      ...v,
      city: v.city || null,
      amount,
      childAmount: child,
    });
    if (!r.success) for (const e of fieldErrors(r.error)) errs[e.field] ??= e.message;
    setErrors(errs);
    if (Object.keys(errs).length || !r.success) return;
    await savePerDiemRate(r.data);
    setV({ ...v, amount: '', childAmount: '' });
  };
  const importCsv = async () => {
    setMessage(null);
    setMessage(await importCsvRows(t, PER_DIEM_HEADER, perDiemRatesFromCsv, importPerDiemRates));
  };
  const sorted = [...rates].sort((a, b) =>
    a.countryCode + (a.city ?? '') + a.validFrom < b.countryCode + (b.city ?? '') + b.validFrom
      ? -1
      : 1,
  );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('budget.perDiem.intro')}
      </Text>
      <Group align="flex-end" gap="xs">
        <Select
          w={200}
          label={t('budget.perDiem.country')}
          data={countryChoices()}
          searchable
          value={v.countryCode || null}
          onChange={(x) => setV({ ...v, countryCode: x ?? '' })}
          error={errors['countryCode']}
        />
        <TextInput
          w={140}
          label={t('budget.perDiem.city')}
          value={v.city}
          onChange={(e) => setV({ ...v, city: e.currentTarget.value })}
          error={errors['city']}
        />
        <TextInput
          w={120}
          label={t('budget.perDiem.amount')}
          value={v.amount}
          onChange={(e) => setV({ ...v, amount: e.currentTarget.value })}
          error={errors['amount']}
        />
        <TextInput
          w={120}
          label={t('budget.perDiem.childAmount')}
          value={v.childAmount}
          onChange={(e) => setV({ ...v, childAmount: e.currentTarget.value })}
          error={errors['childAmount']}
        />
        <Select
          w={100}
          label={t('budget.perDiem.currency')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          value={v.currency}
          onChange={(x) => setV({ ...v, currency: x ?? '' })}
          error={errors['currency']}
        />
        <DateField
          w={150}
          label={t('budget.perDiem.validFrom')}
          value={v.validFrom}
          onChange={(x: string) => setV({ ...v, validFrom: x })}
          error={errors['validFrom']}
        />
        <Button onClick={() => void add()}>{t('budget.perDiem.add')}</Button>
        <Button variant="default" onClick={() => void importCsv()}>
          {t('budget.perDiem.importCsv')}
        </Button>
      </Group>
      <ImportAlert outcome={message} />
      <RefTable
        label={t('budget.perDiem.tableLabel')}
        empty={t('budget.perDiem.empty')}
        rows={sorted}
        rowKey={(r) => r.id}
        columns={[
          { head: t('budget.perDiem.country'), cell: (r) => r.countryCode },
          {
            head: t('budget.perDiem.city'),
            cell: (r) => r.city ?? t('budget.perDiem.wholeCountry'),
          },
          { head: t('budget.perDiem.amount'), cell: (r) => fmt(r.amount, r.currency) },
          {
            head: t('budget.perDiem.childAmount'),
            cell: (r) => (r.childAmount === null ? '—' : fmt(r.childAmount, r.currency)),
          },
          { head: t('budget.perDiem.validFrom'), cell: (r) => r.validFrom },
        ]}
        deleteLabel={(r) =>
          t('budget.rates.deleteLabel', {
            from: r.countryCode,
            to: r.city ?? '',
            date: r.validFrom,
          })
        }
        onDelete={(r) => deletePerDiemRate(r.id)}
      />
    </Stack>
  );
}
