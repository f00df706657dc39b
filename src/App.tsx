/**
 * The renderer's root: the vault gate first; once the vault is open, the frame and the feature
 * page of the current route.
 */
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BudgetPage } from './features/budget';
import { CasePage, CasesPage, usePrimeCasesList } from './features/cases';
import { DashboardPage } from './features/dashboard';
import { HostsPage } from './features/hosts';
import { MapPage } from './features/map';
import { DamageBanner, VaultGate, VaultStatus } from './features/lock';
import { SettingsPage, useApplyLanguage, useSettings } from './features/settings';
import { seedDemoVault } from './features/demo';
import { SearchButton, SearchSpotlight, ShortcutsDialog } from './features/search';
import { AppFrame } from './shared/ui/AppFrame';
import { today } from './shared/ui/today';
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
  useApplyLanguage(settings.language);
  const route = useRoute();
  const cases = useRecords<Case>('cases');
  const checkpoints = useRecords<Checkpoint>('checkpoints');
  const overdue = useMemo(
    () => countOverdueCheckpoints(cases, checkpoints, today()),
    [cases, checkpoints],
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
      badges={{ cases: { count: overdue, label: t('nav.overdueReviews', { count: overdue }) } }}
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
