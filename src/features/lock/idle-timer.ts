/**
 * Counts down to the auto-lock. Activity (a key, a pointer, a wheel turn, a touch) restarts the
 * countdown; when it reaches zero the vault locks. A minute before (`warnBeforeMs`), `onWarn(true)`
 * says the lock is near so the coordinator can stay unlocked and save; activity ends the warning
 * (`onWarn(false)`). Time comes from an injected clock so the behaviour is tested without waiting.
 */

/** How long before the auto-lock the coordinator is warned. */
export const WARN_BEFORE_MS = 60_000;

export interface IdleClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const browserClock: IdleClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
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
  private warned = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
    private readonly onTick: (remainingMs: number) => void,
    private readonly clock: IdleClock = browserClock,
    private readonly onWarn: (warning: boolean) => void = () => undefined,
    private readonly warnBeforeMs: number = WARN_BEFORE_MS,
  ) {
    this.lastActivity = clock.now();
  }

  start(): void {
    this.stop();
    this.fired = false;
    this.setWarned(false);
    this.lastActivity = this.clock.now();
    this.handle = this.clock.setInterval(() => this.tick(), 1000);
    this.onTick(this.timeoutMs);
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
    this.handle = null;
  }

  /** Restarts the countdown (and ends a warning at once: "Stay unlocked" calls this). */
  activity(): void {
    if (this.fired) return;
    this.lastActivity = this.clock.now();
    if (this.warned) {
      this.setWarned(false);
      this.onTick(this.remainingMs());
    }
  }

  private setWarned(warned: boolean): void {
    if (this.warned === warned) return;
    this.warned = warned;
    this.onWarn(warned);
  }

  remainingMs(): number {
    return Math.max(0, this.timeoutMs - (this.clock.now() - this.lastActivity));
  }

  /** One step of the countdown; public so tests drive it with a manual clock. */
  tick(): void {
    if (this.fired) return;
    const remaining = this.remainingMs();
    this.onTick(remaining);
    this.setWarned(remaining > 0 && remaining <= Math.min(this.warnBeforeMs, this.timeoutMs / 2));
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
