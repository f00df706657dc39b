/**
 * Compares a language's locale files with English, key by key: the keys English has and the
 * language lacks, keys the language has that English does not, and strings whose interpolation
 * placeholders ({{name}}, $t(...)) differ. Plural keys are compared by their base: English has
 * `_one`/`_other`, a language has the forms its plural rules need (Russian `_one`/`_few`/`_many`/
 * `_other`, from Intl.PluralRules). Used by tests/unit/i18n/parity.test.ts and by
 * `npm run i18n:missing` (tests/tools/missing-keys.mjs).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_RE = new RegExp(`^(.*)_(${PLURAL_SUFFIXES.join('|')})$`);

/** Reads every JSON file of one language: { 'app.json': {...}, ... }. */
export function readLanguage(localesDir, language) {
  const dir = join(localesDir, language);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => [name, JSON.parse(readFileSync(join(dir, name), 'utf8'))]),
  );
}

/** Flattens a tree to dotted keys; array items become `key.0`, `key.1`. */
export function flatten(tree, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, path, out);
    else out.set(path, String(value));
  }
  return out;
}

/** The placeholders of a string, sorted and unique: {{name}}, {{count, number}}, $t(key). */
export function placeholders(text) {
  const found = new Set();
  for (const m of text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)) found.add(`{{${m[1]}}}`);
  for (const m of text.matchAll(/\$t\(([^)]*)\)/g)) found.add(`$t(${m[1]})`);
  return [...found].sort();
}

/** Groups flat keys by plural base: Map(base -> Map(suffix|'' -> text)). */
function byBase(flat) {
  const groups = new Map();
  const keys = new Set([...flat].map(([key]) => key));
  for (const [key, text] of flat) {
    // A key is a plural form only beside its `_other` ("nights_plus_one" alone is a plain key).
    const found = PLURAL_RE.exec(key);
    const m = found && keys.has(`${found[1]}_other`) ? found : null;
    const base = m ? m[1] : key;
    const form = m ? m[2] : '';
    if (!groups.has(base)) groups.set(base, new Map());
    groups.get(base).set(form, text);
  }
  return groups;
}

/** The plural forms a language needs (Russian: one, few, many, other). */
export function pluralForms(language) {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories;
}

/**
 * Compares `language` with English in `localesDir`. Returns { missingFiles, missing, extra,
 * placeholderMismatch } where each entry names file and key (and, for mismatches, both sets).
 */
export function compareLanguage(localesDir, language) {
  const english = readLanguage(localesDir, 'en');
  const other = readLanguage(localesDir, language);
  const forms = pluralForms(language);
  const result = {
    missingFiles: [],
    extraFiles: [],
    missing: [],
    extra: [],
    placeholderMismatch: [],
  };
  for (const file of Object.keys(other)) if (!(file in english)) result.extraFiles.push(file);
  for (const [file, tree] of Object.entries(english)) {
    if (!(file in other)) result.missingFiles.push(file);
    const en = byBase(flatten(tree));
    const tr = byBase(flatten(other[file] ?? {}));
    for (const [base, enForms] of en) {
      const plural = !enForms.has('');
      const trForms = tr.get(base);
      const enAll = new Set([...enForms.values()].flatMap(placeholders));
      if (!plural) {
        const text = trForms?.get('');
        if (text === undefined) {
          result.missing.push({ file, key: base, english: enForms.get('') });
          continue;
        }
        const a = placeholders(enForms.get('')).join(' ');
        const b = placeholders(text).join(' ');
        if (a !== b)
          result.placeholderMismatch.push({ file, key: base, english: a, translated: b });
        continue;
      }
      for (const form of forms) {
        const text = trForms?.get(form);
        const key = `${base}_${form}`;
        if (text === undefined) {
          result.missing.push({ file, key, english: enForms.get('other') ?? '' });
          continue;
        }
        // A plural form may leave out what English words differently per form ("remove them"),
        // but may not bring in a placeholder English never fills, and must keep {{count}} when
        // every English form has it.
        const mine = placeholders(text);
        const unknown = mine.filter((p) => !enAll.has(p));
        const everyEnHasCount = [...enForms.values()].every((t) =>
          placeholders(t).includes('{{count}}'),
        );
        const lostCount = everyEnHasCount && !mine.includes('{{count}}') && form !== 'one';
        if (unknown.length > 0 || lostCount)
          result.placeholderMismatch.push({
            file,
            key,
            english: [...enAll].sort().join(' '),
            translated: mine.join(' '),
          });
      }
    }
    for (const [base, trForms] of tr) {
      const enForms = en.get(base);
      for (const form of trForms.keys()) {
        const known =
          enForms && (form === '' ? enForms.has('') : !enForms.has('') && forms.includes(form));
        if (!known) result.extra.push({ file, key: form ? `${base}_${form}` : base });
      }
    }
  }
  return result;
}
