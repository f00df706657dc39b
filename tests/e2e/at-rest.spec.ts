/**
 * security.md test 1 (at-rest canary scan) and test 2 (metadata allowlist), in real Chromium with
 * a persistent profile on disk.
 *
 * Given canaries in every free-text field of every entity, written through the real repositories,
 * when the browser is closed, then no file of the profile holds any canary in UTF-8, UTF-16LE,
 * base64 or hex, and every stored row read through raw IndexedDB is exactly {id, v, c}.
 * Positive control: a canary written on purpose in plaintext to a control database IS found by
 * the same scan, so a scan that cannot see anything would fail here.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_ORIGIN } from '../../playwright.config';
import { expect, isOwnOrigin, test } from './fixtures/app';
import { openHarness, serveHarness } from './fixtures/harness';
import { scan } from './fixtures/scan';
import { E2E_PASSPHRASE, VaultPage } from './pages/Vault';

const EXPECTED_STORES = [
  'audit',
  'budgetLines',
  'cases',
  'checkpoints',
  'exchangeRates',
  'extensions',
  'hosts',
  'legs',
  'meta',
  'people',
  'perDiemRates',
  'settings',
  'stays',
  'visas',
];

interface RawReport {
  databases: string[];
  stores: string[];
  indexes: string[];
  rows: number;
  badRows: string[];
  canaryHits: string[];
}

/** Reads every row of the app's database through raw IndexedDB (no Dexie, no middleware). */
function readRaw(page: Page, canaries: string[]): Promise<RawReport> {
  return page.evaluate(async (needles) => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('haven');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stores = [...db.objectStoreNames].sort();
    const indexes: string[] = [];
    const badRows: string[] = [];
    const canaryHits: string[] = [];
    let rows = 0;
    const latin1 = new TextDecoder('latin1');
    const utf16 = new TextDecoder('utf-16le');
    for (const name of stores) {
      const tx = db.transaction(name, 'readonly');
      const store = tx.objectStore(name);
      indexes.push(...[...store.indexNames].map((index) => `${name}.${index}`));
      if (store.keyPath !== 'id') badRows.push(`${name}: key path ${String(store.keyPath)}`);
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const value of values) {
        rows += 1;
        const text = [JSON.stringify(value)];
        if (name !== 'meta') {
          const row = value as Record<string, unknown>;
          const keys = Object.keys(row).sort().join(',');
          const c = row.c;
          const ok =
            keys === 'c,id,v' &&
            typeof row.id === 'string' &&
            /^[0-9a-f]{32}$/.test(row.id) &&
            typeof row.v === 'number' &&
            (c instanceof ArrayBuffer || c instanceof Uint8Array);
          if (!ok) badRows.push(`${name}: ${keys}`);
          if (c instanceof ArrayBuffer || c instanceof Uint8Array) {
            const bytes = c instanceof Uint8Array ? c : new Uint8Array(c);
            text.push(latin1.decode(bytes), utf16.decode(bytes));
          }
        }
        for (const needle of needles)
          if (text.some((t) => t.includes(needle))) canaryHits.push(`${name}: ${needle}`);
      }
    }
    db.close();
    return { databases, stores, indexes, rows, badRows, canaryHits };
  }, canaries);
}

test('given canaries in every field of every entity, when the profile is closed, then no file holds any of them and every row is {id, v, c}', async () => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'haven-at-rest-'));
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const controlCanary = `CONTROL${tag}PLAIN`;
  const controlWide = `KONTROLL${tag}Ж字`;
  const foreign: string[] = [];
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL: E2E_ORIGIN,
    });
    context.on('request', (request) => {
      if (!isOwnOrigin(request.url())) foreign.push(request.url());
    });
    await serveHarness(context);
    const page = context.pages()[0] ?? (await context.newPage());

    // Given: canaries written through the real repositories into the app's database.
    await openHarness(page);
    const placed = await page.evaluate(([p, t]) => window.havenHarness.seedCanaries(p, t), [
      E2E_PASSPHRASE,
      tag,
    ] as const);
    const canaries = placed.map((canary) => canary.value);
    const storesWithCanaries = new Set(placed.map((canary) => canary.where.split('.')[0]));
    expect([...storesWithCanaries].sort()).toEqual(
      EXPECTED_STORES.filter((store) => store !== 'audit' && store !== 'meta'),
    );
    expect(canaries.length).toBeGreaterThan(40);

    // The app opens the same vault through the UI, so the rows are real, readable records.
    await page.goto('/');
    await new VaultPage(page).unlock();

    // The positive control: plaintext on purpose, in another database of the same profile.
    await page.evaluate(
      ([narrow, wide]) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('control');
          request.onupgradeneeded = () => request.result.createObjectStore('plain');
          request.onsuccess = () => {
            const tx = request.result.transaction('plain', 'readwrite');
            tx.objectStore('plain').put({ note: narrow, wide }, 'row');
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
      [controlCanary, controlWide] as const,
    );

    // Raw rows and metadata (security.md test 2).
    const raw = await readRaw(page, canaries);
    expect(raw.databases).toEqual(['control', 'haven']);
    expect(raw.stores).toEqual(EXPECTED_STORES);
    expect(raw.indexes).toEqual([]);
    expect(raw.badRows).toEqual([]);
    expect(raw.canaryHits).toEqual([]);
    expect(raw.rows).toBeGreaterThanOrEqual(14);

    await context.close();

    // Then: nothing readable at rest, while the control is found by the very same scan.
    const hits = scan(profile, [...canaries, controlCanary, controlWide]);
    expect(
      hits.filter((hit) => hit.text === controlCanary).length,
      'positive control (one-byte string)',
    ).toBeGreaterThan(0);
    expect(
      hits.filter((hit) => hit.text === controlWide).length,
      'positive control (two-byte string)',
    ).toBeGreaterThan(0);
    expect(hits.filter((hit) => hit.text !== controlCanary && hit.text !== controlWide)).toEqual(
      [],
    );
    expect(foreign).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
