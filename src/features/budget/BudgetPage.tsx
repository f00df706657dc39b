/** The Budget page. */
import { useTranslation } from 'react-i18next';
import { PlannedPage } from '../../shared/ui/PlannedPage';

export function BudgetPage() {
  const { t } = useTranslation();
  return <PlannedPage title={t('pages.budget.title')} description={t('pages.budget.planned')} />;
}
