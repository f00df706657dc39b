/**
 * ZoneClock (domain/time.ts) reads a zone's offset from Intl's formatted text instead of luxon's
 * formatToParts: for every zone the runtime knows, at instants around its DST changes and at
 * random instants from 1900 to 2100, it gives luxon's offset exactly.
 */
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZoneClock, isIanaZone, resolveLocal } from '../../../src/domain/time';

const ZONES = Intl.supportedValuesOf('timeZone');
const HOUR = 3_600_000;

describe('ZoneClock', () => {
  it('knows the same zones as luxon, aliases and odd spellings included', () => {
    for (const name of [
      ...ZONES,
      'UTC',
      'Europe/Kiev',
      'Asia/Calcutta',
      'europe/paris',
      'Etc/GMT+5',
    ]) {
      expect(ZoneClock.of(name) !== null).toBe(IANAZone.isValidZone(name));
      expect(isIanaZone(name)).toBe(IANAZone.isValidZone(name));
    }
    for (const bad of ['', 'Mars/Olympus', 'Europe/Nowhere', 'not a zone']) {
      expect(ZoneClock.of(bad)).toBeNull();
      expect(isIanaZone(bad)).toBe(false);
    }
  });

  it("gives luxon's offset in every zone, every three hours through 2026's DST changes", () => {
    const ends = [Date.UTC(2026, 2, 20), Date.UTC(2026, 9, 20)];
    for (const name of ZONES) {
      const clock = ZoneClock.of(name)!;
      const luxon = IANAZone.create(name);
      for (const from of ends) {
        for (let t = from; t < from + 16 * 24 * HOUR; t += 3 * HOUR - 1) {
          if (clock.offset(t) !== luxon.offset(t))
            expect([name, t, clock.offset(t)]).toEqual([name, t, luxon.offset(t)]);
        }
      }
    }
  });

  it("gives luxon's offset at any instant from 1900 to 2100", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (name, t) => {
          expect(ZoneClock.of(name)!.offset(t)).toBe(IANAZone.create(name).offset(t));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('still finds the DST gap and the repeated hour', () => {
    const gap = resolveLocal({ local: '2026-03-29T02:30', zone: 'Europe/Berlin' });
    expect(gap.ok).toBe(false);
    const twice = resolveLocal({ local: '2026-10-25T02:30', zone: 'Europe/Berlin' });
    expect(twice.ok && twice.value.ambiguous).toBe(true);
    const plain = resolveLocal({ local: '2026-07-01T12:00', zone: 'Asia/Kathmandu' });
    expect(plain.ok && plain.value.offsetMinutes).toBe(345);
  });
});
