/** Public face of the settings feature. */
export { SettingsPage } from './SettingsPage';
