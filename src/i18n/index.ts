/**
 * Every visible string goes through i18next. English is the first language. Each language is a
 * folder of JSON files (one per area, so that teams do not edit the same file); their top-level
 * keys are merged into one translation. A new language is a new folder with the same keys.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

const englishFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/en/*.json', {
  eager: true,
});

export function mergeLocaleFiles(files: Record<string, { default: Record<string, unknown> }>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, module] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [key, value] of Object.entries(module.default)) {
      if (key in merged) throw new Error(`i18n: the key "${key}" is defined twice (again in ${path}).`);
      merged[key] = value;
    }
  }
  return merged;
}

export const resources = { en: { translation: mergeLocaleFiles(englishFiles) } };

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
