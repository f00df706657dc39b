/**
 * Every visible string goes through i18next. Each language is a folder of JSON files (one per
 * area, so that teams do not edit the same file); their top-level keys are merged into one
 * translation. A new language is a new folder with the same keys (tests/unit/i18n/parity.test.ts
 * checks that; `npm run i18n:missing` lists the English keys a language still lacks).
 *
 * Which language shows is decided in ./languages.ts: the system language before unlock, the
 * sealed setting after. `applyLanguage` switches i18next and the document's `lang` and `dir`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { directionOf, RTL_TEST_LANGUAGE, systemLanguage, type UiLanguage } from './languages';
import { mergeLocaleFiles } from './merge';

type LocaleFiles = Record<string, { default: Record<string, unknown> }>;

const englishFiles: LocaleFiles = import.meta.glob('./locales/en/*.json', { eager: true });
const russianFiles: LocaleFiles = import.meta.glob('./locales/ru/*.json', { eager: true });

export const resources = {
  en: { translation: mergeLocaleFiles(englishFiles) },
  ru: { translation: mergeLocaleFiles(russianFiles) },
  // The RTL test language has no strings of its own: every key falls back to English.
  [RTL_TEST_LANGUAGE]: { translation: {} },
};

/** The system's preferred languages (navigator.languages), in order. */
export function preferredLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

function setDocumentLanguage(language: UiLanguage): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

const initial = systemLanguage(preferredLanguages());
setDocumentLanguage(initial);

void i18next.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Shows the UI in `language`: strings, the document's `lang` and its text direction. */
export function applyLanguage(language: UiLanguage): void {
  setDocumentLanguage(language);
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

export default i18next;
