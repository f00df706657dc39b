/**
 * The main process's own settings, in `settings.json` in userData. Today one setting: the https
 * origin of the tile server, the only host the renderer may ever reach (null by default: zero
 * egress). It is read by the network guard and by the CSP of every app:// response.
 *
 * Only `tiles:set` changes it, and turning tiles on needs the confirmation that the main process
 * itself shows (ipc/tiles.ts): the renderer cannot widen network egress by itself. The loader is strict:
 * a file with anything but `{ "tileOrigin": null }` or `{ "tileOrigin": "<strict https origin>" }`
 * (unknown keys, an IP address, a single-label host, a path...) gives the defaults, zero egress.
 */
import { z } from 'zod';
import { httpsOriginSchema } from '../shared/ipc-contract';
import { writeFileSync } from 'node:fs';
import { readJsonFile } from './json-file';

function writeSettingsFile(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
}

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
  private settings: Settings;

  constructor(
    private readonly path: string,
    private readonly write: (path: string, text: string) => void = writeSettingsFile,
  ) {
    this.settings = parseSettings(readJsonFile(path));
  }

  /** Only the `tiles:set` handler calls this, after the main process's own confirmation. */
  setTileOrigin(origin: string | null): void {
    const next = settingsSchema.parse({ tileOrigin: origin });
    this.write(this.path, JSON.stringify(next));
    this.settings = next;
  }

  get tileOrigin(): string | null {
    return this.settings.tileOrigin;
  }
}
