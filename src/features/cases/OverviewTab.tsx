/**
 * Overview: the lifecycle state (with its allowed moves) and the case form (threat summary, risk,
 * dates, return strategy, funder and grant). Leaving with unsaved changes asks first.
 */
import { Button, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseDuration } from '../../domain/duration';
import type { Case, Extension } from '../../domain/entities';
import { canRecordExtension } from '../../domain/lifecycle';
import { FormActions } from '../../shared/ui/FormActions';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { LeaveGuard, useRecordForm } from '../../shared/ui/use-record-form';
import { caseFormValues, caseInput, validateCaseForm, type CaseFormValues } from './case-form';
import { CaseFields } from './CaseFields';
import { TransitionMenu } from './CaseHeader';
import { saveCase } from './data';
import { ExtensionApprovalDialog, useCoordinatorToday } from '../checkpoints';
import type { CaseBundle } from '../../domain/planning';
import { formatLocalInstant } from '../../shared/ui/today';

export function OverviewTab({
  c,
  extensions = [],
  bundle,
}: {
  c: Case;
  extensions?: readonly Extension[];
  /** The case's records: the extension dialog previews the stay, legs and reviews it moves. */
  bundle?: CaseBundle;
}) {
  const day = useCoordinatorToday();
  const [extending, setExtending] = useState(false);
  const { t } = useTranslation();
  const rf = useRecordForm<CaseFormValues>({
    initialValues: caseFormValues(c),
    validate: validateCaseForm,
    onSave: async (v) => {
      await saveCase(caseInput(v), c);
    },
  });
  // The case can change under the form (a status move sets the actual dates): take every field
  // the coordinator has not touched from the stored case, so a later save never writes old values.
  const { form } = rf;
  useEffect(() => {
    const fresh = caseFormValues(c);
    const current = form.getValues();
    const merged: CaseFormValues = { ...fresh };
    for (const key of Object.keys(fresh)) if (form.isDirty(key)) merged[key] = current[key];
    form.setInitialValues(fresh);
    form.setValues(merged);
    // Only a new version of the case matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [c.updatedAt]);
  const duration = caseDuration(c, extensions);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form
          autoComplete="off"
          noValidate
          aria-label={t('case.overview.formLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            void rf.save();
          }}
        >
          <CaseFields rf={rf} variant="full" />
          <FormActions
            onCancel={() => rf.form.reset()}
            onSave={() => void rf.save()}
            saving={rf.saving}
            dirty={rf.dirty}
          />
        </form>
        <LeaveGuard dirty={rf.dirty} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t('case.overview.status')}
              </Text>
              <StatusBadge status={c.status} />
            </Group>
            <TransitionMenu c={c} />
            {c.statusChangedAt && (
              <Text size="xs" c="dimmed">
                {t('case.overview.changedAt', {
                  when: formatLocalInstant(c.statusChangedAt),
                })}
              </Text>
            )}
            {c.approvedBy && (
              <Text size="xs">
                {t('case.overview.approvedBy', { who: c.approvedBy, on: c.approvedOn ?? '' })}
              </Text>
            )}
            {c.statusReason && (
              <Text size="xs">{t('case.overview.reason', { reason: c.statusReason })}</Text>
            )}
            {duration && (
              <Text size="xs">
                {t('case.overview.duration', { nights: duration.nights, days: duration.days })}
              </Text>
            )}
            {[...extensions]
              .sort((a, b) => (a.toEnd < b.toEnd ? -1 : 1))
              .map((e) => (
                <Text key={e.id} size="xs">
                  {t('case.extension.line', {
                    from: e.fromEnd,
                    to: e.toEnd,
                    who: e.approvedBy,
                    on: e.approvedOn,
                  })}
                  {e.requestedBy
                    ? ` · ${t('reviews.extension.requestedLine', { who: e.requestedBy, on: e.requestedOn ?? '' })}`
                    : ''}
                  {` · ${e.reason}`}
                </Text>
              ))}
            {canRecordExtension(c.status) && bundle && (
              <Button size="xs" variant="default" onClick={() => setExtending(true)}>
                {t('case.extension.button')}
              </Button>
            )}
            {extending && bundle && (
              <ExtensionApprovalDialog
                bundle={bundle}
                day={day}
                onClose={() => setExtending(false)}
              />
            )}
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
