/** Exchange rates: typed or imported from CSV, with their dates; never fetched. */
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCHANGE_RATE_HEADER, exchangeRatesFromCsv } from '../../domain/budget';
import { ExchangeRateInputSchema, fieldErrors, type ExchangeRate } from '../../domain/entities';
import { currencyChoices } from '../../shared/ui/choices';
import { DateField } from '../../shared/ui/DateField';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { today } from '../../shared/ui/today';
import { openCsv } from './csv-open';
import { deleteExchangeRate, importExchangeRates, saveExchangeRate } from './data';

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
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
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
    const opened = await openCsv(EXCHANGE_RATE_HEADER, t('budget.import.tooLarge'));
    if (!opened) return;
    if (!opened.ok) return setMessage({ ok: false, text: opened.message });
    const r = exchangeRatesFromCsv(opened.table);
    if (r.problems.length)
      return setMessage({
        ok: false,
        text: `${r.problems.slice(0, 5).join(' ')} ${t('budget.import.refused')}.`,
      });
    await importExchangeRates(r.inputs);
    setMessage({ ok: true, text: t('budget.rates.imported', { count: r.inputs.length }) });
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
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      {sorted.length === 0 ? (
        <Text size="sm">{t('budget.rates.empty')}</Text>
      ) : (
        <Table
          withTableBorder
          fz="sm"
          verticalSpacing={2}
          aria-label={t('budget.rates.tableLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.rates.from')}</Table.Th>
              <Table.Th>{t('budget.rates.to')}</Table.Th>
              <Table.Th>{t('budget.rates.rate')}</Table.Th>
              <Table.Th>{t('budget.rates.asOf')}</Table.Th>
              <Table.Th>{t('budget.rates.source')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.from}</Table.Td>
                <Table.Td>{r.to}</Table.Td>
                <Table.Td>{r.rate}</Table.Td>
                <Table.Td>{r.asOf}</Table.Td>
                <Table.Td>{r.source}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('budget.rates.deleteLabel', {
                      from: r.from,
                      to: r.to,
                      date: r.asOf,
                    })}
                    onClick={() => void deleteExchangeRate(r.id)}
                  >
                    {t('budget.rates.delete')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
