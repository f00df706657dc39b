/**
 * Holding a return-readiness review: the criteria checklist (met, not met, not assessed), the
 * threats, vulnerabilities and capacities, the resulting risk level, and the decision with who took
 * it and when. The review that follows the decision is shown before saving and created with it.
 * A decided review opens read-only, with its history (the audit trail of the record).
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { effectiveEnd } from '../../domain/duration';
import {
  CHECKPOINT_DECISIONS,
  CheckpointInputSchema,
  RISK_LEVELS,
  type Checkpoint,
  type CheckpointDecision,
  type RiskLevel,
} from '../../domain/entities';
import { checkpointDraft } from '../../domain/checkpoints';
import {
  nextDueOf,
  nextReviewAfter,
  scheduleOptionsFor,
  type NextReview,
} from '../../domain/reviews';
import { addDays, isIsoDate, type IsoDate } from '../../domain/time';
import type { CaseBundle } from '../../domain/planning';
import { DateField } from '../../shared/ui/DateField';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { schemaErrors } from '../../shared/ui/schema-errors';
import { useRecordForm, type FieldErrors } from '../../shared/ui/use-record-form';
import { formatLocalInstant } from '../../shared/ui/today';
import { useRecords, vault } from '../../storage';
import { useSettings, type AppSettings } from '../settings';
import { saveReview } from './data';

type Met = 'met' | 'not_met' | 'unknown';

type ReviewValues = {
  criteria: { label: string; met: Met }[];
  threatNotes: string;
  vulnerabilityNotes: string;
  capacityNotes: string;
  riskLevel: string;
  decision: string;
  decidedBy: string;
  decidedOn: string;
  proposedEnd: string;
};

const toMet = (m: boolean | null): Met =>
  m === true ? 'met' : m === false ? 'not_met' : 'unknown';
const fromMet = (m: Met): boolean | null => (m === 'met' ? true : m === 'not_met' ? false : null);

function valuesOf(cp: Checkpoint, day: IsoDate): ReviewValues {
  return {
    criteria: cp.criteria.map((c) => ({ label: c.label, met: toMet(c.met) })),
    threatNotes: cp.threatNotes,
    vulnerabilityNotes: cp.vulnerabilityNotes,
    capacityNotes: cp.capacityNotes,
    riskLevel: cp.riskLevel ?? '',
    decision: cp.decision ?? '',
    decidedBy: cp.decidedBy ?? '',
    decidedOn: cp.decidedOn ?? day,
    proposedEnd: cp.proposedEnd ?? '',
  };
}

function inputOf(cp: Checkpoint, v: ReviewValues) {
  return {
    caseId: cp.caseId,
    dueDate: cp.dueDate,
    kind: cp.kind,
    manual: cp.manual,
    criteria: v.criteria.map((c) => ({ label: c.label, met: fromMet(c.met) })),
    threatNotes: v.threatNotes,
    vulnerabilityNotes: v.vulnerabilityNotes,
    capacityNotes: v.capacityNotes,
    riskLevel: (v.riskLevel || null) as RiskLevel | null,
    decision: (v.decision || null) as CheckpointDecision | null,
    decidedBy: v.decision ? v.decidedBy.trim() || null : null,
    decidedOn: v.decision ? ((v.decidedOn || null) as IsoDate | null) : null,
    proposedEnd: v.decision === 'extend' ? ((v.proposedEnd || null) as IsoDate | null) : null,
  };
}

export function ReviewDialog({
  cp,
  bundle,
  day,
  onClose,
}: {
  cp: Checkpoint;
  bundle: CaseBundle;
  day: IsoDate;
  onClose: () => void;
}) {
  if (cp.decision !== null) return <DecidedReview cp={cp} bundle={bundle} onClose={onClose} />;
  return <OpenReview cp={cp} bundle={bundle} day={day} onClose={onClose} />;
}

function computeNext(
  cp: Checkpoint,
  bundle: CaseBundle,
  v: ReviewValues,
  settings: AppSettings,
): NextReview | null {
  if (!v.decision || !isIsoDate(v.decidedOn)) return null;
  const options = scheduleOptionsFor(bundle.case, settings.reviewSchedule);
  const end = effectiveEnd(bundle.case, bundle.extensions);
  const others = bundle.checkpoints.filter((x) => x.id !== cp.id);
  const after = v.decidedOn > cp.dueDate ? v.decidedOn : cp.dueDate;
  const start = bundle.case.actualStart ?? bundle.case.plannedStart;
  const anchor = start ? addDays(start, options.arrivalCheckInDays) : null;
  return nextReviewAfter(v.decision as CheckpointDecision, after, end, others, options, anchor);
}

function OpenReview({
  cp,
  bundle,
  day,
  onClose,
}: {
  cp: Checkpoint;
  bundle: CaseBundle;
  day: IsoDate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const settings = useSettings();
  const validate = (v: ReviewValues): FieldErrors =>
    schemaErrors(CheckpointInputSchema.safeParse(inputOf(cp, v)));
  const rf = useRecordForm<ReviewValues>({
    initialValues: valuesOf(cp, day),
    validate,
    onSave: async (v) => {
      const next = computeNext(cp, bundle, v, settings);
      const nextDue = next ? nextDueOf(next) : null;
      const input = {
        ...inputOf(cp, v),
        nextDue: nextDue && nextDue > cp.dueDate ? nextDue : null,
      };
      const created =
        next?.type === 'new'
          ? checkpointDraft(cp.caseId, next.scheduled, settings.reviewCriteria)
          : null;
      await saveReview(cp, input, created);
    },
    onSaved: onClose,
  });
  const v = rf.form.getValues();
  const next = computeNext(cp, bundle, v, settings);
  const f = rf.field;
  const title = t('reviews.form.title', {
    kind: t(`checkpoints.kind.${cp.kind}`),
    date: cp.dueDate,
  });
  return (
    <RecordDialog
      title={title}
      rf={rf}
      onClose={onClose}
      size="lg"
      saveLabel={t('reviews.form.save')}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('reviews.form.criteria')}
        </Title>
        {v.criteria.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('reviews.form.noCriteria')}
          </Text>
        )}
        {v.criteria.map((c, i) => (
          <Radio.Group
            key={`${c.label}-${i}`}
            label={c.label}
            {...rf.form.getInputProps(`criteria.${i}.met`)}
          >
            <Group gap="md" mt={2}>
              <Radio value="met" label={t('reviews.form.met')} />
              <Radio value="not_met" label={t('reviews.form.notMet')} />
              <Radio value="unknown" label={t('reviews.form.unknown')} />
            </Group>
          </Radio.Group>
        ))}
        <Title order={3} size="h5" mt="xs">
          {t('reviews.form.tvc')}
        </Title>
        <Textarea label={t('reviews.form.threats')} autosize minRows={2} {...f('threatNotes')} />
        <Textarea
          label={t('reviews.form.vulnerabilities')}
          autosize
          minRows={2}
          {...f('vulnerabilityNotes')}
        />
        <Textarea
          label={t('reviews.form.capacities')}
          autosize
          minRows={2}
          {...f('capacityNotes')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('reviews.form.risk')}
            data={RISK_LEVELS.map((r) => ({ value: r, label: t(`risk.${r}`) }))}
            clearable
            {...f('riskLevel')}
          />
          <Select
            label={t('reviews.form.decision')}
            description={t('reviews.form.decisionHint')}
            data={CHECKPOINT_DECISIONS.map((d) => ({
              value: d,
              label: t(`checkpoints.decision.${d}`),
            }))}
            clearable
            {...f('decision')}
          />
        </SimpleGrid>
        {v.decision && (
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('reviews.form.decidedBy')} withAsterisk {...f('decidedBy')} />
            <DateField label={t('reviews.form.decidedOn')} withAsterisk {...f('decidedOn')} />
          </SimpleGrid>
        )}
        {v.decision === 'extend' && (
          <DateField
            label={t('reviews.form.proposedEnd')}
            description={t('reviews.form.proposedEndHint', {
              end: effectiveEnd(bundle.case, bundle.extensions) ?? '…',
            })}
            withAsterisk
            {...f('proposedEnd')}
          />
        )}
        {next && (
          <Alert
            variant="light"
            color="blue"
            role="status"
            aria-label={t('reviews.form.nextLabel')}
          >
            {next.type === 'none'
              ? t('reviews.form.nextNone')
              : next.type === 'existing'
                ? t('reviews.form.nextExisting', {
                    kind: t(`checkpoints.kind.${next.checkpoint.kind}`),
                    date: next.checkpoint.dueDate,
                  })
                : t('reviews.form.nextNew', {
                    kind: t(`checkpoints.kind.${next.scheduled.kind}`),
                    date: next.scheduled.dueDate,
                  })}
          </Alert>
        )}
      </Stack>
    </RecordDialog>
  );
}

function DecidedReview({
  cp,
  bundle,
  onClose,
}: {
  cp: Checkpoint;
  bundle: CaseBundle;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  useRecords('audit');
  const events = vault.auditFor(cp.id);
  const extension = bundle.extensions.find((e) => e.checkpointId === cp.id);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('reviews.decided.title', {
        kind: t(`checkpoints.kind.${cp.kind}`),
        date: cp.dueDate,
      })}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
            {t(`checkpoints.decision.${cp.decision ?? 'continue'}`)}
          </Badge>
          <Text size="sm">
            {t('reviews.decided.by', { who: cp.decidedBy ?? '', on: cp.decidedOn ?? '' })}
          </Text>
        </Group>
        <Text size="sm">
          {t('reviews.decided.risk', { risk: cp.riskLevel ? t(`risk.${cp.riskLevel}`) : '—' })}
        </Text>
        {cp.proposedEnd && (
          <Text size="sm">
            {extension
              ? t('reviews.decided.extensionApproved', { end: extension.toEnd })
              : t('reviews.decided.extensionAsked', { end: cp.proposedEnd })}
          </Text>
        )}
        {cp.nextDue && <Text size="sm">{t('reviews.decided.nextDue', { date: cp.nextDue })}</Text>}
        <Table fz="sm" withTableBorder aria-label={t('reviews.decided.criteria')}>
          <Table.Tbody>
            {cp.criteria.map((c, i) => (
              <Table.Tr key={`${c.label}-${i}`}>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td>
                  {t(
                    `reviews.form.${c.met === true ? 'met' : c.met === false ? 'notMet' : 'unknown'}`,
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {(
          [
            ['threats', cp.threatNotes],
            ['vulnerabilities', cp.vulnerabilityNotes],
            ['capacities', cp.capacityNotes],
          ] as const
        ).map(([key, text]) =>
          text ? (
            <Stack key={key} gap={0}>
              <Text size="xs" fw={600}>
                {t(`reviews.form.${key}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {text}
              </Text>
            </Stack>
          ) : null,
        )}
        <Title order={3} size="h5">
          {t('reviews.decided.history')}
        </Title>
        <Stack gap={2} role="list" aria-label={t('reviews.decided.history')}>
          {[...events].reverse().map((e) => (
            <Text key={e.id} size="xs" role="listitem">
              {formatLocalInstant(e.at)} ·{' '}
              {t(`reviews.decided.action.${e.action}`, { defaultValue: e.action })}
              {e.fields.length > 0
                ? ` · ${e.fields.filter((x) => x !== 'updatedAt').join(', ')}`
                : ''}
            </Text>
          ))}
        </Stack>
        <Text size="xs" c="dimmed">
          {t('reviews.decided.readOnly')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
