import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Calm and readable: one blue, generous type, a focus ring on every keyboard focus. */
export const theme = createTheme({
  primaryColor: 'un',
  primaryShade: 8,
  colors: {
    un: ['#e7f1fa', '#cfe1f3', '#a0c3e6', '#6ea3d9', '#4688cd', '#2f78c6', '#2170c4', '#145fad', '#0f5499', '#004887'],
  },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Light alerts colour their title with the alert's colour, below 4.5:1 for green: keep text dark.
    Alert: Alert.extend({
      styles: { title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } },
    }),
  },
});

/** Mantine's dimmed grey is below 4.5:1 on white: secondary text must stay readable (WCAG AA). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
