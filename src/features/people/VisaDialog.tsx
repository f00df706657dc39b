/** Add or edit a visa or permit of one person: country, type, status, validity. */
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VISA_STATUSES, VISA_TYPES, type Person, type Visa } from '../../domain/entities';
import { countryChoices, currencyChoices } from '../../shared/ui/choices';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { deleteVisa, saveVisa } from './data';
import { validateVisaForm, visaFormValues, visaInput, type VisaFormValues } from './person-form';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { DateField } from '../../shared/ui/DateField';

export function VisaDialog({
  person,
  visa,
  focus,
  onClose,
}: {
  person: Person;
  visa: Visa | null;
  focus: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rf = useRecordForm<VisaFormValues>({
    initialValues: visaFormValues(visa ?? undefined),
    validate: (v) => validateVisaForm(person.caseId, person.id, v),
    onSave: async (v) => {
      await saveVisa(
        visaInput(person.caseId, person.id, v, visa?.checklist ?? []),
        visa ?? undefined,
      );
    },
    onSaved: onClose,
  });
  const f = rf.field;
  return (
    <RecordDialog
      title={
        visa
          ? t('people.visa.editTitle', { name: person.codeName })
          : t('people.visa.addTitle', { name: person.codeName })
      }
      rf={rf}
      onClose={onClose}
      focus={focus ? [focus] : undefined}
      remove={
        visa && {
          label: t('people.visa.delete'),
          confirmLabel: t('people.visa.deleteConfirm'),
          run: () => deleteVisa(visa.id),
        }
      }
    >
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('people.visa.country')}
          data={countryChoices(i18n.language)}
          searchable
          withAsterisk
          data-autofocus
          {...f('country')}
        />
        <Select
          label={t('people.visa.type')}
          data={VISA_TYPES.map((v) => ({ value: v, label: t(`people.visa.types.${v}`) }))}
          allowDeselect={false}
          {...f('type')}
        />
        <Select
          label={t('people.visa.status')}
          data={VISA_STATUSES.map((v) => ({ value: v, label: t(`people.visa.statuses.${v}`) }))}
          allowDeselect={false}
          {...f('status')}
        />
        <div />
        <DateField label={t('people.visa.validFrom')} {...f('validFrom')} />
        <DateField label={t('people.visa.validTo')} {...f('validTo')} />
        <TextInput label={t('budget.visaFee')} inputMode="decimal" {...f('feeAmount')} />
        <Select
          label={t('budget.visaFeeCurrency')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          {...f('feeCurrency')}
        />
      </SimpleGrid>
    </RecordDialog>
  );
}
