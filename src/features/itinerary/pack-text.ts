/**
 * Fixed texts of the pack (keys into itinerary.json), and the language the pack is printed in:
 * the UI's language or English, with a `t` fixed to it so the pack never follows a language
 * change of the UI while it is open.
 */
import i18next, { type TFunction } from 'i18next';

export const PHRASE_KEYS = [
  'itinerary.print.phrase.help',
  'itinerary.print.phrase.call',
  'itinerary.print.phrase.doctor',
  'itinerary.print.phrase.lost',
  'itinerary.print.phrase.language',
  'itinerary.print.phrase.wait',
] as const;

export const WRONG_STEP_KEYS = [
  'itinerary.print.wrongSteps.safe',
  'itinerary.print.wrongSteps.call',
  'itinerary.print.wrongSteps.say',
  'itinerary.print.wrongSteps.missed',
  'itinerary.print.wrongSteps.documents',
] as const;

/** The languages a pack may be printed in: the UI's, and English (once when they are the same). */
export function packLanguages(uiLanguage: string): string[] {
  const ui = uiLanguage || 'en';
  return ui === 'en' ? ['en'] : [ui, 'en'];
}

/** A `t` fixed to `language` (falls back to English for a key the language lacks). */
export function packT(language: string): TFunction {
  return i18next.getFixedT(language);
}

/** The display name of a language in that language ("English", "русский"). */
export function languageName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}
