/**
 * Checkpoints (return-readiness reviews): the convention in words, the case's review interval, the
 * reviews in date order (overdue ones marked at midnight in the coordinator's zone), each one held
 * in the review form (decided ones open read-only with their history), reviews added by hand, the
 * extension a decision "extend" asks for, and the calendar export of the case. Approval and date
 * changes schedule the reviews by themselves; "Schedule reviews" fills in any that are missing.
 * A plan-check link (`?open=checkpoints:<id>`) focuses and highlights the review's row.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkpointDraft } from '../../domain/checkpoints';
import { CHECKPOINT_KINDS, type Checkpoint, type CheckpointKind } from '../../domain/entities';
import { canRecordExtension } from '../../domain/lifecycle';
import { scheduleChange, scheduleOptionsFor } from '../../domain/reviews';
import { isIsoDate, type IsoDate } from '../../domain/time';
import type { CaseBundle } from '../../domain/planning';
import { DateField } from '../../shared/ui/DateField';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { useOpenOnFocusRequest } from '../../shared/ui/use-focus-request';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { useSettings } from '../settings';
import { CalendarExportButton } from './CalendarExport';
import { addCheckpoints, saveCaseInterval, scheduleChangeOps } from './data';
import { ExtensionApprovalDialog } from './ExtensionApprovalDialog';
import { ReviewDialog } from './ReviewDialog';
import { useCoordinatorToday } from './use-today';
import { vault } from '../../storage';

export function CheckpointsTab({ bundle }: { bundle: CaseBundle }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const day = useCoordinatorToday();
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<Checkpoint | null>(null);
  const [adding, setAdding] = useState(false);
  const [extending, setExtending] = useState<{ from: Checkpoint | null } | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());
  useOpenOnFocusRequest('checkpoints', bundle.checkpoints, (cp) => setHighlighted(cp.id));
  useEffect(() => {
    if (!highlighted) return;
    const row = rows.current.get(highlighted);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }, [highlighted]);
  const c = bundle.case;
  const options = scheduleOptionsFor(c, settings.reviewSchedule);
  const change = scheduleChange(c, bundle.extensions, bundle.checkpoints, day, {
    defaults: settings.reviewSchedule,
    template: settings.reviewCriteria,
  });
  const hasDates = Boolean((c.actualStart ?? c.plannedStart) && c.plannedEnd);
  const sorted = [...bundle.checkpoints].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  // A decision "extend" whose extension is not approved yet.
  const askedExtension = sorted.find(
    (cp) => cp.decision === 'extend' && !bundle.extensions.some((e) => e.checkpointId === cp.id),
  );
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="review-convention">
        {t('reviews.convention', {
          arrival: options.arrivalCheckInDays,
          period: options.periodDays,
          preReturn: options.preReturnDays,
          followUp: options.followUpDays,
        })}
      </Text>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <NumberInput
            label={t('reviews.interval')}
            description={t('reviews.intervalHint', { days: settings.reviewSchedule.periodDays })}
            size="xs"
            w={200}
            min={7}
            max={180}
            key={`${c.id}-${c.reviewEveryDays ?? 'default'}`}
            defaultValue={c.reviewEveryDays ?? ''}
            onBlur={(e) => {
              const raw = e.currentTarget.value.trim();
              const n = raw === '' ? null : Number(raw);
              if (n === (c.reviewEveryDays ?? null)) return;
              if (n !== null && (!Number.isInteger(n) || n < 7 || n > 180)) {
                notifications.show({ message: t('reviews.intervalInvalid'), color: 'red' });
                return;
              }
              void saveCaseInterval(c, n, day).catch((err) =>
                notifyFailure(t, t('form.saveFailed'), err),
              );
            }}
          />
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('reviews.add')}
          </Button>
          <Button
            size="xs"
            leftSection={<IconCalendarPlus size={14} aria-hidden />}
            disabled={change.add.length === 0 && change.remove.length === 0}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await vault.transaction(scheduleChangeOps(change));
                notifications.show({
                  message: t('checkpoints.scheduled', { count: change.add.length }),
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
          <CalendarExportButton bundle={bundle} />
        </Group>
      </Group>
      {askedExtension && (
        <Alert color="blue" variant="light" title={t('reviews.askedTitle')}>
          <Group justify="space-between">
            <Text size="sm">
              {t('reviews.asked', {
                date: askedExtension.decidedOn ?? '',
                end: askedExtension.proposedEnd ?? '',
              })}
            </Text>
            {canRecordExtension(c.status) ? (
              <Button size="xs" onClick={() => setExtending({ from: askedExtension })}>
                {t('reviews.approveExtension')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {t('reviews.extendOnlyRelocated')}
              </Text>
            )}
          </Group>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {!hasDates
          ? t('checkpoints.needDates')
          : sorted.length === 0
            ? t('reviews.emptyBeforeApproval')
            : t('checkpoints.summary', { count: sorted.length })}
      </Text>
      {sorted.length > 0 && (
        <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('checkpoints.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('checkpoints.columns.due')}</Table.Th>
              <Table.Th>{t('checkpoints.columns.kind')}</Table.Th>
              <Table.Th>{t('checkpoints.columns.decision')}</Table.Th>
              <Table.Th>{t('reviews.columns.next')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('reviews.columns.actions')}</VisuallyHidden>
              </Table.Th>
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
                <Table.Td>
                  {t(`checkpoints.kind.${cp.kind}`)}
                  {cp.manual && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {t('reviews.manual')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {cp.decision ? (
                    t(`checkpoints.decision.${cp.decision}`)
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('checkpoints.undecided')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{cp.nextDue ?? ''}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant={cp.decision ? 'subtle' : 'light'}
                    onClick={() => setOpen(cp)}
                    aria-label={t(cp.decision ? 'reviews.viewLabel' : 'reviews.holdLabel', {
                      kind: t(`checkpoints.kind.${cp.kind}`),
                      date: cp.dueDate,
                    })}
                  >
                    {cp.decision ? t('reviews.view') : t('reviews.hold')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && (
        <ReviewDialog
          key={open.id}
          cp={bundle.checkpoints.find((x) => x.id === open.id) ?? open}
          bundle={bundle}
          day={day}
          onClose={() => setOpen(null)}
        />
      )}
      {adding && <AddReviewDialog bundle={bundle} day={day} onClose={() => setAdding(false)} />}
      {extending && (
        <ExtensionApprovalDialog
          bundle={bundle}
          day={day}
          fromReview={extending.from}
          onClose={() => setExtending(null)}
        />
      )}
    </Stack>
  );
}

function AddReviewDialog({
  bundle,
  day,
  onClose,
}: {
  bundle: CaseBundle;
  day: IsoDate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const settings = useSettings();
  const rf = useRecordForm<{ kind: string; dueDate: string }>({
    initialValues: { kind: 'periodic_review', dueDate: day },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!isIsoDate(v.dueDate)) errors.dueDate = t('reviews.addDateInvalid');
      if (!(CHECKPOINT_KINDS as readonly string[]).includes(v.kind))
        errors.kind = t('reviews.addKindInvalid');
      return errors;
    },
    onSave: async (v) => {
      await addCheckpoints([
        checkpointDraft(
          bundle.case.id,
          { kind: v.kind as CheckpointKind, dueDate: v.dueDate as IsoDate },
          settings.reviewCriteria,
          true,
        ),
      ]);
    },
    onSaved: onClose,
  });
  return (
    <RecordDialog title={t('reviews.addTitle')} rf={rf} onClose={onClose}>
      <Select
        label={t('checkpoints.columns.kind')}
        data={CHECKPOINT_KINDS.map((k) => ({ value: k, label: t(`checkpoints.kind.${k}`) }))}
        allowDeselect={false}
        {...rf.field('kind')}
      />
      <DateField
        label={t('checkpoints.columns.due')}
        withAsterisk
        mt="xs"
        {...rf.field('dueDate')}
      />
    </RecordDialog>
  );
}
