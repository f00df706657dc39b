/**
 * Add or edit a travel leg. From and To come from the offline gazetteer (with their time zones);
 * Departure and Arrival are typed in the local time of each place, and the zone in force is
 * shown under each field. The duration once zones are applied is shown as the times are typed.
 */
import { Checkbox, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/ui/format';
import {
  LEG_MODES,
  LEG_STATUSES,
  type Person,
  type Place,
  type TravelLeg,
} from '../../domain/entities';
import { isLocalDateTime, localAt, minutesBetween, resolveLocal } from '../../domain/time';
import { formatDuration, formatZoned } from '../../domain/time-format';
import { currencyChoices } from '../../shared/ui/choices';
import { DateTimeField } from '../../shared/ui/DateField';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { PlaceSearch } from '../places';
import { deleteLeg, saveLeg } from './data';
import {
  legFormValues,
  legInput,
  typedLocal,
  validateLegForm,
  type LegFormValues,
} from './leg-form';
import { RecordDialog } from '../../shared/ui/RecordDialog';

export interface LegDialogProps {
  caseId: string;
  leg: TravelLeg | null;
  people: readonly Person[];
  currency: string;
  /** Where a new leg starts by default (the previous leg's arrival). */
  defaultFrom: Place | null;
  focus: string | null;
  onClose: () => void;
}

/** "Local time in Tbilisi · Asia/Tbilisi · GET (UTC+4)" (the offset in force at the typed time). */
function zoneNote(place: Place | null, local: string, t: TFunction): string {
  if (!place) return t('travel.pickPlaceFirst');
  const at = isLocalDateTime(local) ? local : localAt(Date.now(), place.zone);
  const zoneText = formatZoned({ local: at, zone: place.zone }).replace(/^\d{2}:\d{2} /, '');
  return t('travel.localIn', { place: place.name, zone: `${place.zone} · ${zoneText}` });
}

export function LegDialog({
  caseId,
  leg,
  people,
  currency,
  defaultFrom,
  focus,
  onClose,
}: LegDialogProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const messages = {
    chooseFrom: t('travel.errors.chooseFrom'),
    chooseTo: t('travel.errors.chooseTo'),
    currency: t('travel.errors.currency'),
  };
  const rf = useRecordForm<LegFormValues>({
    initialValues: legFormValues(leg, {
      travellerIds: people.map((p) => p.id),
      currency,
      from: defaultFrom,
    }),
    validate: (v) => validateLegForm(caseId, v, messages),
    onSave: async (v) => {
      await saveLeg(legInput(caseId, v), leg ?? undefined);
    },
    onSaved: onClose,
  });
  const v = rf.form.getValues();
  const f = rf.field;
  const departLocal = typedLocal(v.depart.local);
  const arriveLocal = typedLocal(v.arrive.local);
  const dep = v.from ? resolveLocal({ local: departLocal, zone: v.from.zone }) : null;
  const arr = v.to ? resolveLocal({ local: arriveLocal, zone: v.to.zone }) : null;
  const duration = dep?.ok && arr?.ok ? minutesBetween(dep.value.epochMs, arr.value.epochMs) : null;
  const place = (which: 'from' | 'to') => {
    const props = rf.form.getInputProps(which);
    return {
      name: which,
      value: v[which],
      error: props.error,
      onChange: (p: Place | null) => rf.form.setFieldValue(which, p),
    };
  };
  return (
    <RecordDialog
      title={leg ? t('travel.editTitle') : t('travel.addTitle')}
      rf={rf}
      onClose={onClose}
      size="xl"
      focus={focus ? [focus] : undefined}
      remove={
        leg && {
          label: t('travel.delete'),
          confirmLabel: t('travel.deleteConfirm'),
          run: () => deleteLeg(leg.id),
        }
      }
    >
      <SimpleGrid cols={4} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('travel.fields.mode')}
          data={LEG_MODES.map((m) => ({ value: m, label: t(`travel.mode.${m}`) }))}
          allowDeselect={false}
          data-autofocus
          {...f('mode')}
        />
        <TextInput label={t('travel.fields.carrier')} {...f('carrier')} />
        <TextInput label={t('travel.fields.number')} {...f('number')} />
        <Select
          label={t('travel.fields.status')}
          data={LEG_STATUSES.map((m) => ({ value: m, label: t(`travel.status.${m}`) }))}
          allowDeselect={false}
          {...f('status')}
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" mt="xs">
        <PlaceSearch label={t('travel.fields.from')} withAsterisk {...place('from')} />
        <PlaceSearch label={t('travel.fields.to')} withAsterisk {...place('to')} />
        <DateTimeField
          label={t('travel.fields.depart')}
          description={zoneNote(v.from, departLocal, t)}
          withAsterisk
          {...f('depart.local')}
        />
        <DateTimeField
          label={t('travel.fields.arrive')}
          description={zoneNote(v.to, arriveLocal, t)}
          withAsterisk
          {...f('arrive.local')}
        />
      </SimpleGrid>
      <Text
        size="sm"
        mt={4}
        aria-live="polite"
        c={duration !== null && duration <= 0 ? 'red' : undefined}
      >
        {duration !== null
          ? t('travel.durationPreview', { duration: formatDuration(duration, locale) })
          : '\u00a0'}
      </Text>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" mt="xs">
        <TextInput
          label={t('details.departureTerminal')}
          placeholder={t('details.terminalHelp')}
          {...f('departureTerminal')}
        />
        <TextInput
          label={t('details.arrivalTerminal')}
          placeholder={t('details.terminalHelp')}
          {...f('arrivalTerminal')}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('travel.fields.travellers')}
        mt="xs"
        data-field="travellerIds"
        {...rf.form.getInputProps('travellerIds')}
      >
        <Group gap="md" mt={4}>
          {people.map((p) => (
            <Checkbox key={p.id} value={p.id} label={p.codeName} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs" mt="xs">
        <TextInput
          label={t('travel.fields.bookingReference')}
          description={t('travel.fields.bookingReferenceHelp')}
          autoComplete="off"
          {...f('bookingReference')}
        />
        <TextInput label={t('travel.fields.cost')} inputMode="decimal" {...f('costAmount')} />
        <Select
          label={t('travel.fields.currency')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          {...f('costCurrency')}
        />
      </SimpleGrid>
    </RecordDialog>
  );
}
