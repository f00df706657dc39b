/** The Map page. */
import { useTranslation } from 'react-i18next';
import { PlannedPage } from '../../shared/ui/PlannedPage';

export function MapPage() {
  const { t } = useTranslation();
  return <PlannedPage title={t('pages.map.title')} description={t('pages.map.planned')} />;
}
