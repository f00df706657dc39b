/**
 * The coordinator's settings, kept as one sealed record in the 'settings' store (so even the
 * auto-lock time and the demo flag are not readable at rest). Defaults apply until first saved.
 */
import type { LanguageChoice } from '../../i18n/languages';
import { newId, useRecords, vault, type StoredRecord } from '../../storage';

export type AppSettings = {
  id: string;
  kind: 'app-settings';
  /** Minutes of inactivity before the vault locks. */
  autoLockMinutes: number;
  /** True for a vault created with "Try a demo vault". */
  demo: boolean;
  /** UI language; 'system' (the default, and records saved before this setting) follows the OS. */
  language?: LanguageChoice;
};

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 5 } as const;

function defaultSettings(): Omit<AppSettings, 'id'> {
  return { kind: 'app-settings', autoLockMinutes: AUTO_LOCK_MINUTES.default, demo: false };
}

function current(records: readonly StoredRecord[]): AppSettings | undefined {
  return records.find((record): record is AppSettings => record.kind === 'app-settings');
}

export function useSettings(): AppSettings {
  const records = useRecords('settings');
  return current(records) ?? { id: '', ...defaultSettings() };
}

/** Saves a change to the settings record, creating it on first save. */
export async function saveSettings(
  patch: Partial<Omit<AppSettings, 'id' | 'kind'>>,
): Promise<void> {
  const existing = current(vault.list('settings'));
  const next: AppSettings = { ...(existing ?? { id: newId(), ...defaultSettings() }), ...patch };
  await vault.transaction([{ op: 'put', store: 'settings', value: next }]);
}
