/** Add or edit a person: code name (always), legal name (optional, most sensitive), role, birth date, nationality, travel document, needs. */
import { Divider, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  PERSON_ROLES,
  RELATIONSHIPS,
  TRAVEL_DOCUMENT_TYPES,
  type Person,
} from '../../domain/entities';
import { countryChoices } from '../../shared/ui/choices';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { savePerson } from './data';
import {
  personFormValues,
  personInput,
  validatePersonForm,
  type PersonFormValues,
} from './person-form';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { DateField } from '../../shared/ui/DateField';

export interface PersonDialogProps {
  caseId: string;
  person: Person | null;
  /** Role of a new person (principal for the first one). */
  newRole: 'principal' | 'dependant';
  /** A field to focus when the dialog opens (from a plan-check link). */
  focus: string | null;
  onClose: () => void;
}

export function PersonDialog({ caseId, person, newRole, focus, onClose }: PersonDialogProps) {
  const { t, i18n } = useTranslation();
  const rf = useRecordForm<PersonFormValues>({
    initialValues: personFormValues(person ?? undefined, newRole),
    validate: (v) => validatePersonForm(caseId, v),
    onSave: async (v) => {
      await savePerson(personInput(caseId, v), person ?? undefined);
    },
    onSaved: onClose,
  });
  const f = rf.field;
  const title = person ? t('people.editTitle', { name: person.codeName }) : t('people.addTitle');
  return (
    <RecordDialog
      title={title}
      rf={rf}
      onClose={onClose}
      size="lg"
      focus={focus ? [focus, `${focus}.type`] : undefined}
    >
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('people.fields.codeName')}
          withAsterisk
          autoComplete="off"
          data-autofocus={focus ? undefined : true}
          {...f('codeName')}
        />
        <TextInput
          label={t('people.fields.legalName')}
          description={t('people.fields.legalNameHelp')}
          autoComplete="off"
          {...f('legalName')}
        />
        <Select
          label={t('people.fields.role')}
          data={PERSON_ROLES.map((r) => ({ value: r, label: t(`people.role.${r}`) }))}
          allowDeselect={false}
          {...f('role')}
          onChange={(value) => {
            rf.form.setFieldValue('role', value ?? 'dependant');
            if (value === 'principal') rf.form.setFieldValue('relationship', 'self');
            else if (rf.form.getValues().relationship === 'self')
              rf.form.setFieldValue('relationship', 'child');
          }}
        />
        <Select
          label={t('people.fields.relationship')}
          data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`people.relationship.${r}`) }))}
          allowDeselect={false}
          {...f('relationship')}
        />
        <DateField label={t('people.fields.dateOfBirth')} {...f('dateOfBirth')} />
        <Select
          label={t('people.fields.nationality')}
          data={countryChoices(i18n.language)}
          searchable
          clearable
          {...f('nationality')}
        />
      </SimpleGrid>
      <Divider my="sm" label={t('people.fields.document')} labelPosition="left" />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('people.fields.documentType')}
          data={TRAVEL_DOCUMENT_TYPES.map((d) => ({
            value: d,
            label: t(`people.documentType.${d}`),
          }))}
          clearable
          {...f('travelDocument.type')}
        />
        <TextInput
          label={t('people.fields.documentNumber')}
          autoComplete="off"
          {...f('travelDocument.number')}
        />
        <Select
          label={t('people.fields.issuingCountry')}
          data={countryChoices(i18n.language)}
          searchable
          clearable
          {...f('travelDocument.issuingCountry')}
        />
        <DateField label={t('people.fields.documentExpiry')} {...f('travelDocument.expiry')} />
      </SimpleGrid>
      <Divider my="sm" label={t('people.fields.needs')} labelPosition="left" />
      <Text size="xs" c="dimmed" mb={4}>
        {t('people.fields.needsHelp')}
      </Text>
      <SimpleGrid cols={3} spacing="sm">
        <TextInput label={t('people.fields.medical')} {...f('needs.medical')} />
        <TextInput label={t('people.fields.accessibility')} {...f('needs.accessibility')} />
        <TextInput label={t('people.fields.language')} {...f('needs.language')} />
      </SimpleGrid>
    </RecordDialog>
  );
}
