/** The Cases page. */
import { useTranslation } from 'react-i18next';
import { PlannedPage } from '../../shared/ui/PlannedPage';

export function CasesPage() {
  const { t } = useTranslation();
  return <PlannedPage title={t('pages.cases.title')} description={t('pages.cases.planned')} />;
}
