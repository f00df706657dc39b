/**
 * The Dashboard, the first screen after unlock: who travels this week, arrivals and returns in the
 * next 14 days, overdue and upcoming reviews, cases by status, host occupancy tonight, plan-check
 * errors across cases, and the budget of this month. Every item links to its case. The numbers are
 * the domain's (`computeDashboard`); plan-check counts fill in as they are computed.
 */
import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { memo, useDeferredValue, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  computeDashboard,
  dashboardPlanErrors,
  type Dashboard,
  type Listed,
} from '../../domain/dashboard';
import type { IsoDate } from '../../domain/time';
import { CASE_STATUSES } from '../../domain/entities';
import { formatZoned } from '../../domain/time-format';
import { CountBadge } from '../../shared/ui/CountBadge';
import { StatusBadge } from '../../shared/ui/StatusBadge';
import { hrefFor } from '../../shared/ui/router';
import { usePlanningIndex } from '../../storage';
import { usePlanErrors } from '../cases';
import { CalendarExportButton, useCoordinatorToday } from '../checkpoints';
import { BudgetThisMonth } from './BudgetThisMonth';

function Section({
  title,
  count,
  children,
  tone,
}: {
  title: string;
  count?: number;
  tone?: 'red' | 'gray';
  children: ReactNode;
}) {
  const id = `dash-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        {count !== undefined && count > 0 && (
          <CountBadge
            count={count}
            size="md"
            color={tone ?? 'gray'}
            variant={tone === 'red' ? 'filled' : 'light'}
          />
        )}
      </Group>
      {children}
    </Card>
  );
}

function Items<T>({
  list,
  empty,
  render,
}: {
  list: Listed<T>;
  empty: string;
  render: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (list.total === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={4}>
      <List size="sm" spacing={2} listStyleType="none" pl={0}>
        {list.items.map((item, i) => (
          <List.Item key={i}>{render(item)}</List.Item>
        ))}
      </List>
      {list.total > list.items.length && (
        <Text size="xs" c="dimmed">
          {t('dashboard.more', { count: list.total - list.items.length })}
        </Text>
      )}
    </Stack>
  );
}

const caseLink = (caseId: string, tab: string | null = null) =>
  hrefFor({ name: 'case', caseId, tab });

const noCounts = (): undefined => undefined;

export function DashboardPage() {
  const { t } = useTranslation();
  // Read deferred: when the rest of the vault arrives after unlock (or plan-check counts do), the
  // dashboard is rebuilt as a transition, which React renders in slices and input can interrupt.
  // At 5,000 cases that render took 60-110 ms in one block when it was urgent.
  const data = useDeferredValue(usePlanningIndex().data);
  const day = useCoordinatorToday();
  const { errorsOf, version: counted } = usePlanErrors();
  const version = useDeferredValue(counted);
  // The plan-check counts arrive in slices: only their part is recomputed as they do.
  // On the lists it reads only: people, visas and budget lines arriving after unlock change
  // `data` but not the dashboard.
  const rest = useMemo(
    () => computeDashboard(data, day, noCounts),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.cases, data.legs, data.stays, data.checkpoints, data.extensions, data.hosts, day],
  );
  const errors = useMemo(
    () => dashboardPlanErrors(data.cases, errorsOf),
    // `version` changes as plan-check counts arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.cases, version],
  );
  const d = useMemo(() => ({ ...rest, ...errors }), [rest, errors]);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={1}>{t('pages.dashboard.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('dashboard.today', { date: day })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Anchor href={hrefFor({ name: 'timeline' })} size="sm">
            {t('dashboard.openTimeline')}
          </Anchor>
          <CalendarExportButton />
        </Group>
      </Group>
      {data.cases.length === 0 && <Text>{t('dashboard.noCases')}</Text>}
      <DashboardGrid d={d} day={day} />
    </Stack>
  );
}

/**
 * The dashboard's items: a memoised component, so the app re-rendering for a store the dashboard
 * does not show (people, budget lines arriving after unlock) does not redraw them.
 */
const DashboardGrid = memo(function DashboardGrid({ d, day }: { d: Dashboard; day: IsoDate }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <Section title={t('dashboard.overdue')} count={d.overdue.total} tone="red">
        <Items
          list={d.overdue}
          empty={t('dashboard.overdueNone')}
          render={(r) => (
            <Anchor
              href={caseLink(r.caseId, 'checkpoints')}
              size="sm"
              c="var(--mantine-color-red-text)"
            >
              {t('dashboard.overdueItem', {
                name: r.codeName,
                kind: t(`checkpoints.kind.${r.kind}`),
                date: r.dueDate,
                count: r.daysLate,
              })}
            </Anchor>
          )}
        />
      </Section>
      <Section title={t('dashboard.upcoming')} count={d.upcoming.total}>
        <Items
          list={d.upcoming}
          empty={t('dashboard.upcomingNone')}
          render={(r) => (
            <Anchor href={caseLink(r.caseId, 'checkpoints')} size="sm">
              {t('dashboard.reviewItem', {
                name: r.codeName,
                kind: t(`checkpoints.kind.${r.kind}`),
                date: r.dueDate,
              })}
            </Anchor>
          )}
        />
      </Section>
      <Section
        title={t('dashboard.planErrors')}
        count={d.planErrorTotal}
        tone={d.planErrorTotal > 0 ? 'red' : 'gray'}
      >
        <Items
          list={d.planErrors}
          empty={
            d.planErrorsPending > 0
              ? t('dashboard.planErrorsPending', { count: d.planErrorsPending })
              : t('dashboard.planErrorsNone')
          }
          render={(e) => (
            <Anchor href={caseLink(e.caseId, 'plan-checks')} size="sm">
              {t('dashboard.planErrorItem', { name: e.codeName, count: e.errors })}
            </Anchor>
          )}
        />
      </Section>
      <Section title={t('dashboard.travelling')} count={d.travelling.total}>
        <Items
          list={d.travelling}
          empty={t('dashboard.travellingNone')}
          render={(x) => (
            <Anchor href={caseLink(x.caseId, 'travel')} size="sm">
              {t('dashboard.travelItem', {
                name: x.codeName,
                from: x.leg.from.name,
                to: x.leg.to.name,
                when: formatZoned(x.leg.depart, { withDate: true, locale: i18n.language }),
              })}
            </Anchor>
          )}
        />
      </Section>
      <Section title={t('dashboard.arrivals')} count={d.arrivals.total}>
        <Items
          list={d.arrivals}
          empty={t('dashboard.arrivalsNone')}
          render={(x) => (
            <Anchor href={caseLink(x.caseId)} size="sm">
              {t('dashboard.dateItem', { name: x.codeName, date: x.date })}
            </Anchor>
          )}
        />
      </Section>
      <Section title={t('dashboard.returns')} count={d.returns.total}>
        <Items
          list={d.returns}
          empty={t('dashboard.returnsNone')}
          render={(x) => (
            <Anchor href={caseLink(x.caseId)} size="sm">
              {t('dashboard.dateItem', { name: x.codeName, date: x.date })}
            </Anchor>
          )}
        />
      </Section>
      <Section title={t('dashboard.byStatus')}>
        {d.byStatus.size === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.noCases')}
          </Text>
        ) : (
          <Group gap="xs">
            {CASE_STATUSES.filter((s) => d.byStatus.has(s)).map((s) => (
              <Anchor key={s} href={hrefFor({ name: 'cases' })} underline="never">
                <Group gap={4} wrap="nowrap">
                  <StatusBadge status={s} size="sm" />
                  <Text size="sm" fw={600}>
                    {d.byStatus.get(s)}
                  </Text>
                </Group>
              </Anchor>
            ))}
          </Group>
        )}
      </Section>
      <Section title={t('dashboard.occupancy')} count={d.occupancy.total}>
        <Items
          list={d.occupancy}
          empty={t('dashboard.occupancyNone')}
          render={(h) => (
            <>
              <Anchor
                href={hrefFor({ name: 'host', hostId: h.hostId })}
                size="sm"
                c={h.people > h.beds ? 'var(--mantine-color-red-text)' : undefined}
              >
                {t('dashboard.occupancyItem', { host: h.codeName, people: h.people, beds: h.beds })}
              </Anchor>
              {' · '}
              {h.cases.map((c, i) => (
                <span key={c.caseId}>
                  {i > 0 ? ', ' : ''}
                  <Anchor href={caseLink(c.caseId, 'stays')} size="sm">
                    {c.codeName}
                  </Anchor>
                </span>
              ))}
              {h.caseCount > h.cases.length && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  {t('dashboard.occupancyMore', { count: h.caseCount - h.cases.length })}
                </Text>
              )}
            </>
          )}
        />
      </Section>
      <Section title={t('dashboard.budget.title')}>
        <BudgetThisMonth day={day} />
      </Section>
    </SimpleGrid>
  );
});
