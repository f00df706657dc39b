/**
 * A strip of the next 90 nights at a host: one cell per night, shaded by beds used (free, some,
 * full, over capacity), with the peak and the count of used nights in words beside it.
 */
import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, type IsoDate } from '../../domain/time';
import { nightLevel, type NightLevel, type Occupancy } from './occupancy';

const FILL: Readonly<Record<NightLevel, string>> = {
  free: 'var(--mantine-color-default-border)',
  partial: 'var(--mantine-color-teal-4)',
  full: 'var(--mantine-color-orange-5)',
  over: 'var(--mantine-color-red-7)',
};

export function OccupancyStrip({
  occ,
  beds,
  compact = false,
}: {
  occ: Occupancy;
  beds: number;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const summary =
    occ.peak === 0
      ? t('hosts.occupancy.empty', { days: occ.nights.length })
      : t('hosts.occupancy.summary', {
          peak: occ.peak,
          beds,
          night: occ.peakNight ?? '',
          used: occ.usedNights,
          days: occ.nights.length,
        });
  const strip = (
    <div
      role="img"
      aria-label={summary}
      style={{ display: 'flex', gap: 1, height: compact ? 8 : 16, minWidth: compact ? 90 : 270 }}
    >
      {occ.nights.map((n, i) => (
        <span
          key={i}
          title={compact ? undefined : `${addDays(occ.from, i)}: ${n}/${beds}`}
          style={{ flex: 1, background: FILL[nightLevel(n, beds)], borderRadius: 1 }}
        />
      ))}
    </div>
  );
  if (compact) return <Tooltip label={summary}>{strip}</Tooltip>;
  return (
    <Stack gap={4}>
      {strip}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {occ.from}
        </Text>
        <Text size="xs">{summary}</Text>
        <Text size="xs" c="dimmed">
          {addDays(occ.from, occ.nights.length - 1) as IsoDate}
        </Text>
      </Group>
    </Stack>
  );
}
