/** Public face of search: the Ctrl/Cmd+K palette and the keyboard shortcuts list. */
export { SearchButton, SearchSpotlight } from './SearchSpotlight';
export { ShortcutsDialog } from './ShortcutsDialog';
