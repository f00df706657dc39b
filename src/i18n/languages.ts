/**
 * The UI languages and how one is chosen (pure: no i18next, no window).
 *
 * - Before unlock nothing about the coordinator can be read (settings are sealed), so Haven follows
 *   the system language (`navigator.languages`): Russian for `ru-*`, English otherwise.
 * - After unlock the language in the sealed settings record applies ('system' keeps following the
 *   system); when the vault locks, the unlock screen goes back to the system language.
 * - `ar-XB` is the right-to-left test language (Chromium's RTL pseudo-locale): English text laid
 *   out right to left. It is never offered in Settings; it applies only when the system language
 *   is `ar-XB`, which is how the RTL test runs.
 */
export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageChoice = Language | 'system';
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['system', ...LANGUAGES];

/** Chromium's right-to-left pseudo-locale, used only by the RTL test. */
export const RTL_TEST_LANGUAGE = 'ar-XB';
export type UiLanguage = Language | typeof RTL_TEST_LANGUAGE;

export function isLanguageChoice(value: unknown): value is LanguageChoice {
  return typeof value === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(value);
}

/** The UI language for the system's preferred languages (first supported one wins). */
export function systemLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    if (tag.toLowerCase() === RTL_TEST_LANGUAGE.toLowerCase()) return RTL_TEST_LANGUAGE;
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const match = LANGUAGES.find((l) => l === primary);
    if (match) return match;
  }
  return 'en';
}

/** The language to show: the setting, or the system's language when set to follow it. */
export function resolveLanguage(
  choice: LanguageChoice | undefined,
  preferred: readonly string[],
): UiLanguage {
  return choice && choice !== 'system' ? choice : systemLanguage(preferred);
}

/** Text direction of a UI language. */
export function directionOf(language: UiLanguage): 'ltr' | 'rtl' {
  return language === RTL_TEST_LANGUAGE ? 'rtl' : 'ltr';
}

/** The locale Intl formats numbers, money and dates with for a UI language. */
export function intlLocale(language: string): string {
  return language === 'ru' ? 'ru' : 'en';
}
