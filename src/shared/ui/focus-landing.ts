/**
 * Where focus goes when what held it disappears (a dialog closed, the lock screen replaced by the
 * app): never the page body, which leaves a keyboard or screen-reader user at the top of nothing.
 */

/** Focuses `el` if it is still on the page and can take focus; says whether it did. */
export function focusIfPresent(el: Element | null): boolean {
  if (!(el instanceof HTMLElement) || !el.isConnected || el === document.body) return false;
  if (el.closest('[inert], [aria-hidden="true"]')) return false;
  el.focus();
  return document.activeElement === el;
}

/** Focuses the page's main heading (made focusable for this), else the main region. */
export function focusMainHeading(): boolean {
  const heading = document.querySelector<HTMLElement>('#main-content h1, main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
    if (document.activeElement === heading) return true;
  }
  return focusIfPresent(document.querySelector('#main-content'));
}

/** Whether nothing meaningful has focus (the body, or an element that left the page). */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * After a render that took focus away, puts it on `opener` (the control that opened a dialog)
 * or, failing that, on the main heading. Waits a moment (and tries again for about two seconds,
 * while a page is still loading) so the dialog is gone and the page has drawn.
 */
export function restoreFocus(opener: Element | null, clock = window): () => void {
  let tries = 0;
  let handle = 0;
  const attempt = (): void => {
    tries += 1;
    // The retries outlive the dialog that started them: stop if the page itself is gone (a
    // closed window, a torn-down test document) rather than throw from a timer.
    if (typeof document === 'undefined' || !focusIsLost()) return;
    if (focusIfPresent(opener) || focusMainHeading() || tries >= 20) return;
    handle = clock.setTimeout(attempt, 100);
  };
  handle = clock.setTimeout(attempt, 0);
  return () => clock.clearTimeout(handle);
}
