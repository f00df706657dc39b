/**
 * The `tiles:set` handler: online map tiles, off by default. Turning them on shows, in a dialog
 * of the main process (the renderer cannot fake it), what the tile server learns: every place
 * the coordinator looks at, which can point to safe houses. Only if the coordinator allows it is
 * that one origin stored and let through the network guard and the CSP (both read the setting on
 * every request). Turning tiles off needs no confirmation and closes the origin at once.
 *
 * Plain function: the dialog and the settings store are injected.
 */
import { tileTemplateOrigin, type IpcValidRequest } from '../../shared/ipc-contract';

export interface TileDialogs {
  showMessageBox(options: Electron.MessageBoxOptions): Promise<{ response: number }>;
}

export interface TileSettings {
  readonly tileOrigin: string | null;
  setTileOrigin(origin: string | null): void;
}

export interface TileDeps {
  readonly dialogs: TileDialogs;
  readonly settings: TileSettings;
}

const ALLOW = 1;

/** The confirmation shown before a tile origin is let through. */
export function tileConfirmation(origin: string): Electron.MessageBoxOptions {
  const host = new URL(origin).host;
  return {
    type: 'warning',
    title: 'Allow online map tiles?',
    message: `Let Haven load map tiles from ${host}?`,
    detail:
      `${host} will learn every place you look at on the map (each tile asks for an area), ` +
      'your IP address and when you use Haven. Looking at a host or a route tells it where ' +
      'safe houses and journeys are. Nothing else is sent, and no other host is let through. ' +
      'You can turn this off in Settings at any time.',
    buttons: ['Keep the map offline', `Allow ${host}`],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export async function setTileTemplate(
  deps: TileDeps,
  request: IpcValidRequest<'tiles:set'>,
): Promise<{ tileOrigin: string | null; confirmed: boolean }> {
  if (request.template === null) {
    deps.settings.setTileOrigin(null);
    return { tileOrigin: null, confirmed: false };
  }
  const origin = tileTemplateOrigin(request.template);
  const { response } = await deps.dialogs.showMessageBox(tileConfirmation(origin));
  if (response !== ALLOW) return { tileOrigin: deps.settings.tileOrigin, confirmed: false };
  deps.settings.setTileOrigin(origin);
  return { tileOrigin: origin, confirmed: true };
}
