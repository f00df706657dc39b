/** The Dashboard page. */
import { useTranslation } from 'react-i18next';
import { PlannedPage } from '../../shared/ui/PlannedPage';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <PlannedPage title={t('pages.dashboard.title')} description={t('pages.dashboard.planned')} />
  );
}
