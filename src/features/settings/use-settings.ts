/**
 * The coordinator's settings, kept as one sealed record in the 'settings' store (so even the
 * auto-lock time and the demo flag are not readable at rest). Defaults apply until first saved.
 */
import { useMemo } from 'react';
import { z } from 'zod';
import { tileTemplateSchema } from '../../../electron/shared/ipc-contract';
import { DEFAULT_CRITERIA_TEMPLATE } from '../../domain/checkpoints';
import { DEFAULT_SCHEDULE_DEFAULTS, type ScheduleDefaults } from '../../domain/reviews';
import type { FunderCap, PerDiemConvention } from '../../domain/budget';
import { DEFAULT_PER_DIEM_CONVENTION } from '../../domain/budget';
import type { LanguageChoice } from '../../i18n/languages';
import { newId, useRecords, vault, type StoredRecord } from '../../storage';

export type AppSettings = {
  id: string;
  kind: 'app-settings';
  /** Minutes of inactivity before the vault locks. */
  autoLockMinutes: number;
  /** True for a vault created with "Try a demo vault". */
  demo: boolean;
  /** The criteria checklist every new review starts with. */
  reviewCriteria: string[];
  /** When reviews fall (arrival check-in, periodic interval, pre-return, follow-up), in days. */
  reviewSchedule: ScheduleDefaults;
  /**
   * The coordinator's IANA time zone: "today" and "overdue" turn at midnight there. Null: the
   * computer's own zone.
   */
  timeZone: string | null;
  /** The reporting currency a new case starts with, and the currency of the Budget page. */
  defaultReportingCurrency: string;
  /** How per diem person-days are counted: nights, or nights + 1. */
  perDiemConvention: PerDiemConvention;
  /** Caps per funder and grant. */
  funderCaps: FunderCap[];
  /** UI language; 'system' (the default, and records saved before this setting) follows the OS. */
  language?: LanguageChoice;
  /**
   * Online map tiles as set in Settings: the URL template (kept when off, so turning them on again
   * needs no retyping) and whether they are on. Being on here draws nothing by itself: the map
   * draws tiles only once the main process has confirmed the template's host in this session.
   */
  mapTiles: MapTilesSetting;
};

export interface MapTilesSetting {
  readonly template: string | null;
  readonly on: boolean;
}

export const DEFAULT_MAP_TILES: MapTilesSetting = { template: null, on: false };

/** A valid tile setting: a template of `tileTemplateSchema` (or none), on only with a template. */
export const mapTilesSchema = z
  .strictObject({ template: tileTemplateSchema.nullable(), on: z.boolean() })
  .refine((v) => !v.on || v.template !== null, 'tiles cannot be on without a template');

/** A settings change refused before anything is written; `key` is the message for the screen. */
export class SettingsInputError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsInputError';
  }
}

/** The stored tile setting if it is valid, else the default (off): a bad record never opens a host. */
function validTiles(value: unknown): MapTilesSetting {
  const parsed = mapTilesSchema.safeParse(value);
  return parsed.success ? parsed.data : { ...DEFAULT_MAP_TILES };
}

export const DEFAULT_REPORTING_CURRENCY = 'EUR';

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 5 } as const;

function defaultSettings(): Omit<AppSettings, 'id'> {
  return {
    kind: 'app-settings',
    autoLockMinutes: AUTO_LOCK_MINUTES.default,
    demo: false,
    reviewCriteria: [...DEFAULT_CRITERIA_TEMPLATE],
    reviewSchedule: { ...DEFAULT_SCHEDULE_DEFAULTS },
    timeZone: null,
    defaultReportingCurrency: DEFAULT_REPORTING_CURRENCY,
    perDiemConvention: DEFAULT_PER_DIEM_CONVENTION,
    funderCaps: [],
    mapTiles: { ...DEFAULT_MAP_TILES },
  };
}

/** The stored record with defaults for what it does not have yet (records saved before a setting existed). */
function current(records: readonly StoredRecord[]): AppSettings | undefined {
  const found = records.find((record) => record.kind === 'app-settings') as
    Partial<AppSettings> | undefined;
  if (!found) return undefined;
  const base = defaultSettings();
  return {
    ...base,
    ...found,
    reviewSchedule: { ...base.reviewSchedule, ...found.reviewSchedule },
    mapTiles: found.mapTiles === undefined ? base.mapTiles : validTiles(found.mapTiles),
  } as AppSettings;
}

/** The settings of a snapshot of the 'settings' store (defaults when it has none): reads, locked or not. */
export function settingsOf(records: readonly StoredRecord[]): AppSettings {
  return current(records) ?? { id: '', ...defaultSettings() };
}

/** The settings now, outside React (writes that need the review template or schedule). */
export function currentSettings(): AppSettings {
  return current(vault.list('settings')) ?? { id: '', ...defaultSettings() };
}

export function useSettings(): AppSettings {
  const records = useRecords('settings');
  // A record saved before a field existed gets that field's default (`current` fills them in).
  return useMemo(() => current(records) ?? { id: '', ...defaultSettings() }, [records]);
}

/**
 * Saves a change to the settings record, creating it on first save. A tile setting that is not
 * valid (a template without https, {z}, {x} or {y}) is refused with a `SettingsInputError`, and
 * nothing is written.
 */
export async function saveSettings(
  patch: Partial<Omit<AppSettings, 'id' | 'kind'>>,
): Promise<void> {
  if (patch.mapTiles !== undefined) {
    const parsed = mapTilesSchema.safeParse(patch.mapTiles);
    if (!parsed.success)
      throw new SettingsInputError(
        'map.tiles.invalid',
        `The tile URL template ${parsed.error.issues[0]?.message ?? 'is not valid'}`,
      );
    patch = { ...patch, mapTiles: parsed.data };
  }
  const existing = current(vault.list('settings'));
  const next: AppSettings = {
    ...defaultSettings(),
    ...(existing ?? { id: newId() }),
    ...patch,
  };
  await vault.transaction([{ op: 'put', store: 'settings', value: next }]);
}
