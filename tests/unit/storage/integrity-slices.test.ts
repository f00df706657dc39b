/**
 * The unlock-time hashing of every sealed row (Integrity.load) gives the page the thread by time,
 * not by a row count: on the first unlock of a session the hashing is not compiled yet and a
 * fixed count ran past 50 ms. Given 1,024 rows and a clock, When the clock moves 10 ms between
 * its checks, Then it pauses at every check (every 256 rows); When the clock stands still, Then
 * it never pauses; and both find the same (nothing damaged).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Integrity } from '../../../src/storage/integrity';

const rows = new Map([
  [
    'cases' as const,
    Array.from({ length: 1024 }, (_, i) => ({
      id: `case-${String(i).padStart(4, '0')}`,
      c: crypto.getRandomValues(new Uint8Array(64)),
    })),
  ],
]);

async function load(step: number): Promise<{ pauses: number; integrity: Integrity }> {
  let t = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (t += step));
  let pauses = 0;
  const integrity = await Integrity.load(rows, new Map(), undefined, false, async () => {
    pauses += 1;
  });
  vi.restoreAllMocks();
  return { pauses, integrity };
}

describe('the unlock-time hashing yields by time', () => {
  afterEach(() => vi.restoreAllMocks());

  it('Given a clock moving 10 ms between checks, Then it pauses every 256 rows; a still clock, never', async () => {
    const slow = await load(10);
    const fast = await load(0);
    expect(slow.pauses).toBe(4);
    expect(fast.pauses).toBe(0);
    expect(slow.integrity.current()).toStrictEqual(fast.integrity.current());
    expect(slow.integrity.current().damaged).toStrictEqual([]);
  });
});
