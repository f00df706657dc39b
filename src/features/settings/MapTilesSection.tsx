/**
 * Settings: optional online map tiles, off by default. The section says what a tile server learns
 * before anything is asked; turning tiles on goes to the platform, where the desktop app's main
 * process shows its own confirmation and only then lets that one host through the network lock
 * and the CSP. The browser build lets nothing through and says so. Turning off closes it again.
 * The template and on/off are kept in the sealed settings record (online-tiles.ts); the
 * confirmation is asked again in each session before the map loads a tile.
 */
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tileTemplateSchema } from '../../../electron/shared/ipc-contract';
import type { TileResult } from '../../platform';
import { notifyFailure } from '../../shared/ui/notify-failure';
import { turnOffTiles, turnOnTiles, useOnlineTiles } from './online-tiles';
import { SettingsInputError, useSettings } from './use-settings';

export function MapTilesSection() {
  const { t } = useTranslation();
  const settings = useSettings();
  const tiles = useOnlineTiles();
  const [template, setTemplate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TileResult | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const shown = template ?? settings.mapTiles.template ?? '';

  async function run(value: string | null): Promise<void> {
    if (running.current) return;
    if (value !== null && !tileTemplateSchema.safeParse(value.trim()).success) {
      setError(t('map.tiles.invalid'));
      return;
    }
    setError(null);
    running.current = true;
    setBusy(true);
    try {
      setResult(value === null ? await turnOffTiles() : await turnOnTiles(value.trim()));
    } catch (e) {
      if (e instanceof SettingsInputError) setError(t(e.key));
      else notifyFailure(t, t('map.tiles.failed'), e);
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('map.tiles.title')}
      </Title>
      <Text size="sm">{t('map.tiles.explain')}</Text>
      <TextInput
        label={t('map.tiles.template')}
        description={t('map.tiles.templateHelp')}
        value={shown}
        onChange={(e) => setTemplate(e.currentTarget.value)}
        error={error}
        autoComplete="off"
      />
      <Group gap="sm">
        <Button onClick={() => void run(shown)} loading={busy} disabled={busy}>
          {t('map.tiles.turnOn')}
        </Button>
        <Button variant="default" onClick={() => void run(null)} disabled={busy}>
          {t('map.tiles.turnOff')}
        </Button>
      </Group>
      {result ? (
        <Alert role="status" color={result.kind === 'on' ? 'orange' : 'gray'}>
          {result.kind === 'on'
            ? t('map.tiles.on', { origin: result.origin })
            : t(`map.tiles.${result.kind}`)}
        </Alert>
      ) : (
        tiles.state !== 'off' && (
          <Alert role="status" color="orange">
            {tiles.state === 'on'
              ? t('map.tiles.onNow', { host: tiles.host })
              : t('map.tiles.unconfirmedNow', { host: tiles.host })}
          </Alert>
        )
      )}
    </Stack>
  );
}
