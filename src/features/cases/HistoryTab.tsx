/**
 * History: the audit events of the case and of its current people, legs, stays, visas and
 * checkpoints, newest first: when, which record, what kind of change, and the NAMES of the
 * fields that changed (the audit trail never holds values). Records of the case that were deleted
 * stay listed by their kind ("Travel leg (deleted)"): the audit keeps which case they belonged to.
 */
import { Badge, Code, Group, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordTable } from '../../shared/ui/RecordTable';
import { useRecords, vault, type AuditEvent } from '../../storage';
import type { CaseBundle } from '../../domain/planning';
import { formatLocalInstant } from '../../shared/ui/today';

const HIDDEN_FIELDS = new Set(['updatedAt', 'createdAt']);

export function HistoryTab({ bundle }: { bundle: CaseBundle }) {
  const { t } = useTranslation();
  const audit = useRecords('audit');
  const events = useMemo(() => {
    const labels = new Map<string, string>([
      [bundle.case.id, t('history.record.case', { name: bundle.case.codeName })],
    ]);
    for (const p of bundle.people)
      labels.set(p.id, t('history.record.person', { name: p.codeName }));
    for (const l of bundle.legs)
      labels.set(l.id, t('history.record.leg', { from: l.from.name, to: l.to.name }));
    for (const s of bundle.stays) labels.set(s.id, t('history.record.stay', { from: s.checkIn }));
    for (const v of bundle.visas)
      labels.set(v.id, t('history.record.visa', { country: v.country }));
    for (const c of bundle.checkpoints)
      labels.set(c.id, t('history.record.checkpoint', { date: c.dueDate }));
    const out: (AuditEvent & { label: string })[] = [];
    for (const [id, label] of labels) for (const e of vault.auditFor(id)) out.push({ ...e, label });
    // Records that are gone: their whole trail, labelled by the kind of record only.
    const gone = new Set<string>();
    for (const e of vault.deletionsIn(bundle.case.id))
      if (!labels.has(e.entityId)) gone.add(`${e.store}\u0000${e.entityId}`);
    for (const key of gone) {
      const [store = '', id = ''] = key.split('\u0000');
      const label = t(`history.deleted.${store}`, { defaultValue: t('history.deleted.other') });
      for (const e of vault.auditFor(id)) out.push({ ...e, label });
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    // `audit` is the trigger: a new audit row means new events to read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bundle, audit, t]);
  if (events.length === 0) return <Text size="sm">{t('history.empty')}</Text>;
  return (
    <RecordTable
      striped
      fz="xs"
      label={t('history.tableLabel')}
      head={
        <>
          <Table.Th w={170}>{t('history.when')}</Table.Th>
          <Table.Th w={220}>{t('history.what')}</Table.Th>
          <Table.Th w={120}>{t('history.action')}</Table.Th>
          <Table.Th>{t('history.fields')}</Table.Th>
        </>
      }
    >
      {events.map((e, i) => (
        <Table.Tr key={`${e.id}-${e.entityId}-${i}`}>
          <Table.Td>{formatLocalInstant(e.at)}</Table.Td>
          <Table.Td>{e.label}</Table.Td>
          <Table.Td>
            <Badge
              size="xs"
              variant="light"
              color={
                e.action === 'delete'
                  ? 'red'
                  : e.action === 'transition'
                    ? 'violet'
                    : e.action === 'restore'
                      ? 'teal'
                      : 'gray'
              }
              style={{ textTransform: 'none' }}
            >
              {t(`history.actions.${e.action}`, { defaultValue: e.action })}
            </Badge>
          </Table.Td>
          <Table.Td>
            {e.action === 'create' ? (
              <Text size="xs" c="dimmed">
                {t('history.newRecord', {
                  count: e.fields.filter((f) => !HIDDEN_FIELDS.has(f)).length,
                })}
              </Text>
            ) : (
              <Group gap={4} wrap="wrap">
                {e.fields
                  .filter((f) => !HIDDEN_FIELDS.has(f))
                  .map((f) => (
                    <Code key={f}>{f}</Code>
                  ))}
              </Group>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}
