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
import { IconArrowBackUp, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteButton } from '../../shared/ui/DeleteButton';
import { caseSummary } from '../../domain/duration';
import type { Case, CaseStatus } from '../../domain/entities';
import { allowedTransitions, requirementsFor, stepBackTarget } from '../../domain/lifecycle';
import type { Finding } from '../../domain/plan-checks';
import { ConfirmDestructive } from '../../shared/ui/ConfirmDestructive';
import { DateField } from '../../shared/ui/DateField';
import { RiskBadge } from '../../shared/ui/RiskBadge';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { transitionMessage } from '../../shared/ui/error-message';
import { messageText } from '../../shared/ui/notify-failure';
import { hrefFor, navigate } from '../../shared/ui/router';
import { FindingCounts } from './FindingCounts';
import { today } from '../../shared/ui/today';
import { caseDependents, type CaseBundle, type PlanningData } from '../../domain/planning';
import { deleteCase, moveCase, moveCaseBack, type MoveRefusal } from './data';

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
  // Budget lines go with the case too, but the confirmation has never listed them (unchanged here).
  const consequences = (Object.entries(deps) as [string, number][])
    .filter(([store, n]) => n > 0 && store !== 'budgetLines')
    .map(([store, n]) => t(`case.delete.${store}`, { count: n }));
  return (
    <Stack gap={4}>
      {/* A long code name (up to 80 characters, possibly one unbroken word) is cut with an
          ellipsis and shown whole on hover; the badges and the buttons never leave the screen. */}
      <Group justify="space-between" wrap="nowrap" align="center" gap="sm">
        <Group
          gap="sm"
          wrap="nowrap"
          role="group"
          aria-label={t('case.headerLabel')}
          style={{ minWidth: 0, flex: '1 1 auto' }}
        >
          <Title order={1} className="haven-ellipsis" title={c.codeName} style={{ minWidth: 0 }}>
            {c.codeName}
          </Title>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <StatusBadge status={c.status} size="md" />
            <RiskBadge risk={c.riskLevel} size="md" />
          </Group>
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <TransitionMenu c={c} />
          <DeleteButton label={t('case.delete.button')} onClick={() => setDeleting(true)} />
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

/**
 * "Change status": only the lifecycle's allowed moves, each in its own small dialog, and the one
 * step back (with a reason) for a status set by mistake.
 */
export function TransitionMenu({ c }: { c: Case }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<{ to: CaseStatus; back: boolean } | null>(null);
  const allowed = allowedTransitions(c.status);
  const back = stepBackTarget(c.status);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="light"
            rightSection={<IconChevronDown size={14} aria-hidden />}
            disabled={allowed.length === 0 && !back}
          >
            {t('case.transition.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('case.transition.label', { status: t(`status.${c.status}`) })}</Menu.Label>
          {allowed.map((s) => (
            <Menu.Item
              key={s}
              onClick={() => setTarget({ to: s, back: false })}
              leftSection={<StatusBadge status={s} size="xs" />}
            >
              {t('case.transition.to', { status: t(`status.${s}`) })}
            </Menu.Item>
          ))}
          {back && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('case.transition.backLabel')}</Menu.Label>
              <Menu.Item
                onClick={() => setTarget({ to: back, back: true })}
                leftSection={<IconArrowBackUp size={14} aria-hidden />}
              >
                {t('case.transition.back', { status: t(`status.${back}`) })}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {target && (
        <TransitionDialog c={c} to={target.to} back={target.back} onClose={() => setTarget(null)} />
      )}
    </>
  );
}

/** The date a move to Relocated offers: the actual start if known, else the planned start (never a future day), else today. */
function offeredArrival(c: Case, day: string): string {
  if (c.actualStart) return c.actualStart;
  if (c.plannedStart && c.plannedStart <= day) return c.plannedStart;
  return day;
}

type DialogErrors = {
  reason?: string;
  approvedBy?: string;
  arrivalDate?: string;
  general?: string;
};

function TransitionDialog({
  c,
  to,
  back,
  onClose,
}: {
  c: Case;
  to: CaseStatus;
  back: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const needs = back ? (['reason'] as const) : requirementsFor(to);
  const day = today();
  const [reason, setReason] = useState('');
  const [approvedBy, setApprovedBy] = useState('');
  const [arrivalDate, setArrivalDate] = useState(() => offeredArrival(c, day));
  const [errors, setErrors] = useState<DialogErrors>({});
  const [busy, setBusy] = useState(false);
  const status = t(`status.${to}`);
  const refusalErrors = (r: MoveRefusal): DialogErrors => {
    switch (r.code) {
      case 'arrival_date_required':
        return { arrivalDate: t('case.transition.arrivalRequired') };
      case 'arrival_date_invalid':
        return { arrivalDate: t('case.transition.arrivalInvalid') };
      case 'arrival_in_future':
        return { arrivalDate: t('case.transition.arrivalFuture', { today: day }) };
      case 'reason_required':
        return { reason: t('case.transition.reasonRequired') };
      case 'approver_required':
        return { approvedBy: t('case.transition.approverRequired') };
      default:
        return { general: messageText(t, transitionMessage(r)) };
    }
  };
  const confirm = async (): Promise<void> => {
    const next: DialogErrors = {};
    if (needs.includes('reason') && !reason.trim())
      next.reason = t('case.transition.reasonRequired');
    if (needs.includes('approvedBy') && !approvedBy.trim())
      next.approvedBy = t('case.transition.approverRequired');
    if (needs.includes('arrivalDate') && !arrivalDate.trim())
      next.arrivalDate = t('case.transition.arrivalRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const refused = back
        ? await moveCaseBack(c, reason)
        : await moveCase(c, to, { reason, approvedBy, arrivalDate });
      if (refused) {
        setErrors(refusalErrors(refused));
        return;
      }
      notifications.show({
        message: t(back ? 'case.transition.backDone' : 'case.transition.done', { status }),
        color: 'teal',
        autoClose: 2500,
      });
      onClose();
    } finally {
      setBusy(false);
    }
  };
  const clears =
    back && c.status === 'relocated' && c.actualStart
      ? t('case.transition.backClearsStart', { date: c.actualStart })
      : back && (c.status === 'returned' || c.status === 'onward_exit') && c.actualEnd
        ? t('case.transition.backClearsEnd', { date: c.actualEnd })
        : back && c.status === 'approved'
          ? t('case.transition.backClearsApproval')
          : null;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(back ? 'case.transition.backTitle' : 'case.transition.title', { status })}
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
          {back && (
            <Text size="sm">
              {t('case.transition.backHint')}
              {clears ? ` ${clears}` : ''}
            </Text>
          )}
          {needs.includes('arrivalDate') && (
            <DateField
              label={t('case.transition.arrivalDate')}
              description={
                c.plannedStart
                  ? t('case.transition.arrivalHint', { planned: c.plannedStart })
                  : t('case.transition.arrivalHintNoPlan')
              }
              value={arrivalDate}
              onChange={(value) => {
                setArrivalDate(value);
                setErrors((x) => ({ ...x, arrivalDate: undefined }));
              }}
              error={errors.arrivalDate}
              data-autofocus
              withAsterisk
            />
          )}
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
              label={t(back ? 'case.transition.backReason' : 'case.transition.reason')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setErrors((x) => ({ ...x, reason: undefined }));
              }}
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
              {t(back ? 'case.transition.backConfirm' : 'case.transition.confirm', { status })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
