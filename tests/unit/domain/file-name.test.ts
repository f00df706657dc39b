/** File-name parts from code names: the same rule for every export, safe on every file system. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../../src/domain/file-name';
import { icsFileName } from '../../../src/domain/ics';

/** No lone surrogate (half of a character cut off). */
const wellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('fileSlug', () => {
  it('keeps letters and digits of any script, lower-cased, and joins the rest with one hyphen', () => {
    expect(fileSlug('Cedar Ash 2', 'x')).toBe('cedar-ash-2');
    expect(fileSlug('  Heron / 2: *?', 'x')).toBe('heron-2');
    expect(fileSlug('Сокол-7', 'x')).toBe('сокол-7');
    expect(fileSlug('São Paulo', 'x')).toBe('são-paulo');
    // Vowel signs are marks, not separators: a Devanagari name stays one word.
    expect(fileSlug('नमस्ते 3', 'x')).toBe('नमस्ते-3');
    // A decomposed accent is composed first: one name, one file name.
    expect(fileSlug('Sa\u0303o', 'x')).toBe(fileSlug('São', 'x'));
  });

  it('falls back when nothing usable is left, and never cuts a character in two', () => {
    expect(fileSlug('', 'case')).toBe('case');
    expect(fileSlug(null, 'case')).toBe('case');
    expect(fileSlug('///', 'case')).toBe('case');
    const long = fileSlug('𝒜'.repeat(100), 'x');
    expect(Array.from(long)).toHaveLength(60);
    expect(wellFormed(long)).toBe(true);
  });

  it('gives only characters every desktop file system accepts, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const out = fileSlug(s, 'case');
        expect(out).toMatch(/^[\p{L}\p{M}\p{N}]([\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u);
        expect(out).not.toMatch(/[<>:"/\\|?*]/);
        expect([...out].every((ch) => ch.codePointAt(0)! >= 0x20)).toBe(true);
        expect(Array.from(out).length).toBeLessThanOrEqual(60);
        expect(wellFormed(out)).toBe(true);
      }),
    );
  });

  it('names a case the same way in the calendar as elsewhere, Cyrillic included', () => {
    expect(icsFileName('Сокол 7', '2026-05-01')).toBe('haven-calendar-сокол-7-2026-05-01.ics');
  });
});
