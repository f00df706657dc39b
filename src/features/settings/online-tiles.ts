/**
 * Online map tiles, as the map needs them: the sealed setting (template, on/off) and the host that
 * the main process confirmed in this session. The map draws tiles only when both agree: the
 * setting is on, and main confirmed that template's origin since Haven was opened or last
 * unlocked. Nothing is let through on the renderer's word: the confirmation is the platform's
 * answer (in the desktop app, a dialog of the main process; the browser build confirms nothing).
 * Locking forgets the confirmation, so after an unlock the map asks again before loading a tile.
 */
import { useSyncExternalStore } from 'react';
import { tileTemplateOrigin } from '../../../electron/shared/ipc-contract';
import { platform, type TileResult } from '../../platform';
import { vault } from '../../storage';
import { currentSettings, saveSettings, useSettings } from './use-settings';

let confirmedOrigin: string | null = null;
const listeners = new Set<() => void>();

function setConfirmed(origin: string | null): void {
  if (origin === confirmedOrigin) return;
  confirmedOrigin = origin;
  for (const listener of listeners) listener();
}

vault.onLockChange((state) => {
  if (state === 'locked') setConfirmed(null);
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The origin main confirmed in this session, or null. */
export function confirmedTileOrigin(): string | null {
  return confirmedOrigin;
}

/**
 * Turns tiles on: asks the platform (main's confirmation), then saves the template, on only if
 * confirmed. The template is kept when declined so that it need not be typed again.
 */
export async function turnOnTiles(template: string): Promise<TileResult> {
  // Validated (and refused with a message) before the platform is asked anything; off meanwhile.
  setConfirmed(null);
  await saveSettings({ mapTiles: { template, on: false } });
  const result = await platform().setTileTemplate(template);
  const on = result.kind === 'on' && result.origin === tileTemplateOrigin(template);
  setConfirmed(on ? tileTemplateOrigin(template) : null);
  // Not confirmed: a host confirmed earlier (another template) is closed too, so that "nothing
  // was let through" holds.
  if (!on) await platform().setTileTemplate(null);
  await saveSettings({ mapTiles: { template, on } });
  return result;
}

/** Turns tiles off: the map drops the layer at once, main closes the host, the setting says off. */
export async function turnOffTiles(): Promise<TileResult> {
  setConfirmed(null);
  const result = await platform().setTileTemplate(null);
  await saveSettings({ mapTiles: { template: currentSettings().mapTiles.template, on: false } });
  return result;
}

export type OnlineTiles =
  | { readonly state: 'off' }
  /** On in Settings, but main has not confirmed the host in this session: nothing is loaded. */
  | { readonly state: 'unconfirmed'; readonly template: string; readonly host: string }
  | { readonly state: 'on'; readonly template: string; readonly host: string };

/** What the map should do about online tiles now. */
export function onlineTilesState(
  setting: { template: string | null; on: boolean },
  confirmed: string | null,
): OnlineTiles {
  if (!setting.on || setting.template === null) return { state: 'off' };
  const origin = tileTemplateOrigin(setting.template);
  const host = new URL(origin).host;
  return confirmed === origin
    ? { state: 'on', template: setting.template, host }
    : { state: 'unconfirmed', template: setting.template, host };
}

export function useOnlineTiles(): OnlineTiles {
  const settings = useSettings();
  const confirmed = useSyncExternalStore(subscribe, confirmedTileOrigin, confirmedTileOrigin);
  return onlineTilesState(settings.mapTiles, confirmed);
}
