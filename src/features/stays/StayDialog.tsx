/** Add or edit a stay: host, check-in, check-out, who stays; the number of nights shows as the dates are typed. */
import { Checkbox, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stayNights } from '../../domain/duration';
import type { Case, HostLocation, Person, Stay } from '../../domain/entities';
import { isIsoDate } from '../../domain/time';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { useRecords } from '../../storage';
import { deleteStay, saveStay } from './data';
import {
  stayFormValues,
  stayInput,
  stayOverbooking,
  validateStayForm,
  type StayFormValues,
} from './stay-form';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { DateField } from '../../shared/ui/DateField';

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
  const allStays = useRecords<Stay>('stays');
  const cases = useRecords<Case>('cases');
  const overbooked = (values: StayFormValues): string | null => {
    const host = hostOf(values.hostId);
    const o = stayOverbooking(values, host, allStays, stay?.id ?? null);
    if (!o || !host) return null;
    const names = new Map<string, string>(cases.map((c) => [c.id, c.codeName]));
    const others = o.sharing.map((s) =>
      t('stays.overbookedOther', {
        caseName: s.caseId === caseId ? t('stays.thisCase') : (names.get(s.caseId) ?? '?'),
        count: s.people,
        from: s.checkIn,
        to: s.checkOut,
      }),
    );
    return t('stays.overbooked', {
      host: host.codeName,
      beds: o.beds,
      night: o.night,
      occupancy: o.occupancy,
      others: others.join(', '),
    });
  };
  const rf = useRecordForm<StayFormValues>({
    initialValues: stayFormValues(stay, { personIds: people.map((p) => p.id), ...defaults }),
    validate: (v) => validateStayForm(caseId, v, hostOf(v.hostId), overbooked(v)),
    onSave: async (v) => {
      await saveStay(stayInput(caseId, v), stay ?? undefined);
    },
    onSaved: onClose,
  });
  const v = rf.form.getValues();
  const f = rf.field;
  const host = hostOf(v.hostId);
  // Shown as the host, dates or people change, before anything is saved.
  const conflict = overbooked(v);
  const checkIn = f('checkIn');
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
      <SimpleGrid cols={2} spacing="sm" mt="xs" data-field="occupancy">
        <DateField
          label={t('stays.fields.checkIn')}
          withAsterisk
          {...checkIn}
          error={checkIn.error ?? conflict}
        />
        <DateField label={t('stays.fields.checkOut')} withAsterisk {...f('checkOut')} />
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
