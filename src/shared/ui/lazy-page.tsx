/**
 * Code-split screens: `lazyPage(() => import('../features/x').then((m) => m.XPage))` gives a
 * component that loads its module on first render (a labelled loader shows meanwhile) and a
 * `preload()` that starts the download early (e.g. on hover, or in idle time after unlock).
 * Heavy screens (map, budget charts, exports, print) plug into App this way, so that the
 * start-up chunk holds only what the unlock screen needs.
 */
import { Center, Loader, Text } from '@mantine/core';
import {
  Suspense,
  createElement,
  lazy,
  useState,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

export type LazyPage<P extends object> = ComponentType<P> & {
  /** Starts loading the page's module (once); resolves when it is there. */
  preload(): Promise<void>;
};

/** A labelled loader while a page's code arrives. */
export function PageLoading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center mih="40vh" role="status">
      <Loader size="sm" mr="sm" />
      <Text>{label ?? t('loading.page')}</Text>
    </Center>
  );
}

export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback?: ReactNode,
): LazyPage<P> {
  let started: Promise<{ default: ComponentType<P> }> | null = null;
  // Set once the module is here. React.lazy suspends on its first render even when the promise
  // has already settled (it learns so only in a later microtask), and React then holds the
  // fallback on screen for its 300 ms throttle: after an unlock that was 300 ms of "Opening the
  // vault…" with the dashboard ready behind it. A page mounted after its module arrived renders
  // the component itself, with no Suspense in between.
  let loaded: ComponentType<P> | null = null;
  const start = () =>
    (started ??= load().then((c) => {
      loaded = c;
      return { default: c };
    }));
  const Inner: LazyExoticComponent<ComponentType<P>> = lazy(start);
  function Page(props: P) {
    // Chosen once per mount: switching from Inner to the component later would remount the page
    // and lose its state.
    const [direct] = useState(() => loaded);
    if (direct) return createElement(direct, props);
    return createElement(
      Suspense,
      { fallback: fallback ?? createElement(PageLoading) },
      createElement(Inner as ComponentType<P>, props),
    );
  }
  return Object.assign(Page, { preload: () => start().then(() => undefined) });
}

/** Runs `fn` when the browser is idle (or soon, where requestIdleCallback does not exist). */
export function whenIdle(fn: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout });
  else setTimeout(fn, 50);
}
