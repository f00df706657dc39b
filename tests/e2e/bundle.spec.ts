/**
 * Start-up code splitting (issue 15), checked on the build that the e2e suite serves
 * (out/renderer, with the Vite manifest): the JavaScript loaded before the unlock screen shows is
 * the entry chunk and its static imports. The city gazetteer (about 2 MB of city-timezones data)
 * must not be among them, and must still be in the build as a chunk loaded on demand (so a
 * gazetteer that went missing or was renamed cannot pass this test by accident).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const OUT = join(__dirname, '../../out/renderer');
/** A field name of every record of city-timezones' data: present in the gazetteer and nowhere else. */
const GAZETTEER_MARK = 'city_ascii';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function manifest(): Record<string, Chunk> {
  return JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
}

/** The entry chunk and everything it imports statically, transitively. */
function initialChunks(m: Record<string, Chunk>): string[] {
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key) || !m[key]) return;
    seen.add(key);
    for (const i of m[key].imports ?? []) walk(i);
  };
  for (const [key, c] of Object.entries(m)) if (c.isEntry) walk(key);
  return [...seen].map((k) => m[k]!.file);
}

const text = (file: string) => readFileSync(join(OUT, file), 'utf8');

test('the initial chunks do not include the gazetteer, which loads on demand', () => {
  const m = manifest();
  const initial = initialChunks(m);
  expect(initial.length).toBeGreaterThan(0);
  for (const file of initial) expect(text(file), file).not.toContain(GAZETTEER_MARK);
  const all = Object.values(m).map((c) => c.file);
  const lazy = all.filter((f) => !initial.includes(f) && f.endsWith('.js'));
  expect(lazy.some((f) => text(f).includes(GAZETTEER_MARK))).toBe(true);
});

test('the app behind the unlock screen is code-split, and the map, charts and exports load on demand', () => {
  const m = manifest();
  const initial = new Set(initialChunks(m));
  expect(m['OpenApp.tsx'], 'OpenApp.tsx').toBeDefined();
  expect(initial.has(m['OpenApp.tsx']!.file), 'OpenApp.tsx').toBe(false);
  // What the open app loads at once: its chunk and everything that imports statically.
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key) || !m[key]) return;
    seen.add(key);
    for (const i of m[key].imports ?? []) walk(i);
  };
  walk('OpenApp.tsx');
  const openApp = new Set([...seen].map((k) => m[k]!.file));
  for (const source of [
    'features/map/HostMapScreen.tsx',
    'features/map/CaseMapView.tsx',
    'features/map/PlacePickerMap.tsx',
    '../node_modules/world-atlas/countries-50m.json',
    'features/budget/BudgetChart.tsx',
    '../node_modules/write-excel-file/browser/index.js',
  ]) {
    expect(m[source], source).toBeDefined();
    expect(initial.has(m[source]!.file), source).toBe(false);
    expect(openApp.has(m[source]!.file), source).toBe(false);
  }
});
