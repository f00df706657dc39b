/**
 * Deep links into a form: a plan-check finding links to `#/cases/<id>/<tab>?open=<store>:<id>&field=<path>`.
 * The tab reads the request, opens the record's form and focuses the field. A page's "new record"
 * form is linked as `#/<page>?new=1` (Ctrl/Cmd+N, the command palette). Either query is removed
 * once read, so a reload does not reopen the form.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface FocusRequest {
  readonly store: string;
  readonly id: string;
  readonly field: string | null;
}

export function parseFocusRequest(hash: string): FocusRequest | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const params = new URLSearchParams(query);
  const open = params.get('open');
  if (!open) return null;
  const [store, id] = open.split(':');
  if (!store || !id) return null;
  return { store, id, field: params.get('field') };
}

/** A link that opens a record's form with a field focused. */
export function focusHref(base: string, store: string, id: string, field: string | null): string {
  const params = new URLSearchParams({ open: `${store}:${id}` });
  if (field) params.set('field', field);
  return `${base}?${params.toString()}`;
}

/**
 * The pending focus request of the current hash (for `store`), and `done` to call once the form is
 * open: the request is then forgotten, so later data changes do not reopen the form.
 */
export function useFocusRequest(store: string): readonly [FocusRequest | null, () => void] {
  const [request, setRequest] = useState<FocusRequest | null>(() => pick(store));
  useEffect(() => {
    const onHash = (): void => setRequest(pick(store));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);
  useEffect(() => {
    if (request) dropHashQuery();
  }, [request]);
  const done = useCallback(() => setRequest(null), []);
  return [request, done] as const;
}

/**
 * Opens a record's form from the pending focus request of `store`: as soon as the requested record
 * is among `records`, `open(record, field)` runs once and the request is forgotten.
 */
export function useOpenOnFocusRequest<T extends { readonly id: string }>(
  store: string,
  records: readonly T[],
  open: (record: T, field: string | null) => void,
): void {
  const [request, done] = useFocusRequest(store);
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });
  useEffect(() => {
    const record = request && records.find((r) => r.id === request.id);
    if (!record) return;
    openRef.current(record, request.field);
    done();
  }, [request, records, done]);
}

/** True when the hash asks for the page's "new record" form. */
export function wantsNew(hash: string): boolean {
  return new URLSearchParams(hash.split('?')[1] ?? '').get('new') === '1';
}

/**
 * Whether the page's "new record" form is open, opened by `?new=1` in the hash (on arrival or on
 * a later hash change), and the setter that opens and closes it.
 */
export function useNewRequest(): readonly [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => wantsNew(window.location.hash));
  useEffect(() => {
    const check = (): void => {
      if (!wantsNew(window.location.hash)) return;
      dropHashQuery();
      setOpen(true);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, []);
  return [open, setOpen] as const;
}

/** Removes the query from the hash without a navigation (the route stays). */
function dropHashQuery(): void {
  const [path] = window.location.hash.split('?');
  history.replaceState(
    history.state,
    '',
    `${window.location.pathname}${window.location.search}${path ?? ''}`,
  );
}

function pick(store: string): FocusRequest | null {
  const r = parseFocusRequest(window.location.hash);
  return r && r.store === store ? r : null;
}
