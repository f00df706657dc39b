/**
 * Before a finance file is saved: what it contains (lines, totals, rates, code names, never legal
 * names, addresses or coordinates) and that it is not encrypted; the format and, for several
 * cases, one sheet or a sheet per case. Saving shows progress and runs once at a time.
 */
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Progress,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { useLongWork } from '../settings';
import {
  saveExport,
  type ExportFormat,
  type ExportLayout,
  type ExportRequest,
} from './export-file';

export function ExportDialog({
  request,
  format: initialFormat,
  onClose,
}: {
  request: Omit<ExportRequest, 'format' | 'layout'>;
  format: ExportFormat;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [layout, setLayout] = useState<ExportLayout>('combined');
  const work = useLongWork();
  const lines = request.cases.reduce((n, c) => n + c.items.length, 0);
  const many = request.cases.length > 1;
  const save = () =>
    void work
      .run(async (report) => {
        const r = await saveExport({ ...request, format, layout }, report);
        if (r.saved) onClose();
      })
      .catch((e: unknown) => notifyFailure(t, t('budget.export.failed'), e));
  return (
    <Modal opened onClose={onClose} title={t('budget.export.title')} size="lg">
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('budget.export.format')}
          value={format}
          onChange={(v) => setFormat(v as ExportFormat)}
          data={[
            { value: 'csv', label: t('budget.export.csv') },
            { value: 'xlsx', label: t('budget.export.xlsx') },
          ]}
        />
        {many && format === 'xlsx' && (
          <SegmentedControl
            aria-label={t('budget.export.layout')}
            value={layout}
            onChange={(v) => setLayout(v as ExportLayout)}
            data={[
              { value: 'combined', label: t('budget.export.combined') },
              { value: 'per-case', label: t('budget.export.perCase') },
            ]}
          />
        )}
        <Text size="sm" fw={600}>
          {t('budget.export.contains')}
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            {t('budget.export.containsLines', { count: lines, cases: request.cases.length })}
          </List.Item>
          <List.Item>{t('budget.export.containsTotals', { currency: request.currency })}</List.Item>
          <List.Item>{t('budget.export.containsRates')}</List.Item>
          <List.Item>{t('budget.export.containsNames')}</List.Item>
        </List>
        <Alert
          color="orange"
          variant="light"
          icon={<IconLockOpen size={18} aria-hidden />}
          title={t('budget.export.notEncryptedTitle')}
        >
          {t('budget.export.notEncrypted')}
        </Alert>
        {work.progress !== null && (
          <Progress value={work.progress * 100} aria-label={t('budget.export.progress')} animated />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={work.busy} disabled={work.busy}>
            {format === 'csv' ? t('budget.export.saveCsv') : t('budget.export.saveXlsx')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
