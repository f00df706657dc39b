/**
 * The renderer's root: the vault gate first; once the vault is open, the frame and the feature
 * page of the current route.
 */
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BudgetPage } from './features/budget';
import { CasePage, CasesPage, usePlanErrors, usePrimeCasesList } from './features/cases';
import { useCoordinatorToday } from './features/checkpoints';
import { DashboardPage, TimelinePage } from './features/dashboard';
import { HostsPage } from './features/hosts';
import { MapPage } from './features/map';
import { DamageBanner, VaultGate, VaultStatus } from './features/lock';
import { SettingsPage, useSettings } from './features/settings';
import { seedDemoVault } from './features/demo';
import { SearchButton, SearchSpotlight, ShortcutsDialog } from './features/search';
import { AppFrame } from './shared/ui/AppFrame';
import { isTerminal } from './domain/lifecycle';
import { countOverdueCheckpoints } from './domain/checkpoints';
import type { Case, Checkpoint } from './domain/entities';
import { PlanningSessionProvider, useRecords } from './storage';
import { hrefFor, useRoute, type Route } from './shared/ui/router';

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} tab={route.tab} />;
    case 'hosts':
      return <HostsPage hostId={null} />;
    case 'host':
      return <HostsPage key={route.hostId} hostId={route.hostId} />;
    case 'map':
      return <MapPage />;
    case 'timeline':
      return <TimelinePage />;
    case 'budget':
      return <BudgetPage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return (
        <Stack gap="sm">
          <Title order={1}>{t('pages.notFound.title')}</Title>
          <Text>{t('pages.notFound.body')}</Text>
          <Button component="a" href={hrefFor({ name: 'dashboard' })} w="fit-content">
            {t('pages.notFound.back')}
          </Button>
        </Stack>
      );
  }
}

export function App() {
  return (
    <VaultGate seedDemo={seedDemoVault}>
      <PlanningSessionProvider>
        <OpenApp />
      </PlanningSessionProvider>
    </VaultGate>
  );
}

/**
 * The app once the vault is open: unmounted (and its decrypted data with it, the planning session
 * included) when the vault locks.
 */
function OpenApp() {
  const { t } = useTranslation();
  usePrimeCasesList();
  const settings = useSettings();
  const route = useRoute();
  const cases = useRecords<Case>('cases');
  const checkpoints = useRecords<Checkpoint>('checkpoints');
  // Overdue turns at midnight in the coordinator's zone (Settings), not the computer's.
  const day = useCoordinatorToday();
  const overdue = useMemo(
    () => countOverdueCheckpoints(cases, checkpoints, day),
    [cases, checkpoints, day],
  );
  const { errorsOf, version } = usePlanErrors();
  const planErrors = useMemo(
    () => cases.reduce((n, c) => n + (isTerminal(c.status) ? 0 : (errorsOf(c.id) ?? 0)), 0),
    // `version` changes as plan-check counts arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cases, version],
  );
  const mainRef = useRef<string>('');
  // Move focus to the page after navigation so keyboard and screen-reader users land on it.
  useEffect(() => {
    const key = JSON.stringify(route);
    if (mainRef.current && mainRef.current !== key) {
      document.getElementById('main-content')?.focus({ preventScroll: true });
    }
    mainRef.current = key;
  }, [route]);
  return (
    <AppFrame
      route={route}
      headerStart={<SearchButton />}
      headerEnd={<VaultStatus autoLockMinutes={settings.autoLockMinutes} />}
      badges={{
        cases: { count: overdue, label: t('nav.overdueReviews', { count: overdue }) },
        dashboard: {
          count: overdue + planErrors,
          label: t('reviews.reminders', { overdue, errors: planErrors }),
        },
      }}
    >
      <SearchSpotlight />
      <ShortcutsDialog />
      <DamageBanner />
      {settings.demo && (
        <Alert color="grape" variant="light" mb="sm" role="status">
          {t('vault.status.demoBanner')}
        </Alert>
      )}
      <Page route={route} />
    </AppFrame>
  );
}
