/** Add or edit a stay: host, check-in, check-out, who stays; the number of nights shows as the dates are typed. */
import { Checkbox, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stayNights } from '../../domain/duration';
import type { HostLocation, Person, Stay } from '../../domain/entities';
import { isIsoDate } from '../../domain/time';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { deleteStay, saveStay } from './data';
import { stayFormValues, stayInput, validateStayForm, type StayFormValues } from './stay-form';
import { RecordDialog } from '../../shared/ui/RecordDialog';

export interface StayDialogProps {
  caseId: string;
  stay: Stay | null;
  people: readonly Person[];
  hosts: readonly HostLocation[];
  defaults: { checkIn: string; checkOut: string };
  focus: string | null;
  onClose: () => void;
}

export function StayDialog({
  caseId,
  stay,
  people,
  hosts,
  defaults,
  focus,
  onClose,
}: StayDialogProps) {
  const { t } = useTranslation();
  const hostOf = (id: string | null): HostLocation | undefined => hosts.find((h) => h.id === id);
  const rf = useRecordForm<StayFormValues>({
    initialValues: stayFormValues(stay, { personIds: people.map((p) => p.id), ...defaults }),
    validate: (v) => validateStayForm(caseId, v, hostOf(v.hostId)),
    onSave: async (v) => {
      await saveStay(stayInput(caseId, v), stay ?? undefined);
    },
    onSaved: onClose,
  });
  const v = rf.form.getValues();
  const f = rf.field;
  const host = hostOf(v.hostId);
  const nights =
    isIsoDate(v.checkIn) && isIsoDate(v.checkOut) && v.checkOut > v.checkIn
      ? stayNights({ checkIn: v.checkIn, checkOut: v.checkOut })
      : null;
  return (
    <RecordDialog
      title={stay ? t('stays.editTitle') : t('stays.addTitle')}
      rf={rf}
      onClose={onClose}
      size="lg"
      focus={focus ? [focus] : undefined}
      remove={
        stay && {
          label: t('stays.delete'),
          confirmLabel: t('stays.deleteConfirm'),
          run: () => deleteStay(stay.id),
        }
      }
    >
      <Select
        label={t('stays.fields.host')}
        data={hosts.map((h) => ({
          value: h.id,
          label: t('stays.hostOption', {
            name: h.codeName,
            city: h.city,
            beds: h.capacityBeds,
          }),
        }))}
        searchable
        withAsterisk
        data-autofocus
        nothingFoundMessage={t('stays.noHosts')}
        {...f('hostId')}
        onChange={(value) => {
          rf.form.setFieldValue('hostId', value);
          rf.form.validateField('personIds');
        }}
      />
      <SimpleGrid cols={2} spacing="sm" mt="xs">
        <TextInput type="date" label={t('stays.fields.checkIn')} withAsterisk {...f('checkIn')} />
        <TextInput type="date" label={t('stays.fields.checkOut')} withAsterisk {...f('checkOut')} />
      </SimpleGrid>
      <Text size="sm" mt={4} aria-live="polite">
        {nights !== null ? t('stays.nightsPreview', { count: nights }) : '\u00a0'}
      </Text>
      <Checkbox.Group
        label={t('stays.fields.people')}
        description={
          host ? t('stays.bedsHint', { count: host.capacityBeds, name: host.codeName }) : undefined
        }
        mt="xs"
        data-field="personIds"
        {...rf.form.getInputProps('personIds')}
      >
        <Group gap="md" mt={4}>
          {people.map((p) => (
            <Checkbox key={p.id} value={p.id} label={p.codeName} />
          ))}
        </Group>
      </Checkbox.Group>
    </RecordDialog>
  );
}
