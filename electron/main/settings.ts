/**
 * The main process's own settings, in `settings.json` in userData. Today one setting: the https
 * origin of the tile server, the only host the renderer may ever reach (null by default: zero
 * egress). It is read by the network guard and by the CSP of every app:// response.
 */
import { z } from 'zod';
import { httpsOriginSchema } from '../shared/ipc-contract';
import { readJsonFile, writeJsonFile } from './json-file';

const settingsSchema = z.object({ tileOrigin: httpsOriginSchema.nullable().catch(null) });

export type Settings = z.output<typeof settingsSchema>;

const DEFAULT_SETTINGS: Settings = { tileOrigin: null };

/** Settings kept in memory and persisted on every change; a missing or corrupt file gives the defaults. */
export class SettingsStore {
  private settings: Settings;

  constructor(private readonly path: string) {
    const parsed = settingsSchema.safeParse(readJsonFile(path));
    this.settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  get tileOrigin(): string | null {
    return this.settings.tileOrigin;
  }

  setTileOrigin(origin: string | null): void {
    const next: Settings = {
      ...this.settings,
      tileOrigin: httpsOriginSchema.nullable().parse(origin),
    };
    writeJsonFile(this.path, next);
    this.settings = next;
  }
}
