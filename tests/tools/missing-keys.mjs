#!/usr/bin/env node
/**
 * `npm run i18n:missing [-- ru]`: lists the English keys a language lacks (with the English text
 * to translate), keys it has that English no longer has, and placeholder mismatches. Exits 1 when
 * anything is listed, so it can gate a merge. `--json` prints the same as JSON, e.g. to build a
 * file for translators. Add the translations to src/i18n/locales/<lang>/<same file>.json.
 */
import { join } from 'node:path';
import { compareLanguage } from './locale-keys.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const languages = args.filter((a) => !a.startsWith('--'));
const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const localesDir = join(root, 'src', 'i18n', 'locales');

let problems = 0;
const report = {};
for (const language of languages.length > 0 ? languages : ['ru']) {
  const r = compareLanguage(localesDir, language);
  report[language] = r;
  problems +=
    r.missingFiles.length +
    r.extraFiles.length +
    r.missing.length +
    r.extra.length +
    r.placeholderMismatch.length;
  if (json) continue;
  console.log(`# ${language}`);
  for (const file of r.missingFiles) console.log(`missing file: ${language}/${file}`);
  for (const file of r.extraFiles) console.log(`file not in English: ${language}/${file}`);
  for (const m of r.missing)
    console.log(`missing  ${m.file}  ${m.key}  = ${JSON.stringify(m.english)}`);
  for (const m of r.extra) console.log(`extra    ${m.file}  ${m.key}`);
  for (const m of r.placeholderMismatch)
    console.log(
      `placeholders  ${m.file}  ${m.key}: English [${m.english}], ${language} [${m.translated}]`,
    );
  if (
    r.missingFiles.length +
      r.extraFiles.length +
      r.missing.length +
      r.extra.length +
      r.placeholderMismatch.length ===
    0
  )
    console.log('complete: every English key is translated');
}
if (json) console.log(JSON.stringify(report, null, 2));
process.exit(problems > 0 ? 1 : 0);
