/**
 * Every visible string goes through i18next. English is the first language. Each language is a
 * folder of JSON files (one per area, so that teams do not edit the same file); their top-level
 * keys are merged into one translation. A new language is a new folder with the same keys.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeLocaleFiles } from './merge';

const englishFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/en/*.json', {
  eager: true,
});

export const resources = { en: { translation: mergeLocaleFiles(englishFiles) } };

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
