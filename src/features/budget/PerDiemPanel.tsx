/** Per diem rates by country (optionally city) with a valid-from date, adult and child amounts. */
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PER_DIEM_HEADER, perDiemRatesFromCsv } from '../../domain/budget';
import { PerDiemRateInputSchema, fieldErrors, type PerDiemRate } from '../../domain/entities';
import { isCurrencyCode, moneyErrorMessage, parseAmount } from '../../domain/money';
import { countryChoices, currencyChoices } from '../../shared/ui/choices';
import { DateField } from '../../shared/ui/DateField';
import { today } from '../../shared/ui/today';
import { openCsv } from './csv-open';
import { deletePerDiemRate, importPerDiemRates, savePerDiemRate } from './data';
import { fmt } from './format';

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
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
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
    const opened = await openCsv(PER_DIEM_HEADER, t('budget.import.tooLarge'));
    if (!opened) return;
    if (!opened.ok) return setMessage({ ok: false, text: opened.message });
    const r = perDiemRatesFromCsv(opened.table);
    if (r.problems.length)
      return setMessage({
        ok: false,
        text: `${r.problems.slice(0, 5).join(' ')} ${t('budget.import.refused')}.`,
      });
    await importPerDiemRates(r.inputs);
    setMessage({ ok: true, text: t('budget.rates.imported', { count: r.inputs.length }) });
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
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      {sorted.length === 0 ? (
        <Text size="sm">{t('budget.perDiem.empty')}</Text>
      ) : (
        <Table
          withTableBorder
          fz="sm"
          verticalSpacing={2}
          aria-label={t('budget.perDiem.tableLabel')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.perDiem.country')}</Table.Th>
              <Table.Th>{t('budget.perDiem.city')}</Table.Th>
              <Table.Th>{t('budget.perDiem.amount')}</Table.Th>
              <Table.Th>{t('budget.perDiem.childAmount')}</Table.Th>
              <Table.Th>{t('budget.perDiem.validFrom')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.countryCode}</Table.Td>
                <Table.Td>{r.city ?? t('budget.perDiem.wholeCountry')}</Table.Td>
                <Table.Td>{fmt(r.amount, r.currency)}</Table.Td>
                <Table.Td>{r.childAmount === null ? '—' : fmt(r.childAmount, r.currency)}</Table.Td>
                <Table.Td>{r.validFrom}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('budget.rates.deleteLabel', {
                      from: r.countryCode,
                      to: r.city ?? '',
                      date: r.validFrom,
                    })}
                    onClick={() => void deletePerDiemRate(r.id)}
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
