/**
 * Approving an extension, in one dialog: who asked and when, who approved and when, why, the new
 * end; then a preview of what follows the new end, with a choice for each part (extend the stay at
 * the same host when it has the beds and the availability, move the return legs or mark them to
 * rebook, regenerate the undecided future reviews). Saved in one transaction; whatever is not moved
 * shows on the Plan checks tab afterwards.
 */
import {
  Alert,
  Checkbox,
  List,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { caseDuration, draftExtension } from '../../domain/duration';
import type { Checkpoint } from '../../domain/entities';
import {
  defaultChoices,
  extensionEffects,
  previewExtension,
  type ExtensionChoices,
  type ExtensionPreview,
  type LegChoice,
} from '../../domain/extension-plan';
import type { CaseBundle } from '../../domain/planning';
import { isIsoDate, type IsoDate } from '../../domain/time';
import { formatZoned } from '../../domain/time-format';
import { DateField } from '../../shared/ui/DateField';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { useRecordForm, type FieldErrors } from '../../shared/ui/use-record-form';
import { usePlanningIndex } from '../../storage';
import { useSettings } from '../settings';
import { approveExtension } from './data';

type Values = {
  toEnd: string;
  reason: string;
  requestedBy: string;
  requestedOn: string;
  approvedBy: string;
  approvedOn: string;
  extendStay: boolean;
  legs: LegChoice;
  regenerateCheckpoints: boolean;
};

export function ExtensionApprovalDialog({
  bundle,
  day,
  fromReview,
  onClose,
}: {
  bundle: CaseBundle;
  day: IsoDate;
  /** The review whose decision "extend" asks for this extension (fills the request). */
  fromReview?: Checkpoint | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { hostsById, byHost } = usePlanningIndex();
  const settings = useSettings();
  const c = bundle.case;
  const previewFor = (toEnd: string): ExtensionPreview | null =>
    isIsoDate(toEnd)
      ? previewExtension(
          {
            case: c,
            stays: bundle.stays,
            legs: bundle.legs,
            checkpoints: bundle.checkpoints,
            extensions: bundle.extensions,
            hosts: hostsById,
            byHost,
            today: day,
            defaults: settings.reviewSchedule,
            template: settings.reviewCriteria,
          },
          toEnd,
        )
      : null;
  const initialTo = fromReview?.proposedEnd ?? '';
  const initialPreview = previewFor(initialTo);
  const initialChoices: ExtensionChoices = initialPreview
    ? defaultChoices(initialPreview)
    : { extendStay: true, legs: 'move', regenerateCheckpoints: true };
  const validate = (v: Values): FieldErrors => {
    const r = draftExtension(c, bundle.extensions, v);
    const errors: FieldErrors = {};
    if (!r.ok)
      for (const e of r.error) {
        const field = e.field === 'status' || e.field === 'fromEnd' ? 'toEnd' : e.field;
        errors[field] ??= e.message;
      }
    if (v.requestedOn && !isIsoDate(v.requestedOn))
      errors.requestedOn = t('reviews.extension.requestedOnInvalid');
    else if (v.requestedOn && isIsoDate(v.approvedOn) && v.requestedOn > v.approvedOn)
      errors.approvedOn = t('reviews.extension.approvedBeforeRequest');
    return errors;
  };
  const rf = useRecordForm<Values>({
    initialValues: {
      toEnd: initialTo,
      reason: '',
      requestedBy: fromReview?.decidedBy ?? '',
      requestedOn: fromReview?.decidedOn ?? '',
      approvedBy: '',
      approvedOn: day,
      ...initialChoices,
    },
    validate,
    onSave: async (v) => {
      const r = draftExtension(c, bundle.extensions, v);
      const preview = previewFor(v.toEnd);
      if (!r.ok || !preview) return;
      await approveExtension(
        {
          ...r.value,
          requestedBy: v.requestedBy.trim() || null,
          requestedOn: (v.requestedOn || null) as IsoDate | null,
          checkpointId: (fromReview?.id ?? null) as never,
        },
        extensionEffects(preview, v),
      );
    },
    onSaved: onClose,
  });
  const f = rf.field;
  const v = rf.form.getValues();
  // The preview follows the new end as it is typed.
  const preview = useMemo(
    () => previewFor(v.toEnd),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [v.toEnd, bundle, hostsById, byHost, day, settings],
  );
  return (
    <RecordDialog
      title={t('reviews.extension.title', { name: c.codeName })}
      rf={rf}
      onClose={onClose}
      size="lg"
      saveLabel={t('reviews.extension.approve')}
    >
      <Stack gap="xs">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <DateField
            label={t('case.extension.toEnd')}
            withAsterisk
            data-autofocus
            {...f('toEnd')}
          />
          <div />
          <TextInput label={t('reviews.extension.requestedBy')} {...f('requestedBy')} />
          <DateField label={t('reviews.extension.requestedOn')} {...f('requestedOn')} />
          <TextInput label={t('case.extension.approvedBy')} withAsterisk {...f('approvedBy')} />
          <DateField label={t('case.extension.approvedOn')} withAsterisk {...f('approvedOn')} />
        </SimpleGrid>
        <Textarea
          label={t('case.extension.reason')}
          withAsterisk
          autosize
          minRows={2}
          {...f('reason')}
        />
        {preview ? (
          <PreviewSection preview={preview} bundle={bundle} values={v} rf={rf} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('reviews.extension.previewWaiting')}
          </Text>
        )}
      </Stack>
    </RecordDialog>
  );
}

function PreviewSection({
  preview: p,
  bundle,
  values: v,
  rf,
}: {
  preview: ExtensionPreview;
  bundle: CaseBundle;
  values: Values;
  rf: ReturnType<typeof useRecordForm<Values>>;
}) {
  const { t } = useTranslation();
  const before = caseDuration(bundle.case, bundle.extensions);
  const stay = p.stay;
  const stayLine =
    stay.kind === 'none'
      ? t('reviews.extension.stayNone')
      : stay.kind === 'covered'
        ? t('reviews.extension.stayCovered', { date: stay.stay.checkOut })
        : stay.kind === 'extendable'
          ? t('reviews.extension.stayExtendable', {
              host: stay.host.codeName,
              from: stay.stay.checkOut,
              to: stay.newCheckOut,
            })
          : t(`reviews.extension.stayBlocked.${stay.reason}`, {
              host: stay.host?.codeName ?? '',
              night: stay.overbooking?.night ?? '',
              occupancy: stay.overbooking?.occupancy ?? 0,
              beds: stay.overbooking?.beds ?? 0,
              to: stay.newCheckOut,
            });
  const effects = extensionEffects(p, v);
  const leftBehind: string[] = [];
  if (stay.kind !== 'covered' && stay.kind !== 'none' && !effects.stays.length)
    leftBehind.push(t('reviews.extension.leftStay', { from: stay.stay.checkOut, to: p.toEnd }));
  if (p.returnLegs.length > 0 && v.legs === 'leave')
    leftBehind.push(t('reviews.extension.leftLegs', { count: p.returnLegs.length }));
  return (
    <Stack gap="xs" aria-label={t('reviews.extension.preview')} role="region">
      <Title order={3} size="h5">
        {t('reviews.extension.preview')}
      </Title>
      <Text size="sm">
        {t('reviews.extension.duration', {
          from: p.fromEnd,
          to: p.toEnd,
          added: p.addedNights,
          nights: (before?.nights ?? 0) + p.addedNights,
        })}
      </Text>
      <Checkbox
        label={t('reviews.extension.extendStay')}
        description={stayLine}
        disabled={stay.kind !== 'extendable'}
        {...rf.form.getInputProps('extendStay', { type: 'checkbox' })}
        checked={stay.kind === 'extendable' && v.extendStay}
      />
      {p.returnLegs.length > 0 ? (
        <Radio.Group
          label={t('reviews.extension.legs', { count: p.returnLegs.length })}
          description={
            <List size="xs">
              {p.returnLegs.map((m) => (
                <List.Item key={m.leg.id}>
                  {t('reviews.extension.legLine', {
                    from: m.leg.from.name,
                    to: m.leg.to.name,
                    when: formatZoned(m.leg.depart, { withDate: true }),
                    moved: m.movable ? formatZoned(m.moved.depart, { withDate: true }) : '—',
                  })}
                </List.Item>
              ))}
            </List>
          }
          {...rf.form.getInputProps('legs')}
        >
          <Stack gap={4} mt={4}>
            <Radio
              value="move"
              label={t('reviews.extension.legsMove', { days: p.addedNights })}
              disabled={!p.returnLegs.every((m) => m.movable)}
            />
            <Radio value="rebook" label={t('reviews.extension.legsRebook')} />
            <Radio value="leave" label={t('reviews.extension.legsLeave')} />
          </Stack>
        </Radio.Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('reviews.extension.noLegs')}
        </Text>
      )}
      <Checkbox
        label={t('reviews.extension.regenerate')}
        description={t('reviews.extension.regenerateHint', {
          removed: p.checkpoints.remove.length,
          added: p.checkpoints.add.length,
          dates: p.checkpoints.add
            .map((a) => `${t(`checkpoints.kind.${a.kind}`)} ${a.dueDate}`)
            .join(', '),
        })}
        {...rf.form.getInputProps('regenerateCheckpoints', { type: 'checkbox' })}
      />
      {leftBehind.length > 0 && (
        <Alert color="yellow" variant="light" title={t('reviews.extension.leftTitle')}>
          <List size="sm">
            {leftBehind.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
