/**
 * Domain messages in the coordinator's language. The domain words its validation messages in
 * English (its tests and logs read them); each one has a stable code in en/forms.json
 * (`forms.messages`), where "{{name}}" stands for a value. A domain message is matched against
 * those English templates (the most specific first) and said again through `t` with the same
 * values, so English reads exactly as the domain wrote it and another language has the code to
 * translate. A value called `label` is a field's name from `forms.labels` and is translated too;
 * `detail` is itself a domain message. A message without a code is shown as the domain wrote it
 * (tests/unit/shared/ui/domain-messages.test.ts checks that every domain message has one).
 */
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../i18n';

interface FormsCatalogue {
  messages: Record<string, string>;
  labels: Record<string, string>;
}

interface Template {
  code: string;
  names: string[];
  pattern: RegExp;
  literal: number;
}

const english = (resources.en.translation as unknown as { forms: FormsCatalogue }).forms;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(code: string, template: string): Template {
  const names: string[] = [];
  const parts = template.split(/\{\{(\w+)\}\}/);
  let source = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) source += escape(part);
    else {
      names.push(part);
      source += '(.+?)';
    }
  });
  const literal = parts.filter((_, i) => i % 2 === 0).join('').length;
  return { code, names, pattern: new RegExp(`^${source}$`), literal };
}

/** Most specific first: a fixed sentence before "Enter {{label}}" before "{{label}}: {{detail}}". */
const TEMPLATES = Object.entries(english.messages)
  .map(([code, template]) => compile(code, template))
  .sort((a, b) => b.literal - a.literal);

const LABEL_CODES = new Map(Object.entries(english.labels).map(([code, text]) => [text, code]));

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** A field's name in the current language, keeping the case of its first letter; null if unknown. */
function label(t: TFunction, text: string): string | null {
  const exact = LABEL_CODES.get(text);
  if (exact) return t(`forms.labels.${exact}`);
  const lower = LABEL_CODES.get(lowerFirst(text));
  if (lower) return upperFirst(t(`forms.labels.${lower}`));
  const upper = LABEL_CODES.get(upperFirst(text));
  if (upper) return lowerFirst(t(`forms.labels.${upper}`));
  return null;
}

/** The code and values of a domain message, or null when it has none. */
function match(
  t: TFunction,
  message: string,
): { code: string; values: Record<string, string> } | null {
  for (const template of TEMPLATES) {
    const found = template.pattern.exec(message);
    if (!found) continue;
    const values: Record<string, string> = {};
    let known = true;
    template.names.forEach((name, i) => {
      const value = found[i + 1] ?? '';
      if (name in values) return;
      if (name === 'label') {
        const said = label(t, value);
        if (said === null) known = false;
        else values[name] = said;
      } else if (name === 'detail') {
        const inner = translate(t, value);
        if (inner === null) known = false;
        else values[name] = inner;
      } else values[name] = value;
    });
    if (known) return { code: template.code, values };
  }
  return null;
}

function translate(t: TFunction, message: string): string | null {
  const found = match(t, message);
  return found ? t(`forms.messages.${found.code}`, found.values) : null;
}

/** The code of a domain message, or null when en/forms.json has none for it (for tests). */
export function domainMessageCode(message: string): string | null {
  return match(i18next.t.bind(i18next), message)?.code ?? null;
}

/** A domain message in the current language (as the domain wrote it when it has no code). */
export function domainMessage(message: string, t: TFunction = i18next.t.bind(i18next)): string {
  return translate(t, message) ?? message;
}
