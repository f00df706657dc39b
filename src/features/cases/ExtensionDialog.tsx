/**
 * Record an extension of a relocated case: the new end, why, who approved it and when. The domain
 * (`draftExtension`) checks it chains from the end in force; plan checks and durations then use
 * the new end.
 */
import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { draftExtension } from '../../domain/duration';
import type { Case, Extension } from '../../domain/entities';
import { today } from '../../shared/ui/today';
import { useRecordForm, type FieldErrors } from '../../shared/ui/use-record-form';
import { domainMessage } from '../../shared/ui/domain-messages';
import { saveExtension } from './data';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { DateField } from '../../shared/ui/DateField';

type ExtensionFormValues = {
  toEnd: string;
  reason: string;
  approvedBy: string;
  approvedOn: string;
};

export function ExtensionDialog({
  c,
  extensions,
  onClose,
}: {
  c: Case;
  extensions: readonly Extension[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const validate = (v: ExtensionFormValues): FieldErrors => {
    const r = draftExtension(c, extensions, v);
    if (r.ok) return {};
    const errors: FieldErrors = {};
    for (const e of r.error) {
      // Status and the end in force are not fields of this form: show them at the new end.
      const field = e.field === 'status' || e.field === 'fromEnd' ? 'toEnd' : e.field;
      errors[field] ??= domainMessage(e.message, t);
    }
    return errors;
  };
  const rf = useRecordForm<ExtensionFormValues>({
    initialValues: { toEnd: '', reason: '', approvedBy: '', approvedOn: today() },
    validate,
    onSave: async (v) => {
      const r = draftExtension(c, extensions, v);
      if (r.ok) await saveExtension(r.value);
    },
    onSaved: onClose,
  });
  const f = rf.field;
  return (
    <RecordDialog title={t('case.extension.title', { name: c.codeName })} rf={rf} onClose={onClose}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <DateField label={t('case.extension.toEnd')} withAsterisk data-autofocus {...f('toEnd')} />
        <DateField label={t('case.extension.approvedOn')} withAsterisk {...f('approvedOn')} />
      </SimpleGrid>
      <TextInput label={t('case.extension.approvedBy')} withAsterisk mt="xs" {...f('approvedBy')} />
      <Textarea
        label={t('case.extension.reason')}
        withAsterisk
        autosize
        minRows={2}
        mt="xs"
        {...f('reason')}
      />
    </RecordDialog>
  );
}
