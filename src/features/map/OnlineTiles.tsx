/**
 * Online tiles on the Map page and the case map: a Leaflet tile layer from the Settings template,
 * drawn above the offline basemap (which still shows wherever a tile is missing), only while the
 * setting is on AND the main process confirmed that host in this session (settings'
 * `useOnlineTiles`). Beside the map, a note says which server sees every place looked at; when the
 * setting is on but not confirmed yet, the note offers the confirmation instead and nothing loads.
 * Turning tiles off unmounts the layer, so Leaflet drops every tile and asks for no more.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TileLayer, useMap } from 'react-leaflet';
import type { TileResult } from '../../platform';
import { turnOnTiles, useOnlineTiles } from '../settings';

/** Above the basemap's canvas (the overlay pane, 400), below markers and labels (600). */
const PANE = 'haven-online-tiles';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function OnlineTileLayer() {
  const tiles = useOnlineTiles();
  const map = useMap();
  const { t } = useTranslation();
  const [pane] = useState(() => {
    const el = map.getPane(PANE) ?? map.createPane(PANE);
    el.style.zIndex = '450';
    el.style.pointerEvents = 'none';
    return PANE;
  });
  if (tiles.state !== 'on') return null;
  return (
    <TileLayer
      key={tiles.template}
      url={tiles.template}
      pane={pane}
      attribution={esc(t('map.onlineTiles.attribution', { host: tiles.host }))}
      referrerPolicy="no-referrer"
    />
  );
}

export function OnlineTilesNote() {
  const tiles = useOnlineTiles();
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<TileResult['kind'] | null>(null);
  const [blockedHost, setBlockedHost] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const host = tiles.state === 'off' ? null : tiles.host;

  // In the desktop app, a host confirmed after the window loaded is still outside the page's
  // content policy until Haven restarts: say so instead of showing a silently empty layer.
  useEffect(() => {
    if (!host) return;
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (URL.canParse(e.blockedURI) && new URL(e.blockedURI).host === host) setBlockedHost(host);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, [host]);

  if (tiles.state === 'off') return null;
  if (tiles.state === 'on')
    return (
      <Alert color="orange" py={6} role="note" data-testid="online-tiles-note">
        <Text size="sm">{t('map.onlineTiles.note', { host: tiles.host })}</Text>
        {blockedHost === tiles.host && (
          <Text size="sm">{t('map.onlineTiles.blocked', { host: tiles.host })}</Text>
        )}
      </Alert>
    );

  const confirm = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      setAnswer((await turnOnTiles(tiles.template)).kind);
    } catch {
      setAnswer('declined');
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return (
    <Alert color="gray" py={6} role="note" data-testid="online-tiles-note">
      <Group gap="sm" justify="space-between">
        <Text size="sm">{t('map.onlineTiles.unconfirmed', { host: tiles.host })}</Text>
        <Button size="xs" variant="default" onClick={() => void confirm()} loading={busy}>
          {t('map.onlineTiles.confirm')}
        </Button>
      </Group>
      {answer && answer !== 'on' && (
        <Text size="sm" role="status">
          {answer === 'unsupported' ? t('map.tiles.unsupported') : t('map.onlineTiles.declined')}
        </Text>
      )}
    </Alert>
  );
}
