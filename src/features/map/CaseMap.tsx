/** The case map for the case page; Leaflet and the basemap load on demand. */
import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMapProps } from './CaseMapView';

const CaseMapView = lazy(() => import('./CaseMapView'));

export function CaseMap(props: CaseMapProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loader aria-label={t('map.loading')} />}>
      <CaseMapView {...props} />
    </Suspense>
  );
}
