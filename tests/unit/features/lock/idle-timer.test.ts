import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IdleTimer,
  formatCountdown,
  type IdleClock,
} from '../../../../src/features/lock/idle-timer';

function manualClock(): IdleClock & { advance(ms: number): void; intervals: number } {
  let now = 1_000_000;
  let active = 0;
  return {
    now: () => now,
    setInterval: () => {
      active += 1;
      return active;
    },
    clearInterval: () => {
      active -= 1;
    },
    advance(ms: number) {
      now += ms;
    },
    get intervals() {
      return active;
    },
  };
}

describe('the auto-lock countdown', () => {
  it('given five minutes of no activity, when the countdown ticks, then it locks exactly once', () => {
    const clock = manualClock();
    let locks = 0;
    const timer = new IdleTimer(
      5 * 60_000,
      () => (locks += 1),
      () => undefined,
      clock,
    );
    timer.start();
    clock.advance(5 * 60_000 - 1000);
    timer.tick();
    expect(locks).toBe(0);
    clock.advance(1000);
    timer.tick();
    timer.tick();
    expect(locks).toBe(1);
    expect(clock.intervals).toBe(0);
  });

  it('given activity before the limit, when time passes, then the countdown restarts from the activity', () => {
    const clock = manualClock();
    let locks = 0;
    const ticks: number[] = [];
    const timer = new IdleTimer(
      60_000,
      () => (locks += 1),
      (remaining) => ticks.push(remaining),
      clock,
    );
    timer.start();
    clock.advance(50_000);
    timer.activity();
    clock.advance(50_000);
    timer.tick();
    expect(locks).toBe(0);
    expect(ticks.at(-1)).toBe(10_000);
    clock.advance(10_000);
    timer.tick();
    expect(locks).toBe(1);
  });

  it('formats the remaining time as minutes and seconds', () => {
    expect(formatCountdown(272_000)).toBe('4:32');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(0)).toBe('0:00');
  });
});

describe('the warning before the auto-lock', () => {
  afterEach(() => vi.useRealTimers());

  it('given five idle minutes, warns once a minute before the lock, and "Stay unlocked" (activity) ends the warning and restarts the countdown', () => {
    vi.useFakeTimers();
    const warnings: boolean[] = [];
    let locks = 0;
    const timer = new IdleTimer(
      5 * 60_000,
      () => (locks += 1),
      () => undefined,
      undefined,
      (warning) => warnings.push(warning),
    );
    timer.start();
    vi.advanceTimersByTime(4 * 60_000 - 1000);
    expect(warnings).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(warnings).toEqual([true]);
    vi.advanceTimersByTime(30_000);
    expect(warnings).toEqual([true]);
    expect(locks).toBe(0);

    timer.activity();
    expect(warnings).toEqual([true, false]);
    expect(timer.remainingMs()).toBe(5 * 60_000);
    vi.advanceTimersByTime(4 * 60_000 - 1000);
    expect(warnings).toEqual([true, false]);
    expect(locks).toBe(0);

    vi.advanceTimersByTime(61_000);
    expect(warnings).toEqual([true, false, true, false]);
    expect(locks).toBe(1);
    timer.stop();
  });
});
