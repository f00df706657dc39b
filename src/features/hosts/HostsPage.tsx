/** The Hosts page. */
import { useTranslation } from 'react-i18next';
import { PlannedPage } from '../../shared/ui/PlannedPage';

export function HostsPage(_props: { hostId: string | null }) {
  const { t } = useTranslation();
  return <PlannedPage title={t('pages.hosts.title')} description={t('pages.hosts.planned')} />;
}
