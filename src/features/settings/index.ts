/** Public face of the settings feature. */
export { SettingsPage } from './SettingsPage';
export { currentSettings, saveSettings, useSettings, type AppSettings } from './use-settings';
