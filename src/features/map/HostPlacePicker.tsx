/**
 * Setting a host's place on the map, for the host form: click to set, drag to adjust, and a
 * choice to keep the place only to about 1 km or 10 km (the rounded value is what the form
 * stores). The map itself is loaded on demand.
 */
import { Loader, Radio, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRounded, roundCoordinates, type LatLng, type Rounding } from '../../domain/geo';

const PlacePickerMap = lazy(() => import('./PlacePickerMap'));

export type PlaceRounding = 'exact' | Rounding;

export interface HostPlacePickerProps {
  /** The form's current coordinates, or null while they are empty or invalid. */
  readonly value: LatLng | null;
  /** Called with the place to store (already rounded when a rounding is chosen). */
  readonly onChange: (p: LatLng, rounding: PlaceRounding) => void;
}

/** The rounding a stored place already has (a place on the 10 km grid reads as "10 km"). */
export function roundingOf(p: LatLng | null): PlaceRounding {
  if (!p) return 'exact';
  if (isRounded(p, '10km')) return '10km';
  if (isRounded(p, '1km')) return '1km';
  return 'exact';
}

function apply(p: LatLng, r: PlaceRounding): LatLng {
  return r === 'exact'
    ? { lat: Math.round(p.lat * 1e5) / 1e5, lng: Math.round(p.lng * 1e5) / 1e5 }
    : roundCoordinates(p, r);
}

export function HostPlacePicker({ value, onChange }: HostPlacePickerProps) {
  const { t } = useTranslation();
  const [rounding, setRounding] = useState<PlaceRounding>(() => roundingOf(value));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('map.picker.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('map.picker.help')}
      </Text>
      <Suspense fallback={<Loader size="sm" aria-label={t('map.loading')} />}>
        <PlacePickerMap value={value} onPick={(p) => onChange(apply(p, rounding), rounding)} />
      </Suspense>
      <Radio.Group
        label={t('map.picker.rounding')}
        description={t('map.picker.roundingHelp')}
        value={rounding}
        onChange={(r) => {
          const next = r as PlaceRounding;
          setRounding(next);
          if (value) onChange(apply(value, next), next);
        }}
      >
        <Group gap="md" mt={4}>
          <Radio value="exact" label={t('map.picker.exact')} />
          <Radio value="1km" label={t('map.picker.round1')} />
          <Radio value="10km" label={t('map.picker.round10')} />
        </Group>
      </Radio.Group>
    </Stack>
  );
}
