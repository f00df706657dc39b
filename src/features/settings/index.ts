/** Public face of the settings feature. */
export { SettingsPage } from './SettingsPage';
export {
  DEFAULT_REPORTING_CURRENCY,
  currentSettings,
  saveSettings,
  settingsOf,
  useSettings,
  type AppSettings,
} from './use-settings';
export { useLongWork, type LongWork } from './use-long-work';
export { useApplyLanguage } from './use-language';
export {
  confirmedTileOrigin,
  onlineTilesState,
  turnOffTiles,
  turnOnTiles,
  useOnlineTiles,
  type OnlineTiles,
} from './online-tiles';
