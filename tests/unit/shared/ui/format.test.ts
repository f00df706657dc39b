/** Numbers, money, times, durations and name lists in English and Russian. */
import { describe, expect, it } from 'vitest';
import { money } from '../../../../src/domain/money';
import { formatters } from '../../../../src/shared/ui/format';

// Intl separates Russian digit groups with a no-break space and the currency with another.
const nb = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatters per UI language', () => {
  const en = formatters('en');
  const ru = formatters('ru');

  it('given amounts in minor units, when formatted, then each language writes its own grouping, decimal mark and symbol', () => {
    expect(en.money(money(123456, 'EUR'))).toBe('€1,234.56');
    expect(nb(ru.money(money(123456, 'EUR')))).toBe('1 234,56 €');
    expect(en.money(money(1200, 'JPY'))).toBe('¥1,200');
    expect(nb(ru.money(money(1234567, 'KWD')))).toBe('1 234,567 KWD');
    expect(en.number(1234567)).toBe('1,234,567');
    expect(nb(ru.number(1234567))).toBe('1 234 567');
  });

  it('given a local time in a zone, when formatted with the date, then weekday and month are in the language and the zone stays', () => {
    const at = { local: '2026-03-29T04:35', zone: 'Asia/Tbilisi' };
    expect(en.zoned(at, { withDate: true })).toBe('Sun 29 Mar 2026, 04:35 GET (UTC+4)');
    expect(ru.zoned(at, { withDate: true })).toBe('вс 29 мар. 2026, 04:35 GET (UTC+4)');
    expect(ru.zoned(at)).toBe('04:35 GET (UTC+4)');
  });

  it('given durations, when formatted, then the units are the language’s', () => {
    expect(en.duration(45)).toBe('45 min');
    expect(en.duration(13 * 60 + 5)).toBe('13 h 05 min');
    expect(en.duration(52 * 60)).toBe('2 d 4 h');
    expect(ru.duration(45)).toBe('45 мин');
    expect(ru.duration(13 * 60 + 5)).toBe('13 ч 05 мин');
    expect(ru.duration(52 * 60)).toBe('2 дн. 4 ч');
  });

  it('given names, when listed, then joined with the language’s "and"', () => {
    expect(ru.list(['Cedar', 'Acorn', 'Birch'])).toBe('Cedar, Acorn и Birch');
    expect(en.list(['Cedar', 'Acorn'])).toBe('Cedar and Acorn');
  });
});
