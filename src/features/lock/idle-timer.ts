/**
 * Counts down to the auto-lock. Activity (a key, a pointer, a wheel turn, a touch) restarts the
 * countdown; when it reaches zero the vault locks. Time comes from an injected clock so the
 * behaviour is tested without waiting.
 */

export interface IdleClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const browserClock: IdleClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => window.setInterval(callback, ms),
  clearInterval: (handle) => window.clearInterval(handle as number),
};

export const ACTIVITY_EVENTS = [
  'keydown',
  'pointerdown',
  'pointermove',
  'wheel',
  'touchstart',
] as const;

export class IdleTimer {
  private lastActivity: number;
  private handle: unknown = null;
  private fired = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
    private readonly onTick: (remainingMs: number) => void,
    private readonly clock: IdleClock = browserClock,
  ) {
    this.lastActivity = clock.now();
  }

  start(): void {
    this.stop();
    this.fired = false;
    this.lastActivity = this.clock.now();
    this.handle = this.clock.setInterval(() => this.tick(), 1000);
    this.onTick(this.timeoutMs);
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
    this.handle = null;
  }

  activity(): void {
    if (this.fired) return;
    this.lastActivity = this.clock.now();
  }

  remainingMs(): number {
    return Math.max(0, this.timeoutMs - (this.clock.now() - this.lastActivity));
  }

  /** One step of the countdown; public so tests drive it with a manual clock. */
  tick(): void {
    if (this.fired) return;
    const remaining = this.remainingMs();
    this.onTick(remaining);
    if (remaining === 0) {
      this.fired = true;
      this.stop();
      this.onIdle();
    }
  }
}

/** "4:32" */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}
