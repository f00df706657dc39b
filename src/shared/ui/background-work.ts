/**
 * Work that may wait: derived figures computed after unlock or after a page opens (plan-check
 * counts, budget items). Each slice is queued at `scheduler.postTask`'s 'background' priority,
 * so input, rendering and every ordinary task already waiting (a page opening, a click's
 * handler) run first; the slices fill the time the page leaves free. Where the browser has no
 * `scheduler` (tests, older engines) a zero-delay timer stands in.
 */

interface PostTaskScheduler {
  postTask(cb: () => void, opts: { priority: 'background'; signal?: AbortSignal }): Promise<void>;
}

function scheduler(): PostTaskScheduler | null {
  const s = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  return typeof s?.postTask === 'function' ? (s as PostTaskScheduler) : null;
}

/** Runs `cb` once as a background task; the function returned cancels it if it has not run. */
export function inBackground(cb: () => void): () => void {
  const s = scheduler();
  if (s && typeof AbortController === 'function') {
    const ac = new AbortController();
    // An aborted task rejects its promise: expected, not an error.
    s.postTask(cb, { priority: 'background', signal: ac.signal }).catch(() => undefined);
    return () => ac.abort();
  }
  const timer = setTimeout(cb, 0);
  return () => clearTimeout(timer);
}

/** Resolves in a later background task (see inBackground): `await` it between slices of work. */
export function backgroundTurn(): Promise<void> {
  return new Promise((resolve) => {
    inBackground(resolve);
  });
}
