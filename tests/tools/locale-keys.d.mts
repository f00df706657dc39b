/** Types of locale-keys.mjs for the TypeScript tests. */
export interface KeyEntry {
  readonly file: string;
  readonly key: string;
  readonly english?: string;
  readonly translated?: string;
}
export interface LanguageComparison {
  readonly missingFiles: string[];
  readonly extraFiles: string[];
  readonly missing: KeyEntry[];
  readonly extra: KeyEntry[];
  readonly placeholderMismatch: KeyEntry[];
}
export function readLanguage(localesDir: string, language: string): Record<string, unknown>;
export function flatten(tree: Record<string, unknown>): Map<string, string>;
export function placeholders(text: string): string[];
export function pluralForms(language: string): string[];
export function compareLanguage(localesDir: string, language: string): LanguageComparison;
