/**
 * Checkpoints (return-readiness reviews): the case's reviews in date order, overdue ones marked,
 * and "Schedule reviews", which adds the domain's schedule (arrival check-in, periodic reviews,
 * pre-return, follow-up) for the case's dates. Checkpoints are read-only until the review form
 * exists: a plan-check link to one (`?open=checkpoints:<id>`) focuses and highlights its row.
 */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planCheckpoints } from '../../domain/checkpoints';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { today } from '../../shared/ui/today';
import { useOpenOnFocusRequest } from '../../shared/ui/use-focus-request';
import type { CaseBundle } from '../../domain/planning';
import { addCheckpoints } from './data';

export function CheckpointsTab({ bundle }: { bundle: CaseBundle }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  useOpenOnFocusRequest('checkpoints', bundle.checkpoints, (cp) => setHighlighted(cp.id));
  useEffect(() => {
    if (!highlighted) return;
    const row = rows.current.get(highlighted);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }, [highlighted]);
  const plan = planCheckpoints(bundle.case, bundle.extensions, bundle.checkpoints);
  const day = today();
  const sorted = [...bundle.checkpoints].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {plan === null
            ? t('checkpoints.needDates')
            : sorted.length === 0
              ? t('checkpoints.empty')
              : t('checkpoints.summary', { count: sorted.length })}
        </Text>
        <Button
          size="xs"
          leftSection={<IconCalendarPlus size={14} aria-hidden />}
          disabled={!plan || plan.add.length === 0}
          loading={busy}
          onClick={async () => {
            if (!plan) return;
            setBusy(true);
            try {
              await addCheckpoints(plan.add);
              notifications.show({
                message: t('checkpoints.scheduled', { count: plan.add.length }),
                color: 'teal',
                autoClose: 2500,
              });
            } catch (e) {
              notifyFailure(t, t('form.saveFailed'), e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('checkpoints.schedule')}
        </Button>
      </Group>
      {sorted.length > 0 && (
        <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('checkpoints.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('checkpoints.columns.due')}</Table.Th>
              <Table.Th>{t('checkpoints.columns.kind')}</Table.Th>
              <Table.Th>{t('checkpoints.columns.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((cp) => (
              <Table.Tr
                key={cp.id}
                ref={(el) => {
                  if (el) rows.current.set(cp.id, el);
                  else rows.current.delete(cp.id);
                }}
                tabIndex={highlighted === cp.id ? -1 : undefined}
                aria-current={highlighted === cp.id ? 'true' : undefined}
                bg={highlighted === cp.id ? 'var(--mantine-color-yellow-light)' : undefined}
                style={
                  highlighted === cp.id
                    ? { outline: '2px solid var(--mantine-color-yellow-6)', outlineOffset: -2 }
                    : undefined
                }
              >
                <Table.Td>
                  {cp.dueDate}{' '}
                  {cp.decision === null && cp.dueDate < day && (
                    <Badge color="red" size="xs" variant="light" style={{ textTransform: 'none' }}>
                      {t('checkpoints.overdue')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`checkpoints.kind.${cp.kind}`)}</Table.Td>
                <Table.Td>
                  {cp.decision ? (
                    t(`checkpoints.decision.${cp.decision}`)
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('checkpoints.undecided')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
