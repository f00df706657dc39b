/** Background slices: queued at 'background' priority where postTask exists, cancellable, timer elsewhere. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backgroundTurn, inBackground } from '../../../src/shared/ui/background-work';

type Task = { cb: () => void; priority: string; signal?: AbortSignal };

/** A scheduler that queues tasks and runs them when told, honouring abort signals as Chromium does. */
function installScheduler(): Task[] {
  const queued: Task[] = [];
  (globalThis as { scheduler?: unknown }).scheduler = {
    postTask(cb: () => void, opts: { priority: string; signal?: AbortSignal }) {
      return new Promise<void>((resolve, reject) => {
        const task = {
          cb: () => {
            if (opts.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
            cb();
            resolve();
          },
          priority: opts.priority,
          signal: opts.signal,
        };
        opts.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
        queued.push(task);
      });
    },
  };
  return queued;
}

afterEach(() => {
  delete (globalThis as { scheduler?: unknown }).scheduler;
  vi.useRealTimers();
});

describe('background work', () => {
  it('queues each slice at background priority when the browser has scheduler.postTask', () => {
    const queued = installScheduler();
    const ran: string[] = [];
    inBackground(() => ran.push('a'));
    expect(queued.map((t) => t.priority)).toEqual(['background']);
    expect(ran).toEqual([]);
    queued[0]!.cb();
    expect(ran).toEqual(['a']);
  });

  it('a cancelled slice never runs, and its rejected task raises no unhandled error', async () => {
    const queued = installScheduler();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const ran: string[] = [];
    const cancel = inBackground(() => ran.push('a'));
    cancel();
    queued[0]!.cb();
    await new Promise((r) => setTimeout(r, 0));
    process.off('unhandledRejection', unhandled);
    expect(ran).toEqual([]);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('falls back to a zero-delay timer without a scheduler, and can still be cancelled', () => {
    vi.useFakeTimers();
    const ran: string[] = [];
    inBackground(() => ran.push('kept'));
    const cancel = inBackground(() => ran.push('cancelled'));
    cancel();
    expect(ran).toEqual([]);
    vi.runAllTimers();
    expect(ran).toEqual(['kept']);
  });

  it('backgroundTurn resolves only once its background task has run', async () => {
    const queued = installScheduler();
    let resolved = false;
    const turn = backgroundTurn().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    queued[0]!.cb();
    await turn;
    expect(resolved).toBe(true);
  });
});
