/** Public face of the settings feature. */
export { SettingsPage } from './SettingsPage';
export { AUTO_LOCK_MINUTES, saveSettings, useSettings, type AppSettings } from './use-settings';
