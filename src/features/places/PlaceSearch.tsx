/**
 * Offline place search (the bundled gazetteer): type a city, pick it, and the place's country,
 * coordinates and IANA time zone come with it. The description under the field shows the zone,
 * so the coordinator sees in which local time the times next to it are read.
 */
import { Select } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../domain/entities';
import { countryName } from '../../domain/places/countries';
import { toPlace, type PlaceHit } from '../../domain/places/place-hit';
import { useGazetteer } from './use-gazetteer';

export interface PlaceSearchProps {
  label: string;
  value: Place | null;
  onChange: (place: Place | null, hit: PlaceHit | null) => void;
  error?: unknown;
  /** Form field path (plan-check links focus it). */
  name?: string;
  withAsterisk?: boolean;
  description?: string;
}

const keyOf = (p: Place): string => `${p.countryCode}|${p.name}|${p.lat}|${p.lng}`;

/** "Tbilisi, Georgia", or with the region when two results would read the same. */
export function placeLabel(
  hit: Pick<PlaceHit, 'name' | 'region' | 'countryName'>,
  withRegion = false,
): string {
  return withRegion && hit.region
    ? `${hit.name}, ${hit.region}, ${hit.countryName}`
    : `${hit.name}, ${hit.countryName}`;
}

export function PlaceSearch({
  label,
  value,
  onChange,
  error,
  name,
  withAsterisk,
  description,
}: PlaceSearchProps) {
  const { t } = useTranslation();
  const currentLabel = value
    ? `${value.name}, ${countryName(value.countryCode) ?? value.countryCode}`
    : '';
  const [search, setSearch] = useState(currentLabel);
  const gazetteer = useGazetteer();
  const wanted = search.trim().length >= 2 && search !== currentLabel;
  const hits = useMemo(
    () => (wanted && gazetteer ? gazetteer.searchPlaces(search, 8) : []),
    [wanted, gazetteer, search],
  );
  const byKey = new Map<string, PlaceHit>();
  const counts = new Map<string, number>();
  for (const h of hits)
    counts.set(`${h.name}|${h.countryName}`, (counts.get(`${h.name}|${h.countryName}`) ?? 0) + 1);
  const data = hits.map((h) => {
    const key = keyOf(toPlace(h));
    byKey.set(key, h);
    return {
      value: key,
      label: placeLabel(h, (counts.get(`${h.name}|${h.countryName}`) ?? 0) > 1),
    };
  });
  if (value && !byKey.has(keyOf(value))) data.unshift({ value: keyOf(value), label: currentLabel });
  return (
    <Select
      label={label}
      data-path={name}
      withAsterisk={withAsterisk}
      searchable
      clearable
      data={data}
      value={value ? keyOf(value) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={
        search.trim().length < 2
          ? t('places.typeMore')
          : gazetteer
            ? t('places.nothingFound')
            : t('loading.places')
      }
      placeholder={t('places.placeholder')}
      description={
        description ??
        (value
          ? t('places.zoneOf', {
              zone: value.zone,
              lat: value.lat.toFixed(2),
              lng: value.lng.toFixed(2),
            })
          : t('places.zoneHint'))
      }
      error={typeof error === 'string' ? error : undefined}
      onChange={(key) => {
        const hit = key ? byKey.get(key) : undefined;
        if (hit) onChange(toPlace(hit), hit);
        else if (!key) onChange(null, null);
      }}
    />
  );
}
