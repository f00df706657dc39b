/**
 * Import of actual expenses from a CSV file: choose the file (through the platform seam), map its
 * columns, see every row with its problems, then import all rows in one write, or nothing. A
 * refused file says which line and what is wrong.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTUAL_FIELDS,
  MAX_IMPORT_BYTES,
  REQUIRED_ACTUAL_FIELDS,
  csvProblemMessage,
  firstProblem,
  guessMapping,
  previewActuals,
  readCsv,
  type ActualField,
  type ColumnMapping,
  type CsvTable,
} from '../../domain/budget';
import type { BudgetLine, Case } from '../../domain/entities';
import { toDecimalString } from '../../domain/money';
import { platform } from '../../platform';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { useLongWork } from '../settings';
import { importActualLines } from './data';

export function ImportActualsDialog({
  c,
  existing,
  onClose,
}: {
  c: Case;
  existing: readonly BudgetLine[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; table: CsvTable } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const work = useLongWork();
  const choose = async () => {
    setRefusal(null);
    setDone(null);
    const r = await platform().openFile({
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      maxBytes: MAX_IMPORT_BYTES,
    });
    if (!r.opened) {
      if (r.reason !== 'cancelled') setRefusal(r.message ?? t('budget.import.tooLarge'));
      return;
    }
    const table = readCsv(r.bytes, ['Date', 'Description', 'Amount', 'Currency']);
    if (!table.ok) {
      setFile(null);
      setRefusal(csvProblemMessage(table.error));
      return;
    }
    setFile({ name: r.name, table: table.value });
    setMapping(guessMapping(table.value.header));
  };
  const preview = useMemo(
    () =>
      file && mapping
        ? previewActuals(
            file.table,
            mapping,
            { caseId: c.id, funder: c.funder, grantCode: c.grantCode },
            existing,
          )
        : null,
    [file, mapping, c, existing],
  );
  const problem = preview ? firstProblem(preview) : null;
  const run = () =>
    void work
      .run(async (report) => {
        if (!preview?.ok) return;
        const inputs = preview.rows.flatMap((r) => (r.input ? [r.input] : []));
        await importActualLines(inputs, report);
        setDone(inputs.length);
        setFile(null);
      })
      .catch((e: unknown) => notifyFailure(t, t('budget.import.failed'), e));
  const columns =
    file?.table.header.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` })) ?? [];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('budget.import.title', { name: c.codeName })}
      size="xl"
    >
      <Stack gap="sm">
        <Text size="sm">{t('budget.import.intro')}</Text>
        <Group>
          <Button onClick={() => void choose()} variant="default" disabled={work.busy}>
            {t('budget.import.choose')}
          </Button>
          {file && <Text size="sm">{file.name}</Text>}
        </Group>
        {refusal && (
          <Alert color="red" role="alert" title={t('budget.import.refused')}>
            {refusal}
          </Alert>
        )}
        {done !== null && (
          <Alert color="teal" role="status">
            {t('budget.import.done', { count: done })}
          </Alert>
        )}
        {file && mapping && (
          <SimpleGrid cols={3} spacing="xs" verticalSpacing={4}>
            {ACTUAL_FIELDS.map((field: ActualField) => (
              <Select
                key={field}
                size="xs"
                label={t(`budget.import.fields.${field}`)}
                withAsterisk={REQUIRED_ACTUAL_FIELDS.includes(field)}
                data={columns}
                clearable
                value={mapping[field] >= 0 ? String(mapping[field]) : null}
                onChange={(v) => setMapping({ ...mapping, [field]: v === null ? -1 : Number(v) })}
              />
            ))}
          </SimpleGrid>
        )}
        {preview && problem && (
          <Alert color="red" role="alert" title={t('budget.import.refused')}>
            {problem}
          </Alert>
        )}
        {preview && preview.rows.length > 0 && (
          <Table
            fz="xs"
            withTableBorder
            aria-label={t('budget.import.preview')}
            verticalSpacing={2}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.import.line')}</Table.Th>
                <Table.Th>{t('budget.import.fields.date')}</Table.Th>
                <Table.Th>{t('budget.import.fields.description')}</Table.Th>
                <Table.Th>{t('budget.import.fields.amount')}</Table.Th>
                <Table.Th>{t('budget.import.problems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.slice(0, 200).map((r) => (
                <Table.Tr
                  key={r.line}
                  bg={r.problems.length ? 'var(--mantine-color-red-0)' : undefined}
                >
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>{r.input?.date ?? ''}</Table.Td>
                  <Table.Td>{r.input?.description ?? ''}</Table.Td>
                  <Table.Td>
                    {r.input
                      ? `${r.input.currency} ${toDecimalString(r.input.unitAmount ?? 0, r.input.currency)}`
                      : ''}
                  </Table.Td>
                  <Table.Td c={r.problems.length ? 'red.8' : 'teal.8'}>
                    {r.problems.length ? r.problems.join('; ') : t('budget.import.rowOk')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {work.progress !== null && (
          <Progress value={work.progress * 100} aria-label={t('budget.import.progress')} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={run} disabled={!preview?.ok || work.busy} loading={work.busy}>
            {t('budget.import.run', { count: preview?.rows.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
