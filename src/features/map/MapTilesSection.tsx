/**
 * Settings: optional online map tiles, off by default. The section says what a tile server learns
 * before anything is asked; turning tiles on goes to the platform, where the desktop app's main
 * process shows its own confirmation and only then lets that one host through the network lock
 * and the CSP. The browser build lets nothing through and says so. Turning off closes it again.
 */
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tileTemplateSchema } from '../../../electron/shared/ipc-contract';
import { platform, type TileResult } from '../../platform';

export function MapTilesSection() {
  const { t } = useTranslation();
  const [template, setTemplate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TileResult | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

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
      setResult(await platform().setTileTemplate(value === null ? null : value.trim()));
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
        value={template}
        onChange={(e) => setTemplate(e.currentTarget.value)}
        error={error}
        autoComplete="off"
      />
      <Group gap="sm">
        <Button onClick={() => void run(template)} loading={busy} disabled={busy}>
          {t('map.tiles.turnOn')}
        </Button>
        <Button variant="default" onClick={() => void run(null)} disabled={busy}>
          {t('map.tiles.turnOff')}
        </Button>
      </Group>
      {result && (
        <Alert role="status" color={result.kind === 'on' ? 'orange' : 'gray'}>
          {result.kind === 'on'
            ? t('map.tiles.on', { origin: result.origin })
            : t(`map.tiles.${result.kind}`)}
        </Alert>
      )}
    </Stack>
  );
}
