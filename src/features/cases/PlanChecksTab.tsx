/**
 * Plan checks: the domain's findings, errors first, each with its severity (word and icon, not
 * colour alone) and a link that opens the tab and the record's form with the field to fix focused.
 * Messages are rebuilt in the UI language from each finding's code and parameters (finding-text.ts).
 */
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCircleCheck,
  IconInfoCircle,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Finding, Severity } from '../../domain/plan-checks';
import { hrefFor } from '../../shared/ui/router';
import { focusHref } from '../../shared/ui/use-focus-request';
import { findingTab } from './finding-links';
import { findingText } from './finding-text';

const LOOK: Readonly<Record<Severity, { color: string; Icon: typeof IconInfoCircle }>> = {
  error: { color: 'red', Icon: IconAlertOctagon },
  warning: { color: 'yellow', Icon: IconAlertTriangle },
  info: { color: 'blue', Icon: IconInfoCircle },
};

/** Where a finding's "Fix" link goes. */
export function fixHref(caseId: string, f: Finding): string {
  const tab = findingTab(f);
  if (tab === 'budget') return hrefFor({ name: 'case', caseId, tab: 'budget' });
  const base = hrefFor({ name: 'case', caseId, tab });
  return f.fix.entity === 'cases' ? base : focusHref(base, f.fix.entity, f.fix.id, f.fix.field);
}

export function PlanChecksTab({
  caseId,
  findings,
}: {
  caseId: string;
  findings: readonly Finding[];
}) {
  const { t, i18n } = useTranslation();
  if (findings.length === 0) {
    return (
      <Group gap="xs">
        <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
        <Text size="sm">{t('planChecks.none')}</Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" role="list" aria-label={t('planChecks.listLabel')}>
      {findings.map((f, i) => {
        const { color, Icon } = LOOK[f.severity];
        return (
          <Card key={`${f.code}-${f.fix.id}-${i}`} withBorder padding="xs" role="listitem">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Icon
                size={18}
                color={`var(--mantine-color-${color}-6)`}
                aria-hidden
                style={{ flexShrink: 0, marginTop: 2 }}
              />
              <Stack gap={2} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Badge color={color} variant="light" size="xs" style={{ textTransform: 'none' }}>
                    {t(`planChecks.severity.${f.severity}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t(`planChecks.tab.${findingTab(f)}`)}
                  </Text>
                </Group>
                <Text size="sm">{findingText(t, f, i18n.language)}</Text>
              </Stack>
              <Anchor href={fixHref(caseId, f)} size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('planChecks.fix')}
              </Anchor>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
