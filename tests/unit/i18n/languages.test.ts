/** Which UI language shows: the system's before unlock, the sealed setting after; ar-XB is RTL. */
import { describe, expect, it } from 'vitest';
import {
  directionOf,
  intlLocale,
  isLanguageChoice,
  resolveLanguage,
  systemLanguage,
} from '../../../src/i18n/languages';

describe('UI language', () => {
  it('given the system languages, when resolved, then the first supported one wins and English is the fallback', () => {
    expect(systemLanguage(['ru-RU', 'en-US'])).toBe('ru');
    expect(systemLanguage(['de-DE', 'ru'])).toBe('ru');
    expect(systemLanguage(['de-DE', 'fr-FR'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
    expect(systemLanguage(['ar-XB'])).toBe('ar-XB');
  });

  it('given a setting, when resolved, then it wins over the system unless it says to follow the system', () => {
    expect(resolveLanguage('en', ['ru-RU'])).toBe('en');
    expect(resolveLanguage('ru', ['en-US'])).toBe('ru');
    expect(resolveLanguage('system', ['ru-RU'])).toBe('ru');
    expect(resolveLanguage(undefined, ['en-GB'])).toBe('en');
  });

  it('given the languages, when asked for direction and Intl locale, then only the RTL test language is rtl', () => {
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('ru')).toBe('ltr');
    expect(directionOf('ar-XB')).toBe('rtl');
    expect(intlLocale('ru')).toBe('ru');
    expect(intlLocale('ar-XB')).toBe('en');
    expect(isLanguageChoice('ru')).toBe(true);
    expect(isLanguageChoice('ar-XB')).toBe(false);
  });
});
