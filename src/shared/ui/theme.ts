/**
 * The Haven theme: calm, compact by default. Status and risk colours live here so that a badge
 * looks the same on every screen. Every dialog's close (×) button is named ("Close", in the
 * app's language) here, once, so no dialog can forget it.
 */
import { createTheme } from '@mantine/core';
import i18n from '../../i18n';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { sizes: { h1: { fontSize: '1.5rem' } } },
  focusRing: 'always',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    // A function, so the name follows the language at render time.
    Modal: {
      defaultProps: () => ({ closeButtonProps: { 'aria-label': i18n.t('common.close') } }),
    },
  },
});
