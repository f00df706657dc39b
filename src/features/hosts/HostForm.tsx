/**
 * The host form: code name, type, place (search the offline gazetteer, or type city, country and
 * coordinates), beds, availability windows, services, nightly cost, contact channel, vetting date
 * and notes. Save and Cancel at the bottom; leaving with unsaved changes asks.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HOST_SERVICES, HOST_TYPES, type HostLocation } from '../../domain/entities';
import { countryChoices, currencyChoices } from '../../shared/ui/choices';
import { FormActions } from '../../shared/ui/FormActions';
import { LeaveGuard, useRecordForm } from '../../shared/ui/use-record-form';
import { HostPlacePicker } from '../map';
import { PlaceSearch, formatCoordinate, parseCoordinate } from '../places';
import { saveHost } from './data';
import { hostFormValues, hostInput, validateHostForm, type HostFormValues } from './host-form';
import { DateField } from '../../shared/ui/DateField';

export function HostForm({
  host,
  onSaved,
  onCancel,
}: {
  host: HostLocation | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const savedId = useRef(host?.id ?? '');
  const messages = {
    coordinate: (axis: 'lat' | 'lng', error: string) => t(`hosts.errors.${axis}.${error}`),
    amountRequired: t('hosts.errors.amountRequired'),
  };
  const rf = useRecordForm<HostFormValues>({
    initialValues: hostFormValues(host ?? undefined),
    validate: (v) => validateHostForm(v, messages),
    onSave: async (v) => {
      savedId.current = await saveHost(hostInput(v).input, host ?? undefined);
    },
    onSaved: () => onSaved(savedId.current),
  });
  const f = rf.field;
  const v = rf.form.getValues();
  return (
    <form
      autoComplete="off"
      noValidate
      aria-label={
        host ? t('hosts.editFormLabel', { name: host.codeName }) : t('hosts.newFormLabel')
      }
      onSubmit={(e) => {
        e.preventDefault();
        void rf.save();
      }}
    >
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('hosts.fields.codeName')}
            withAsterisk
            autoComplete="off"
            data-autofocus
            {...f('codeName')}
          />
          <Select
            label={t('hosts.fields.type')}
            data={HOST_TYPES.map((x) => ({ value: x, label: t(`hosts.type.${x}`) }))}
            allowDeselect={false}
            {...f('type')}
          />
        </SimpleGrid>
        <Divider label={t('hosts.fields.place')} labelPosition="left" />
        <PlaceSearch
          label={t('hosts.fields.findCity')}
          description={t('hosts.fields.findCityHelp')}
          value={null}
          onChange={(place) => {
            if (!place) return;
            rf.form.setValues({
              city: place.name,
              countryCode: place.countryCode,
              lat: formatCoordinate(place.lat),
              lng: formatCoordinate(place.lng),
            });
            rf.form.clearFieldError('city');
            rf.form.clearFieldError('countryCode');
            rf.form.clearFieldError('lat');
            rf.form.clearFieldError('lng');
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput label={t('hosts.fields.city')} withAsterisk {...f('city')} />
          <Select
            label={t('hosts.fields.country')}
            data={countryChoices(i18n.language)}
            searchable
            withAsterisk
            {...f('countryCode')}
          />
          <TextInput
            label={t('hosts.fields.lat')}
            placeholder={t('hosts.fields.latHelp')}
            inputMode="decimal"
            withAsterisk
            {...f('lat')}
          />
          <TextInput
            label={t('hosts.fields.lng')}
            placeholder={t('hosts.fields.lngHelp')}
            inputMode="decimal"
            withAsterisk
            {...f('lng')}
          />
        </SimpleGrid>
        <Textarea
          label={t('details.address')}
          description={t('details.addressHelp')}
          autosize
          minRows={1}
          maxRows={3}
          autoComplete="off"
          {...f('address')}
        />
        <HostPlacePicker
          value={placeOf(v.lat, v.lng)}
          onChange={(p, rounding) => {
            rf.form.setValues({
              lat: formatCoordinate(p.lat),
              lng: formatCoordinate(p.lng),
              ...(rounding === 'exact' ? {} : { approximate: true }),
            });
            rf.form.clearFieldError('lat');
            rf.form.clearFieldError('lng');
          }}
        />
        <Checkbox
          label={t('hosts.fields.approximate')}
          {...f('approximate', { type: 'checkbox' })}
        />
        <Divider label={t('hosts.fields.capacityAndCost')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm" verticalSpacing="xs">
          <NumberInput
            label={t('hosts.fields.beds')}
            min={1}
            max={1000}
            allowDecimal={false}
            withAsterisk
            {...f('capacityBeds')}
          />
          <TextInput
            label={t('hosts.fields.nightlyCost')}
            description={t('hosts.fields.nightlyCostHelp')}
            inputMode="decimal"
            withAsterisk
            {...f('nightlyAmount')}
          />
          <Select
            label={t('hosts.fields.currency')}
            data={currencyChoices()}
            searchable
            allowDeselect={false}
            {...f('nightlyCurrency')}
          />
          <DateField label={t('hosts.fields.vettedOn')} {...f('vettedOn')} />
        </SimpleGrid>
        <Checkbox.Group
          label={t('hosts.fields.services')}
          data-field="services"
          {...rf.form.getInputProps('services')}
        >
          <Group gap="md" mt={4}>
            {HOST_SERVICES.map((s) => (
              <Checkbox key={s} value={s} label={t(`hosts.service.${s}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Stack gap={4} data-field="availability">
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('hosts.fields.availability')}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPlus size={12} aria-hidden />}
              onClick={() => rf.form.insertListItem('availability', { from: '', to: '' })}
            >
              {t('hosts.fields.addWindow')}
            </Button>
          </Group>
          {v.availability.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('hosts.fields.noWindows')}
            </Text>
          )}
          {v.availability.map((_, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <DateField
                size="xs"
                label={t('hosts.fields.windowFrom', { n: i + 1 })}
                {...f(`availability.${i}.from`)}
              />
              <DateField
                size="xs"
                label={t('hosts.fields.windowTo', { n: i + 1 })}
                {...f(`availability.${i}.to`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={22}
                aria-label={t('hosts.fields.removeWindow', { n: i + 1 })}
                onClick={() => rf.form.removeListItem('availability', i)}
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {typeof rf.form.errors.availability === 'string' && (
            <Text size="xs" c="red">
              {rf.form.errors.availability}
            </Text>
          )}
        </Stack>
        <TextInput
          label={t('hosts.fields.contactChannel')}
          description={t('hosts.fields.contactChannelHelp')}
          {...f('contactChannel')}
        />
        <Textarea
          label={t('hosts.fields.notes')}
          autosize
          minRows={2}
          maxRows={6}
          {...f('notes')}
        />
      </Stack>
      <FormActions
        onCancel={() => (host ? rf.form.reset() : onCancel())}
        onSave={() => void rf.save()}
        saving={rf.saving}
        dirty={rf.dirty}
      />
      <LeaveGuard dirty={rf.dirty} />
    </form>
  );
}

function placeOf(lat: string, lng: string): { lat: number; lng: number } | null {
  const a = parseCoordinate(lat, 'lat');
  const b = parseCoordinate(lng, 'lng');
  return a.ok && b.ok ? { lat: a.value, lng: b.value } : null;
}
