/**
 * Every visible string goes through i18next. English is the first language; a new language is
 * a new file in locales/ with the same keys (tests/unit/i18n checks that no key is missing).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export const resources = { en: { translation: en } } as const;
export const SUPPORTED_LANGUAGES = ['en'] as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
