/**
 * The main process's own settings, in `settings.json` in userData. Today one setting: the https
 * origin of the tile server, the only host the renderer may ever reach (null by default: zero
 * egress). It is read by the network guard and by the CSP of every app:// response.
 *
 * No IPC channel sets it: the renderer must not be able to widen network egress by itself. The map
 * issue brings a setter back behind a confirmation shown by the main process. The loader is strict:
 * a file with anything but `{ "tileOrigin": null }` or `{ "tileOrigin": "<strict https origin>" }`
 * (unknown keys, an IP address, a single-label host, a path...) gives the defaults, zero egress.
 */
import { z } from 'zod';
import { httpsOriginSchema } from '../shared/ipc-contract';
import { readJsonFile } from './json-file';

const settingsSchema = z.object({ tileOrigin: httpsOriginSchema.nullable() }).strict();

export type Settings = z.output<typeof settingsSchema>;

const DEFAULT_SETTINGS: Settings = { tileOrigin: null };

/** Parses a settings file's JSON; anything that is not exactly a valid settings object gives the defaults. */
export function parseSettings(json: unknown): Settings {
  const parsed = settingsSchema.safeParse(json);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Settings read once at start; a missing, corrupt or unexpected file gives the defaults. */
export class SettingsStore {
  private readonly settings: Settings;

  constructor(path: string) {
    this.settings = parseSettings(readJsonFile(path));
  }

  get tileOrigin(): string | null {
    return this.settings.tileOrigin;
  }
}
