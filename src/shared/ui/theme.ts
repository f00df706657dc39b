/**
 * The Haven theme: calm, compact by default. Status and risk colours live here so that a badge
 * looks the same on every screen.
 */
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { sizes: { h1: { fontSize: '1.5rem' } } },
  focusRing: 'always',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
  },
});
