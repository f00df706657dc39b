/** "New case": the essentials, then the new case opens on its People tab (the next thing to add). */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../shared/ui/router';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { caseFormValues, caseInput, validateCaseForm, type CaseFormValues } from './case-form';
import { CaseFields } from './CaseFields';
import { saveCase } from './data';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { useSettings } from '../settings';

export function NewCaseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return opened ? <NewCaseDialog onClose={onClose} /> : null;
}

function NewCaseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const created = useRef('');
  const settings = useSettings();
  const rf = useRecordForm<CaseFormValues>({
    initialValues: caseFormValues(undefined, settings.defaultReportingCurrency),
    validate: validateCaseForm,
    onSave: async (v) => {
      created.current = await saveCase(caseInput(v));
    },
    onSaved: () => {
      onClose();
      navigate({ name: 'case', caseId: created.current, tab: 'people' });
    },
  });
  return (
    <RecordDialog
      title={t('cases.new')}
      rf={rf}
      onClose={onClose}
      size="lg"
      saveLabel={t('cases.create')}
    >
      <CaseFields rf={rf} variant="essential" />
    </RecordDialog>
  );
}
