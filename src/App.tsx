/**
 * The renderer's root: routes to the feature pages inside the frame.
 */
import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BudgetPage } from './features/budget';
import { CasesPage } from './features/cases';
import { DashboardPage } from './features/dashboard';
import { HostsPage } from './features/hosts';
import { MapPage } from './features/map';
import { SettingsPage } from './features/settings';
import { AppFrame } from './shared/ui/AppFrame';
import { hrefFor, useRoute, type Route } from './shared/ui/router';

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'cases':
    case 'case':
      return <CasesPage />;
    case 'hosts':
    case 'host':
      return <HostsPage />;
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
  const route = useRoute();
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
    <AppFrame route={route}>
      <Page route={route} />
    </AppFrame>
  );
}
