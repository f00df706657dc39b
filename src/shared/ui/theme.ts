/**
 * The Haven theme: calm, compact by default. Status and risk colours live here so that a badge
 * looks the same on every screen. Every dialog's close (×) button is named ("Close", in the
 * app's language) here, once, so no dialog can forget it.
 *
 * Every text control defaults to autoComplete="off": the browser then neither offers autofill for
 * it nor saves its state in the profile's session-restore files (Chromium's Sessions/ folder keeps
 * the text of form fields in the clear otherwise). Forms say autoComplete="off" too. A field that
 * truly needs the browser (a passphrase manager) sets its own value.
 */
import { createTheme } from '@mantine/core';
import i18n from '../../i18n';

/** Default props of every text control: no autofill, no saved form state. */
const noSavedText = { defaultProps: { autoComplete: 'off' } };

export const theme = createTheme({
  primaryColor: 'teal',
  // White on teal 6 (Mantine's default) is 2.5:1; teal 9 passes WCAG AA (4.5:1) in both schemes.
  primaryShade: { light: 9, dark: 9 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { sizes: { h1: { fontSize: '1.5rem' } } },
  focusRing: 'always',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm', autoComplete: 'off' } },
    Textarea: noSavedText,
    NumberInput: noSavedText,
    Select: noSavedText,
    MultiSelect: noSavedText,
    Autocomplete: noSavedText,
    TagsInput: noSavedText,
    JsonInput: noSavedText,
    PasswordInput: {
      defaultProps: () => ({
        autoComplete: 'off',
        visibilityToggleButtonProps: { 'aria-label': i18n.t('a11y.togglePassword') },
      }),
    },
    // A function, so the name follows the language at render time.
    Modal: {
      defaultProps: () => ({ closeButtonProps: { 'aria-label': i18n.t('common.close') } }),
    },
  },
});
