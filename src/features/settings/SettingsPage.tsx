/** The Settings page. */
import { useTranslation } from 'react-i18next';
import { PlannedPage } from '../../shared/ui/PlannedPage';

export function SettingsPage() {
  const { t } = useTranslation();
  return <PlannedPage title={t('pages.settings.title')} description={t('pages.settings.planned')} />;
}
