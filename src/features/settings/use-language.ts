/**
 * Applies the language chosen in the sealed settings while the vault is open. Before unlock (and
 * again once it locks) the UI follows the system language: nothing about the coordinator is kept
 * unsealed to remember a choice across locks (see src/i18n/languages.ts).
 */
import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { applyLanguage, preferredLanguages } from '../../i18n';
import {
  directionOf,
  resolveLanguage,
  systemLanguage,
  type LanguageChoice,
} from '../../i18n/languages';

export function useApplyLanguage(choice: LanguageChoice | undefined): void {
  const { setDirection } = useDirection();
  useEffect(() => {
    const language = resolveLanguage(choice, preferredLanguages());
    applyLanguage(language);
    setDirection(directionOf(language));
  }, [choice, setDirection]);
  useEffect(
    () => () => {
      const language = systemLanguage(preferredLanguages());
      applyLanguage(language);
      setDirection(directionOf(language));
    },
    [setDirection],
  );
}
