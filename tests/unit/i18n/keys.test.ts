/**
 * Every literal translation key used in src/ exists in the English locale, and the locale files
 * merge without a key defined twice. A typo in a key would otherwise show the raw key on screen.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLocaleFiles } from '../../../src/i18n/merge';

const root = join(__dirname, '..', '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function englishFiles(): Record<string, { default: Record<string, unknown> }> {
  const dir = join(root, 'i18n', 'locales', 'en');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [
        name,
        { default: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown> },
      ]),
  );
}

function lookup(tree: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      tree,
    );
}

describe('translations', () => {
  const english = mergeLocaleFiles(englishFiles());

  it('given every literal t("…") key in src, when looked up in English, then each exists', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of files(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = match[1] ?? '';
        checked += 1;
        const value = lookup(english, key);
        const plural = lookup(english, `${key}_one`) ?? lookup(english, `${key}_other`);
        if (value === undefined && plural === undefined)
          missing.push(`${key} (${file.slice(root.length + 1)})`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('given two files defining the same top-level key, when merged, then the merge refuses', () => {
    expect(() =>
      mergeLocaleFiles({ 'a.json': { default: { x: 1 } }, 'b.json': { default: { x: 2 } } }),
    ).toThrow('i18n: the key "x" is defined twice (again in b.json).');
  });
});
