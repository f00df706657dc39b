/** Exchange rates: typed or imported from CSV, with their dates; never fetched. */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCHANGE_RATE_HEADER, exchangeRatesFromCsv } from '../../domain/budget';
import { ExchangeRateInputSchema, fieldErrors, type ExchangeRate } from '../../domain/entities';
import { currencyChoices } from '../../shared/ui/choices';
import { DateField } from '../../shared/ui/DateField';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { today } from '../../shared/ui/today';
import { deleteExchangeRate, importExchangeRates, saveExchangeRate } from './data';
import { ImportAlert, RefTable, importCsvRows, type ImportOutcome } from './RefTable';

export function RatesPanel({
  rates,
  defaultTo,
}: {
  rates: readonly ExchangeRate[];
  defaultTo: string;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    from: 'USD',
    to: defaultTo,
    rate: '',
    asOf: today() as string,
    source: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<ImportOutcome | null>(null);
  const add = async () => {
    const r = ExchangeRateInputSchema.safeParse(v);
    if (!r.success) {
      setErrors(Object.fromEntries(fieldErrors(r.error).map((e) => [e.field, e.message])));
      return;
    }
    setErrors({});
    try {
      await saveExchangeRate(r.data);
      setV({ ...v, rate: '' });
    } catch (e) {
      notifyFailure(t, t('budget.import.failed'), e);
    }
  };
  const importCsv = async () => {
    setMessage(null);
    setMessage(
      await importCsvRows(t, EXCHANGE_RATE_HEADER, exchangeRatesFromCsv, importExchangeRates),
    );
  };
  const sorted = [...rates].sort((a, b) =>
    a.from + a.to + a.asOf < b.from + b.to + b.asOf ? -1 : 1,
  );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('budget.rates.intro')}
      </Text>
      <Group align="flex-end" gap="xs">
        <Select
          w={110}
          label={t('budget.rates.from')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          value={v.from}
          onChange={(x) => setV({ ...v, from: x ?? '' })}
          error={errors['from']}
        />
        <Select
          w={110}
          label={t('budget.rates.to')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          value={v.to}
          onChange={(x) => setV({ ...v, to: x ?? '' })}
          error={errors['to']}
        />
        <TextInput
          w={170}
          label={t('budget.rates.rate')}
          value={v.rate}
          onChange={(e) => setV({ ...v, rate: e.currentTarget.value })}
          error={errors['rate']}
        />
        <DateField
          w={150}
          label={t('budget.rates.asOf')}
          value={v.asOf}
          onChange={(x: string) => setV({ ...v, asOf: x })}
          error={errors['asOf']}
        />
        <TextInput
          w={160}
          label={t('budget.rates.source')}
          value={v.source}
          onChange={(e) => setV({ ...v, source: e.currentTarget.value })}
        />
        <Button onClick={() => void add()}>{t('budget.rates.add')}</Button>
        <Button variant="default" onClick={() => void importCsv()}>
          {t('budget.rates.importCsv')}
        </Button>
      </Group>
      <ImportAlert outcome={message} />
      <RefTable
        label={t('budget.rates.tableLabel')}
        empty={t('budget.rates.empty')}
        rows={sorted}
        rowKey={(r) => r.id}
        columns={[
          { head: t('budget.rates.from'), cell: (r) => r.from },
          { head: t('budget.rates.to'), cell: (r) => r.to },
          { head: t('budget.rates.rate'), cell: (r) => r.rate },
          { head: t('budget.rates.asOf'), cell: (r) => r.asOf },
          { head: t('budget.rates.source'), cell: (r) => r.source },
        ]}
        deleteLabel={(r) => t('budget.rates.deleteLabel', { from: r.from, to: r.to, date: r.asOf })}
        onDelete={(r) => deleteExchangeRate(r.id)}
      />
    </Stack>
  );
}
