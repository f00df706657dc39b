/** "New case": the essentials, then the new case opens on its People tab (the next thing to add). */
import { Modal } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../shared/ui/FormActions';
import { navigate } from '../../shared/ui/router';
import { LeaveGuard, useConfirmLeave, useRecordForm } from '../../shared/ui/use-record-form';
import { caseFormValues, caseInput, validateCaseForm, type CaseFormValues } from './case-form';
import { CaseFields } from './CaseFields';
import { saveCase } from './data';

export function NewCaseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return opened ? <NewCaseDialog onClose={onClose} /> : null;
}

function NewCaseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const created = useRef('');
  const rf = useRecordForm<CaseFormValues>({
    initialValues: caseFormValues(),
    validate: validateCaseForm,
    onSave: async (v) => {
      created.current = await saveCase(caseInput(v));
    },
    onSaved: () => {
      onClose();
      navigate({ name: 'case', caseId: created.current, tab: 'people' });
    },
  });
  const leave = useConfirmLeave(rf.dirty);
  const close = (): void => leave.ask(onClose);
  return (
    <>
      <Modal opened onClose={close} title={t('cases.new')} size="lg">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void rf.save();
          }}
        >
          <CaseFields rf={rf} variant="essential" />
          <FormActions
            onCancel={close}
            onSave={() => void rf.save()}
            saving={rf.saving}
            dirty={rf.dirty}
            saveLabel={t('cases.create')}
          />
        </form>
      </Modal>
      {leave.modal}
      <LeaveGuard dirty={rf.dirty} />
    </>
  );
}
