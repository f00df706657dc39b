/**
 * Every language has every English key, no key English lacks, and the same placeholders; Russian
 * plurals have the four forms Russian needs. The same comparison backs `npm run i18n:missing`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import i18next from '../../../src/i18n';
import { LANGUAGES } from '../../../src/i18n/languages';
import { compareLanguage, pluralForms } from '../../tools/locale-keys.mjs';

const locales = join(__dirname, '..', '..', '..', 'src', 'i18n', 'locales');

describe('every language against English', () => {
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`given the ${language} locale files, when compared with English, then no key is missing, extra or differently interpolated`, () => {
      const r = compareLanguage(locales, language);
      expect(r.missingFiles).toEqual([]);
      expect(r.extraFiles).toEqual([]);
      expect(r.missing).toEqual([]);
      expect(r.extra).toEqual([]);
      expect(r.placeholderMismatch).toEqual([]);
    });
  }

  it('given Russian, when its plural forms are listed, then they are one, few, many and other', () => {
    expect(pluralForms('ru')).toEqual(['few', 'many', 'one', 'other']);
  });

  it('given Russian counts, when translated, then each takes its plural form', () => {
    const t = i18next.getFixedT('ru');
    expect(t('cases.count', { count: 1 })).toBe('1 дело');
    expect(t('cases.count', { count: 3 })).toBe('3 дела');
    expect(t('cases.count', { count: 5 })).toBe('5 дел');
    expect(t('cases.count', { count: 21 })).toBe('21 дело');
    expect(t('case.nights', { count: 12 })).toBe('12 ночей');
    expect(t('errors.transition.forbidden', { from: 'request', to: 'closed' })).toBe(
      'Дело из статуса «Запрос» нельзя перевести в статус «Закрыто». Выберите один из предложенных переходов.',
    );
  });
});

describe('the comparison itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haven-locales-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given a language missing a plural form, a key and a placeholder, when compared, then each is reported', () => {
    mkdirSync(join(dir, 'en'));
    mkdirSync(join(dir, 'ru'));
    const en = {
      a: { x: 'Hi {{name}}', n_one: '{{count}} item', n_other: '{{count}} items', y: 'Y' },
    };
    const ru = {
      a: {
        x: 'Привет {{nme}}',
        n_one: '{{count}} штука',
        n_few: '{{count}} штуки',
        n_other: '{{count}} штуки',
        z: 'лишнее',
      },
    };
    writeFileSync(join(dir, 'en', 'a.json'), JSON.stringify(en));
    writeFileSync(join(dir, 'ru', 'a.json'), JSON.stringify(ru));
    writeFileSync(join(dir, 'en', 'b.json'), JSON.stringify({ b: 'B' }));
    const r = compareLanguage(dir, 'ru');
    expect(r.missingFiles).toEqual(['b.json']);
    expect(r.missing.map((m) => m.key)).toEqual(['a.n_many', 'a.y', 'b']);
    expect(r.extra.map((m) => m.key)).toEqual(['a.z']);
    expect(r.placeholderMismatch.map((m) => [m.key, m.translated])).toEqual([['a.x', '{{nme}}']]);
  });
});
