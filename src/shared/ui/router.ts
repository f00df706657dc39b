/**
 * A hash router: works unchanged under the app:// protocol, a file, or a preview server, because
 * the path after '#' never reaches a server. Routes are typed; unknown paths become 'not-found'.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'dashboard' }
  | { name: 'cases' }
  | { name: 'case'; caseId: string; tab: string | null }
  | { name: 'hosts' }
  | { name: 'host'; hostId: string }
  | { name: 'map' }
  | { name: 'timeline' }
  | { name: 'budget' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export type TopLevelRoute =
  'dashboard' | 'cases' | 'hosts' | 'timeline' | 'map' | 'budget' | 'settings';

const SIMPLE: Record<string, Route> = {
  '': { name: 'dashboard' },
  '/': { name: 'dashboard' },
  '/dashboard': { name: 'dashboard' },
  '/cases': { name: 'cases' },
  '/hosts': { name: 'hosts' },
  '/map': { name: 'map' },
  '/timeline': { name: 'timeline' },
  '/budget': { name: 'budget' },
  '/settings': { name: 'settings' },
};

const ID = '([0-9a-f]{32})';

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const simple = SIMPLE[path];
  if (simple) return simple;
  const caseMatch = new RegExp(`^/cases/${ID}(?:/([a-z-]+))?$`).exec(path);
  if (caseMatch?.[1]) return { name: 'case', caseId: caseMatch[1], tab: caseMatch[2] ?? null };
  const hostMatch = new RegExp(`^/hosts/${ID}$`).exec(path);
  if (hostMatch?.[1]) return { name: 'host', hostId: hostMatch[1] };
  return { name: 'not-found', path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'case':
      return `#/cases/${route.caseId}${route.tab ? `/${route.tab}` : ''}`;
    case 'host':
      return `#/hosts/${route.hostId}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

/** Which navigation item a route belongs to. */
export function topLevelOf(route: Route): TopLevelRoute | null {
  switch (route.name) {
    case 'case':
      return 'cases';
    case 'host':
      return 'hosts';
    case 'not-found':
      return null;
    default:
      return route.name;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
