/**
 * The coordinator's settings, kept as one sealed record in the 'settings' store (so even the
 * auto-lock time and the demo flag are not readable at rest). Defaults apply until first saved.
 */
import { useMemo } from 'react';
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
};

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

/** Saves a change to the settings record, creating it on first save. */
export async function saveSettings(
  patch: Partial<Omit<AppSettings, 'id' | 'kind'>>,
): Promise<void> {
  const existing = current(vault.list('settings'));
  const next: AppSettings = {
    ...defaultSettings(),
    ...(existing ?? { id: newId() }),
    ...patch,
  };
  await vault.transaction([{ op: 'put', store: 'settings', value: next }]);
}
