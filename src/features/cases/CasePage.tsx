/**
 * One case's plan: the header, then tabs whose name is in the URL (#/cases/<id>/<tab>), so a
 * plan-check link or a reload lands on the right tab. Only the open tab is mounted.
 */
import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { runPlanChecks } from '../../domain/plan-checks';
import { planCheckInput, type CaseBundle, type CaseOwnedStore } from '../../domain/planning';
import { usePlanningIndex } from '../../storage';
import { hrefFor, navigate } from '../../shared/ui/router';
import { today } from '../../shared/ui/today';
import { BudgetTab, useBudgetCheckInput } from '../budget';
import { CheckpointsTab } from '../checkpoints';
import { PrintPackButton } from '../itinerary';
import { CaseMap } from '../map';
import { PeopleTab } from '../people';
import { StaysTab } from '../stays';
import { TravelTab } from '../travel';
import { CaseHeader } from './CaseHeader';
import { HistoryTab } from './HistoryTab';
import { OverviewTab } from './OverviewTab';
import { PlanChecksTab } from './PlanChecksTab';

const CASE_TABS = [
  'overview',
  'people',
  'travel',
  'stays',
  'checkpoints',
  'budget',
  'plan-checks',
  'map',
  'history',
] as const;
type CaseTab = (typeof CASE_TABS)[number];

/** The tabs that show how many of the case's records they hold, and the store they count. */
const COUNTED_TABS = [
  { tab: 'people', store: 'people', label: 'case.tabs.people' },
  { tab: 'travel', store: 'legs', label: 'case.tabs.travel' },
  { tab: 'stays', store: 'stays', label: 'case.tabs.stays' },
  { tab: 'checkpoints', store: 'checkpoints', label: 'case.tabs.checkpoints' },
] as const satisfies readonly { tab: CaseTab; store: CaseOwnedStore; label: string }[];

function isCaseTab(tab: string | null): tab is CaseTab {
  return tab !== null && (CASE_TABS as readonly string[]).includes(tab);
}

export function CasePage({ caseId, tab }: { caseId: string; tab: string | null }) {
  const { t } = useTranslation();
  const { data, bundles, hostsById, byHost } = usePlanningIndex();
  const grouped = bundles.get(caseId);
  const bundle = useMemo<CaseBundle | null>(
    () =>
      grouped
        ? {
            ...grouped,
            // Principal first, then dependants by code name: the same order on every tab.
            people: [...grouped.people].sort((a, b) =>
              a.role === b.role
                ? a.codeName.localeCompare(b.codeName)
                : a.role === 'principal'
                  ? -1
                  : 1,
            ),
          }
        : null,
    [grouped],
  );
  const budget = useBudgetCheckInput(caseId);
  const findings = useMemo(
    () =>
      bundle
        ? runPlanChecks({ ...planCheckInput(bundle, hostsById, byHost, today()), budget })
        : [],
    [bundle, hostsById, byHost, budget],
  );

  if (!bundle) {
    return (
      <Stack gap="sm">
        <Title order={1}>{t('case.notFound.title')}</Title>
        <Text>{t('case.notFound.body')}</Text>
        <Anchor href={hrefFor({ name: 'cases' })}>{t('case.notFound.back')}</Anchor>
      </Stack>
    );
  }
  const current: CaseTab = isCaseTab(tab) ? tab : 'overview';
  const count = (n: number) =>
    n > 0 ? (
      <Badge size="xs" variant="light" color="gray" circle>
        {n}
      </Badge>
    ) : null;
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="xs">
          <Anchor href={hrefFor({ name: 'cases' })} size="xs">
            {t('case.backToCases')}
          </Anchor>
        </Text>
        <PrintPackButton caseId={caseId} />
      </Group>
      <CaseHeader bundle={bundle} findings={findings} data={data} />
      <Tabs
        value={current}
        onChange={(v) => v && navigate({ name: 'case', caseId, tab: v })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">{t('case.tabs.overview')}</Tabs.Tab>
          {COUNTED_TABS.map(({ tab: value, store, label }) => (
            <Tabs.Tab key={value} value={value} rightSection={count(bundle[store].length)}>
              {t(label)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="budget">{t('case.tabs.budget')}</Tabs.Tab>
          <Tabs.Tab
            value="plan-checks"
            rightSection={
              findings.length > 0 ? (
                <Badge size="xs" variant="filled" color={errorCount > 0 ? 'red' : 'yellow'} circle>
                  {findings.length}
                </Badge>
              ) : null
            }
          >
            {t('case.tabs.planChecks')}
          </Tabs.Tab>
          <Tabs.Tab value="map">{t('map.caseTab')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('case.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="sm">
          <OverviewTab c={bundle.case} extensions={bundle.extensions} bundle={bundle} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="sm">
          <PeopleTab bundle={bundle} />
        </Tabs.Panel>
        <Tabs.Panel value="travel" pt="sm">
          <TravelTab bundle={bundle} hosts={data.hosts} />
        </Tabs.Panel>
        <Tabs.Panel value="stays" pt="sm">
          <StaysTab bundle={bundle} hosts={data.hosts} />
        </Tabs.Panel>
        <Tabs.Panel value="checkpoints" pt="sm">
          <CheckpointsTab bundle={bundle} />
        </Tabs.Panel>
        <Tabs.Panel value="budget" pt="sm">
          <BudgetTab bundle={bundle} />
        </Tabs.Panel>
        <Tabs.Panel value="plan-checks" pt="sm">
          <PlanChecksTab caseId={caseId} findings={findings} />
        </Tabs.Panel>
        <Tabs.Panel value="map" pt="sm">
          {current === 'map' && <CaseMap bundle={bundle} hosts={hostsById} />}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <HistoryTab bundle={bundle} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
