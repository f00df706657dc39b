/** Public face of the settings feature. */
export { SettingsPage } from './SettingsPage';
export { saveSettings, useSettings } from './use-settings';
export { useApplyLanguage } from './use-language';
