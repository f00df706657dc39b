/**
 * Render helper for component tests: Mantine (with notifications) and the app's i18n around the
 * component. jsdom lacks matchMedia, ResizeObserver, scrollIntoView and document.fonts, which Mantine uses; they are
 * stubbed here before anything renders.
 */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import '../../src/i18n';
import { theme } from '../../src/shared/ui/theme';

function polyfill(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    class NoopResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    (window as unknown as { ResizeObserver: typeof NoopResizeObserver }).ResizeObserver =
      NoopResizeObserver;
  }
  Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      value: {
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        ready: Promise.resolve(),
      },
    });
  }
}

export function renderUi(ui: ReactElement): RenderResult {
  polyfill();
  return render(
    <MantineProvider theme={theme}>
      <Notifications />
      {ui}
    </MantineProvider>,
  );
}
