/**
 * The Map page (loaded on demand): hosts on the offline map, coloured by whether they are free for
 * the chosen dates and number of people, counting every case's stays. The side panel filters by
 * country, type, services, beds and availability and says how many hosts match; the list beside
 * the map shows the same hosts, in step, and works by keyboard (arrows move, Enter opens). A
 * host's popup has its details and current and upcoming stays by case code name, with links.
 * The place search jumps to a city.
 */
import {
  Anchor,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, Popup } from 'react-leaflet';
import {
  AVAILABILITIES,
  type Availability,
  type AvailabilityQuery,
} from '../../domain/availability';
import { HOST_SERVICES, HOST_TYPES, type HostService, type HostType } from '../../domain/entities';
import { countryName } from '../../domain/places';
import { addDays, daysBetween, isIsoDate, type IsoDate } from '../../domain/time';
import { DateField } from '../../shared/ui/DateField';
import { hrefFor } from '../../shared/ui/router';
import { today } from '../../shared/ui/today';
import { usePlanningIndex } from '../../storage';
import { PlaceSearch } from '../places';
import { filterRows, hostRows, sortHosts, type HostFilters, type HostRow } from './host-filters';
import { AVAILABILITY_SYMBOL, HostMarkers } from './HostMarkers';
import { OfflineBasemap } from './OfflineBasemap';
import { OnlineTileLayer, OnlineTilesNote } from './OnlineTiles';
import './map.css';

const ROW_HEIGHT = 52;
// A stable function: a new one each render made the virtualizer re-measure all 5,000 rows.
const rowHeight = () => ROW_HEIGHT;

export default function HostMapScreen() {
  const { t } = useTranslation();
  const index = usePlanningIndex();
  const day = today();
  const [fromText, setFromText] = useState<string>(day);
  const [toText, setToText] = useState<string>(addDays(day, 14));
  const [people, setPeople] = useState<number | string>(1);
  const [filters, setFilters] = useState<HostFilters>({
    country: null,
    type: null,
    services: [],
    minBeds: 1,
    statuses: [...AVAILABILITIES],
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [map, setMap] = useState<L.Map | null>(null);

  const dateError =
    !isIsoDate(fromText) || !isIsoDate(toText)
      ? t('map.filters.datesInvalid')
      : daysBetween(fromText, toText) <= 0
        ? t('map.filters.datesOrder')
        : null;
  const peopleCount = typeof people === 'number' && people >= 1 ? Math.floor(people) : 1;
  const lastQuery = useRef<AvailabilityQuery>({ from: day, to: addDays(day, 14), people: 1 });
  const query = useMemo<AvailabilityQuery>(() => {
    if (dateError) return lastQuery.current;
    const q = { from: fromText as IsoDate, to: toText as IsoDate, people: peopleCount };
    lastQuery.current = q;
    return q;
  }, [dateError, fromText, toText, peopleCount]);

  const hosts = index.data.hosts;
  const sorted = useMemo(() => sortHosts(hosts), [hosts]);
  const previousRows = useRef<ReadonlyMap<string, HostRow>>(new Map());
  const rows = useMemo(() => {
    const next = hostRows(sorted, index.byHost, query, previousRows.current);
    previousRows.current = new Map(next.map((r) => [r.host.id, r]));
    return next;
  }, [sorted, index.byHost, query]);
  const shown = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const selected = shown.find((r) => r.host.id === selectedId) ?? null;

  const statusWord = useCallback((s: Availability) => t(`map.availability.${s}`), [t]);
  // One translation per status, not one per marker (5,000 markers made t() a visible cost).
  const titleOf = useMemo(() => {
    const titles = new Map<Availability, (host: string) => string>();
    for (const s of AVAILABILITIES) {
      const [before = '', after = ''] = t('map.markerTitle', {
        host: '\u0000',
        status: statusWord(s),
      }).split('\u0000');
      titles.set(s, (host) => `${before}${host}${after}`);
    }
    return (r: HostRow) => titles.get(r.availability.status)?.(r.host.codeName) ?? r.host.codeName;
  }, [t, statusWord]);
  const clusterTitle = useCallback(
    (count: number, free: number) => t('map.clusterTitle', { count, free }),
    [t],
  );

  const countries = useMemo(() => {
    const codes = [...new Set(hosts.map((h) => h.countryCode))];
    return codes
      .map((c) => ({ value: c, label: countryName(c) ?? c }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [hosts]);

  const open = (row: HostRow) => {
    setSelectedId(row.host.id);
    map?.setView([row.host.lat, row.host.lng], Math.max(map.getZoom(), 9));
  };

  return (
    <Stack gap="sm">
      <Title order={1}>{t('pages.map.title')}</Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Stack gap="xs">
            <Stack gap={6} component="section" aria-label={t('map.filters.title')}>
              <Group grow gap="xs" align="flex-start">
                <DateField
                  label={t('map.filters.from')}
                  value={fromText}
                  onChange={setFromText}
                  error={dateError && !isIsoDate(fromText) ? dateError : undefined}
                />
                <DateField
                  label={t('map.filters.to')}
                  value={toText}
                  onChange={setToText}
                  error={dateError && isIsoDate(fromText) ? dateError : undefined}
                />
              </Group>
              <Select
                label={t('map.filters.country')}
                placeholder={t('map.filters.any')}
                data={countries}
                value={filters.country}
                onChange={(country) => setFilters((f) => ({ ...f, country }))}
                clearable
                searchable
              />
              <Select
                label={t('map.filters.type')}
                placeholder={t('map.filters.any')}
                data={HOST_TYPES.map((ty) => ({ value: ty, label: t(`hosts.type.${ty}`) }))}
                value={filters.type}
                onChange={(type) => setFilters((f) => ({ ...f, type: type as HostType | null }))}
                clearable
              />
              <Group grow gap="xs" align="flex-start">
                <NumberInput
                  label={t('map.filters.people')}
                  min={1}
                  max={1000}
                  value={people}
                  onChange={setPeople}
                />
                <NumberInput
                  label={t('map.filters.minBeds')}
                  min={1}
                  max={1000}
                  value={filters.minBeds}
                  onChange={(v) =>
                    setFilters((f) => ({ ...f, minBeds: typeof v === 'number' && v >= 1 ? v : 1 }))
                  }
                />
              </Group>
              <Checkbox.Group
                label={t('map.filters.services')}
                value={[...filters.services]}
                onChange={(v) => setFilters((f) => ({ ...f, services: v as HostService[] }))}
              >
                <Group gap="xs" mt={4}>
                  {HOST_SERVICES.map((s) => (
                    <Checkbox key={s} value={s} label={t(`hosts.service.${s}`)} size="xs" />
                  ))}
                </Group>
              </Checkbox.Group>
              <Checkbox.Group
                label={t('map.filters.availability')}
                value={[...filters.statuses]}
                onChange={(v) => setFilters((f) => ({ ...f, statuses: v as Availability[] }))}
              >
                <Stack gap={4} mt={4}>
                  {AVAILABILITIES.map((s) => (
                    <Checkbox
                      key={s}
                      value={s}
                      size="xs"
                      label={
                        <Group gap={6} wrap="nowrap">
                          <span
                            className={`haven-host-marker haven-legend-swatch haven-avail-${s}`}
                            aria-hidden
                          >
                            {AVAILABILITY_SYMBOL[s]}
                          </span>
                          <span>{statusWord(s)}</span>
                        </Group>
                      }
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Stack>
            <Text size="sm" fw={600} role="status" aria-live="polite">
              {t('map.count', { count: shown.length, total: hosts.length })}
            </Text>
            <HostList rows={shown} selectedId={selectedId} onOpen={open} statusWord={statusWord} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="xs">
            <PlaceSearch
              label={t('map.jumpTo')}
              value={null}
              description={t('map.jumpToHelp')}
              onChange={(place) => {
                if (place) map?.setView([place.lat, place.lng], 7);
              }}
            />
            <OnlineTilesNote />
            <div
              style={{ height: 'max(420px, calc(100vh - 300px))' }}
              data-testid="host-map"
              role="region"
              aria-label={t('map.hostMapLabel')}
            >
              <MapContainer
                ref={setMap}
                className="haven-map"
                center={[35, 20]}
                zoom={2}
                minZoom={1}
                maxZoom={12}
                worldCopyJump={false}
              >
                <OfflineBasemap onlineTiles />
                <OnlineTileLayer />
                <HostMarkers
                  rows={shown}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  titleOf={titleOf}
                  clusterTitle={clusterTitle}
                />
                {selected && (
                  <Popup
                    position={[selected.host.lat, selected.host.lng]}
                    eventHandlers={{ remove: () => setSelectedId(null) }}
                  >
                    <HostPopup row={selected} statusWord={statusWord} />
                  </Popup>
                )}
              </MapContainer>
            </div>
            <Group gap="md" aria-label={t('map.legend')} role="list">
              {AVAILABILITIES.map((s) => (
                <Group key={s} gap={6} role="listitem" wrap="nowrap">
                  <span
                    className={`haven-host-marker haven-legend-swatch haven-avail-${s}`}
                    aria-hidden
                  >
                    {AVAILABILITY_SYMBOL[s]}
                  </span>
                  <Text size="sm">
                    {statusWord(s)}: {t(`map.availabilityHelp.${s}`)}
                  </Text>
                </Group>
              ))}
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );

  function HostPopup({
    row,
    statusWord: word,
  }: {
    row: HostRow;
    statusWord: (s: Availability) => string;
  }) {
    const h = row.host;
    const upcoming = (index.byHost.get(h.id) ?? [])
      .filter((s) => s.checkOut > day)
      .sort((a, b) => (a.checkIn < b.checkIn ? -1 : a.checkIn > b.checkIn ? 1 : 0));
    return (
      <Stack gap={4} miw={220} data-testid="host-popup">
        <Anchor href={hrefFor({ name: 'host', hostId: h.id })} fw={700}>
          {h.codeName}
        </Anchor>
        <Text size="sm">
          {t(`hosts.type.${h.type}`)} · {h.city}, {countryName(h.countryCode) ?? h.countryCode}
        </Text>
        <Text size="sm">
          {t('map.popup.beds', { count: h.capacityBeds })} · {word(row.availability.status)}
          {row.availability.fewestFreeBeds !== null &&
            ` (${t('map.popup.fewestFree', { count: row.availability.fewestFreeBeds })})`}
        </Text>
        <Text size="sm">
          {t(h.approximate ? 'map.popup.placeApprox' : 'map.popup.place', {
            latitude: h.lat,
            longitude: h.lng,
          })}
        </Text>
        {h.services.length > 0 && (
          <Text size="sm">{h.services.map((s) => t(`hosts.service.${s}`)).join(', ')}</Text>
        )}
        <Text size="sm" fw={600} mt={4}>
          {t('map.popup.stays')}
        </Text>
        {upcoming.length === 0 ? (
          <Text size="sm">{t('map.popup.noStays')}</Text>
        ) : (
          <Stack gap={2} component="ul" m={0} pl={16}>
            {upcoming.slice(0, 8).map((s) => (
              <li key={s.id}>
                <Text size="sm" span>
                  <Anchor href={hrefFor({ name: 'case', caseId: s.caseId, tab: 'stays' })}>
                    {index.bundles.get(s.caseId)?.case.codeName ?? '?'}
                  </Anchor>{' '}
                  {t('map.popup.stay', {
                    from: s.checkIn,
                    to: s.checkOut,
                    count: s.personIds.length,
                  })}
                  {s.checkIn <= day ? ` (${t('map.popup.now')})` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    );
  }
}

function HostList({
  rows,
  selectedId,
  onOpen,
  statusWord,
}: {
  rows: readonly HostRow[];
  selectedId: string | null;
  onOpen: (row: HostRow) => void;
  statusWord: (s: Availability) => string;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 6,
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1);
    const next = Math.max(0, Math.min(rows.length - 1, current + (e.key === 'ArrowDown' ? 1 : -1)));
    e.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLButtonElement>(`button[data-index="${next}"]`)?.focus(),
    );
  };
  return (
    <div
      ref={scrollRef}
      className="haven-map-list"
      style={{ height: 'max(240px, calc(100vh - 640px))' }}
      role="region"
      aria-label={t('map.listLabel')}
      onKeyDown={onKeyDown}
    >
      {rows.length === 0 ? (
        <Text size="sm" p="sm">
          {t('map.noneMatch')}
        </Text>
      ) : (
        <ul
          style={{
            height: virtualizer.getTotalSize(),
            position: 'relative',
            margin: 0,
            padding: 0,
            listStyle: 'none',
          }}
        >
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index];
            if (!r) return null;
            return (
              <li
                key={r.host.id}
                style={{
                  position: 'absolute',
                  top: v.start,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                }}
              >
                <button
                  type="button"
                  data-index={v.index}
                  aria-current={r.host.id === selectedId ? 'true' : undefined}
                  onClick={() => onOpen(r)}
                  style={{ height: ROW_HEIGHT }}
                >
                  <Group gap={8} wrap="nowrap">
                    <span
                      className={`haven-host-marker haven-legend-swatch haven-avail-${r.availability.status}`}
                      aria-hidden
                    >
                      {AVAILABILITY_SYMBOL[r.availability.status]}
                    </span>
                    <span style={{ overflow: 'hidden' }}>
                      <Text size="sm" fw={600} truncate>
                        {r.host.codeName}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {statusWord(r.availability.status)} · {r.host.city} ·{' '}
                        {t('map.popup.beds', { count: r.host.capacityBeds })}
                      </Text>
                    </span>
                  </Group>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
