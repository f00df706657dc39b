/**
 * The case header: code name, status badge with a menu of the moves the lifecycle allows (each
 * asking for what it needs), risk as word and colour, dates and duration ("90 nights · 3 people"),
 * and the plan-check summary that jumps to the findings.
 */
import {
  Anchor,
  Button,
  Group,
  Menu,
  Modal,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSummary } from '../../domain/duration';
import type { Case, CaseStatus } from '../../domain/entities';
import { allowedTransitions, requirementsFor } from '../../domain/lifecycle';
import type { Finding } from '../../domain/plan-checks';
import { ConfirmDestructive } from '../../shared/ui/ConfirmDestructive';
import { RiskBadge } from '../../shared/ui/RiskBadge';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { hrefFor, navigate } from '../../shared/ui/router';
import { FindingCounts } from './FindingCounts';
import { caseDependents, deleteCase, moveCase } from './data';
import type { CaseBundle, PlanningData } from './plan';

export function CaseHeader({
  bundle,
  findings,
  data,
}: {
  bundle: CaseBundle;
  findings: readonly Finding[];
  data: PlanningData;
}) {
  const { t } = useTranslation();
  const c = bundle.case;
  const [deleting, setDeleting] = useState(false);
  const summary = caseSummary({
    case: c,
    people: bundle.people,
    stays: bundle.stays,
    extensions: bundle.extensions,
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const deps = caseDependents(c.id, data);
  const consequences = (Object.entries(deps) as [string, number][])
    .filter(([, n]) => n > 0)
    .map(([store, n]) => t(`case.delete.${store}`, { count: n }));
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="center">
        <Group gap="sm" wrap="nowrap" role="group" aria-label={t('case.headerLabel')}>
          <Title order={1}>{c.codeName}</Title>
          <StatusBadge status={c.status} size="md" />
          <RiskBadge risk={c.riskLevel} size="md" />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <TransitionMenu c={c} />
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={() => setDeleting(true)}
          >
            {t('case.delete.button')}
          </Button>
        </Group>
      </Group>
      <Group gap="md" wrap="wrap">
        <Text size="sm" data-testid="case-dates">
          {summary.start ? `${summary.start} → ${summary.end ?? '…'}` : t('case.noDates')}
        </Text>
        <Text size="sm" fw={600} data-testid="case-duration">
          {t('case.nights', { count: summary.nights })} ·{' '}
          {t('case.peopleCount', { count: summary.peopleCount })}
          {summary.extended ? ` · ${t('case.extended')}` : ''}
        </Text>
        <Anchor
          href={hrefFor({ name: 'case', caseId: c.id, tab: 'plan-checks' })}
          size="sm"
          aria-label={t('case.planCheckSummary', { errors, warnings })}
        >
          <FindingCounts errors={errors} warnings={warnings} size="sm" />
        </Anchor>
      </Group>
      <ConfirmDestructive
        opened={deleting}
        title={t('case.delete.title', { name: c.codeName })}
        name={c.codeName}
        consequences={[t('case.delete.theCase', { name: c.codeName }), ...consequences]}
        confirmLabel={t('case.delete.confirm')}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await deleteCase(c.id, data);
          setDeleting(false);
          notifications.show({
            message: t('case.delete.done', { name: c.codeName }),
            color: 'teal',
            autoClose: 2500,
          });
          navigate({ name: 'cases' });
        }}
      />
    </Stack>
  );
}

/** "Change status": only the lifecycle's allowed moves, each in its own small dialog. */
export function TransitionMenu({ c }: { c: Case }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const allowed = allowedTransitions(c.status);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="light"
            rightSection={<IconChevronDown size={14} aria-hidden />}
            disabled={allowed.length === 0}
          >
            {t('case.transition.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('case.transition.label', { status: t(`status.${c.status}`) })}</Menu.Label>
          {allowed.map((s) => (
            <Menu.Item
              key={s}
              onClick={() => setTarget(s)}
              leftSection={<StatusBadge status={s} size="xs" />}
            >
              {t('case.transition.to', { status: t(`status.${s}`) })}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {target && <TransitionDialog c={c} to={target} onClose={() => setTarget(null)} />}
    </>
  );
}

function TransitionDialog({ c, to, onClose }: { c: Case; to: CaseStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const needs = requirementsFor(to);
  const [reason, setReason] = useState('');
  const [approvedBy, setApprovedBy] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; approvedBy?: string; general?: string }>(
    {},
  );
  const [busy, setBusy] = useState(false);
  const confirm = async (): Promise<void> => {
    const next: typeof errors = {};
    if (needs.includes('reason') && !reason.trim())
      next.reason = t('case.transition.reasonRequired');
    if (needs.includes('approvedBy') && !approvedBy.trim())
      next.approvedBy = t('case.transition.approverRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const refused = await moveCase(c, to, { reason, approvedBy });
      if (refused) {
        setErrors({ general: refused });
        return;
      }
      notifications.show({
        message: t('case.transition.done', { status: t(`status.${to}`) }),
        color: 'teal',
        autoClose: 2500,
      });
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('case.transition.title', { status: t(`status.${to}`) })}
      centered
    >
      <form
        autoComplete="off"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <Stack gap="sm">
          <Group gap="xs">
            <StatusBadge status={c.status} /> → <StatusBadge status={to} />
          </Group>
          {needs.includes('approvedBy') && (
            <TextInput
              label={t('case.transition.approvedBy')}
              value={approvedBy}
              onChange={(e) => setApprovedBy(e.currentTarget.value)}
              error={errors.approvedBy}
              data-autofocus
              withAsterisk
            />
          )}
          {needs.includes('reason') && (
            <Textarea
              label={t('case.transition.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
              autosize
              minRows={2}
              data-autofocus
              withAsterisk
            />
          )}
          {needs.includes('planDates') && <Text size="sm">{t('case.transition.needsDates')}</Text>}
          {errors.general && (
            <Text size="sm" c="red" role="alert">
              {errors.general}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('case.transition.confirm', { status: t(`status.${to}`) })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
