/**
 * The app once the vault is open (its own chunk, loaded after the unlock screen has shown): the
 * frame and the feature page of the current route. Heavy pages are code-split with lazyPage:
 * a new page that pulls in a large library (map tiles, charts, exports, print) is declared as
 *   const XPage = lazyPage(() => import('./features/x').then((m) => m.XPage));
 * and added to `Page` below; it then loads on first visit.
 */
import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CasePage, CasesPage, usePlanErrors, usePrimeCasesList } from './features/cases';
import { useCoordinatorToday } from './features/checkpoints';
import { DashboardPage, TimelinePage } from './features/dashboard';
import { HostsPage } from './features/hosts';
import { DamageBanner, VaultStatus } from './features/lock';
import { SettingsPage, useApplyLanguage, useSettings } from './features/settings';
import { SearchButton, SearchSpotlight, ShortcutsDialog } from './features/search';
import { AppFrame } from './shared/ui/AppFrame';
import { isTerminal } from './domain/lifecycle';
import { countOverdueCheckpoints } from './domain/checkpoints';
import type { Case, Checkpoint } from './domain/entities';
import { useRecords, useVaultLoading } from './storage';
import { lazyPage } from './shared/ui/lazy-page';
import { hrefFor, useRoute, type Route } from './shared/ui/router';

const MapPage = lazyPage(() => import('./features/map').then((m) => m.MapPage));
const BudgetPage = lazyPage(() => import('./features/budget').then((m) => m.BudgetPage));

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

/**
 * The app once the vault is open: unmounted (and its decrypted data with it, the planning session
 * included) when the vault locks.
 */
export default function OpenApp() {
  const { t } = useTranslation();
  usePrimeCasesList();
  const settings = useSettings();
  useApplyLanguage(settings.language);
  const stillLoading = useVaultLoading().length > 0;
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
      {stillLoading && (
        <Text size="sm" c="dimmed" role="status" mb="xs" data-testid="vault-loading">
          {t('loading.data')}
        </Text>
      )}
      {settings.demo && (
        <Alert color="grape" variant="light" mb="sm" role="status">
          {t('vault.status.demoBanner')}
        </Alert>
      )}
      {stillLoading && route.name !== 'dashboard' ? (
        // The dashboard is the first screen and paints from the stores opened first; every other
        // page judges whole cases, so it opens once the rest is decrypted (a second or two).
        <Loader size="sm" aria-label={t('loading.page')} />
      ) : (
        <Page route={route} />
      )}
    </AppFrame>
  );
}
