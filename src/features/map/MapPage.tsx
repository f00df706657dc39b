/**
 * The Map page, loaded on demand: Leaflet, the clustering plugin and the basemap data are in
 * their own chunks, fetched from the app's origin the first time the page opens, so the rest of
 * the app starts without them.
 */
import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { loadBasemap } from './basemap';

// The basemap's data starts loading (and being prepared) while the screen's chunk is fetched,
// instead of after the screen first renders.
const HostMapScreen = lazy(() => {
  void loadBasemap('110m').catch(() => undefined);
  return import('./HostMapScreen');
});

export function MapPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loader aria-label={t('map.loading')} />}>
      <HostMapScreen />
    </Suspense>
  );
}
