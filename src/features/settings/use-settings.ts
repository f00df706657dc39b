/**
 * The coordinator's settings, kept as one sealed record in the 'settings' store (so even the
 * auto-lock time and the demo flag are not readable at rest). Defaults apply until first saved.
 */
import type { FunderCap, PerDiemConvention } from '../../domain/budget';
import { DEFAULT_PER_DIEM_CONVENTION } from '../../domain/budget';
import { newId, useRecords, vault, type StoredRecord } from '../../storage';

export type AppSettings = {
  id: string;
  kind: 'app-settings';
  /** Minutes of inactivity before the vault locks. */
  autoLockMinutes: number;
  /** True for a vault created with "Try a demo vault". */
  demo: boolean;
  /** The reporting currency a new case starts with, and the currency of the Budget page. */
  defaultReportingCurrency: string;
  /** How per diem person-days are counted: nights, or nights + 1. */
  perDiemConvention: PerDiemConvention;
  /** Caps per funder and grant. */
  funderCaps: FunderCap[];
};

export const DEFAULT_REPORTING_CURRENCY = 'EUR';

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 5 } as const;

function defaultSettings(): Omit<AppSettings, 'id'> {
  return {
    kind: 'app-settings',
    autoLockMinutes: AUTO_LOCK_MINUTES.default,
    demo: false,
    defaultReportingCurrency: DEFAULT_REPORTING_CURRENCY,
    perDiemConvention: DEFAULT_PER_DIEM_CONVENTION,
    funderCaps: [],
  };
}

function current(records: readonly StoredRecord[]): AppSettings | undefined {
  return records.find((record): record is AppSettings => record.kind === 'app-settings');
}

export function useSettings(): AppSettings {
  const records = useRecords('settings');
  const found = current(records);
  // A record saved before a field existed gets that field's default.
  return found ? { ...defaultSettings(), ...found } : { id: '', ...defaultSettings() };
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
