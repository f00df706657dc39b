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
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_ORIGIN } from '../../playwright.config';
import { expect, isOwnOrigin, test } from './fixtures/app';
import { openHarness, serveHarness } from './fixtures/harness';
import { scan } from './fixtures/scan';
import { CasesPage } from './pages/Cases';
import { CasePage } from './pages/Case';
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

/** Text controls on the page that the browser may autofill or save in its session files. */
function controlsThatKeepText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
      .filter((el) => !el.dataset.sessionControl)
      // Mantine's autosize measuring textarea: hidden, and left holding "x" after each measure.
      .filter((el) => el.getAttribute('aria-label') !== 'autosize measurement')
      .filter((el) => !['hidden', 'password', 'checkbox', 'radio', 'file'].includes(el.type))
      .filter((el) => el.autocomplete !== 'off' || el.form?.autocomplete === 'on')
      .filter((el) => el.getAttribute('autocomplete') !== 'off')
      .map((el) => `${el.tagName.toLowerCase()} "${el.labels?.[0]?.textContent ?? el.name}"`),
  );
}

/**
 * A positive control for the session files: a plain textarea (no autocomplete="off"), added to
 * the page by the test, holding `text`. Chromium saves its state in Sessions/ like any form field.
 */
async function addSessionControl(page: Page, text: string): Promise<void> {
  await page.evaluate((label) => {
    const el = document.createElement('textarea');
    el.dataset.sessionControl = 'yes';
    el.setAttribute('aria-label', label);
    document.body.append(el);
  }, `Session control ${text}`);
  await page.getByLabel(`Session control ${text}`).fill(text);
}

/** Waits until Chromium has written `text` into the profile's session files (they are written lazily). */
async function waitForSessionFiles(profile: string, text: string): Promise<void> {
  const sessions = join(profile, 'Default', 'Sessions');
  await expect
    .poll(() => (existsSync(sessions) ? scan(sessions, [text]).length : 0), {
      message: 'Chromium writes the session files',
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
}

test('given canaries in every field of every entity and typed into every kind of text control, when the profile is closed, then no file (session files included) holds any of them and every row is {id, v, c}', async () => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'haven-at-rest-'));
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const controlCanary = `CONTROL${tag}PLAIN`;
  const controlWide = `KONTROLL${tag}Ж字`;
  const foreign: string[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
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

    // Canaries typed into every kind of text control, left unsaved: an input and a textarea in a
    // dialog and on a tab. Chromium would keep their text in the session-restore files.
    const typed = {
      dialogInput: `DLGINPUT${tag}`,
      tabInput: `TABINPUT${tag}`,
      tabTextarea: `TABAREA${tag}`,
      dialogTextarea: `DLGAREA${tag}`,
    };
    const sessionControls = [`SESSIONCTL${tag}ONE`, `SESSIONCTL${tag}TWO`];
    const cases = new CasesPage(page);
    await cases.open();
    await page
      .getByRole('button', { name: /New case/ })
      .first()
      .click();
    await cases.newCaseDialog().getByLabel('Code name').fill(typed.dialogInput);
    expect(await controlsThatKeepText(page)).toEqual([]);
    await addSessionControl(page, sessionControls[0]!);
    await waitForSessionFiles(profile, sessionControls[0]!);
    await cases.newCaseDialog().getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: typed.dialogInput })).toBeVisible();

    const kase = new CasePage(page);
    await kase.openTab('Overview');
    const overview = page.getByRole('form', { name: 'Case details' });
    await overview.getByLabel('Threat summary').fill(typed.tabTextarea);
    await overview.getByLabel('Funder').fill(typed.tabInput);
    await page.getByRole('button', { name: 'Change status' }).first().click();
    await page.getByRole('menuitem', { name: /Move to Cancelled/ }).click();
    const transition = page.getByRole('dialog', { name: /Move the case to Cancelled/ });
    await transition.getByLabel('Reason').fill(typed.dialogTextarea);
    expect(await controlsThatKeepText(page)).toEqual([]);
    await addSessionControl(page, sessionControls[1]!);
    await waitForSessionFiles(profile, sessionControls[1]!);
    await transition.getByRole('button', { name: 'Cancel', exact: true }).click();
    canaries.push(...Object.values(typed));

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
    const hits = scan(profile, [...canaries, controlCanary, controlWide, ...sessionControls]);
    for (const text of sessionControls) {
      expect(
        hits.some((hit) => hit.text === text && hit.file.includes('/Sessions/')),
        'positive control: text in a plain textarea is found in the session files',
      ).toBe(true);
    }
    expect(
      hits.filter((hit) => hit.text === controlCanary).length,
      'positive control (one-byte string)',
    ).toBeGreaterThan(0);
    expect(
      hits.filter((hit) => hit.text === controlWide).length,
      'positive control (two-byte string)',
    ).toBeGreaterThan(0);
    const controls = new Set([controlCanary, controlWide, ...sessionControls]);
    expect(hits.filter((hit) => !controls.has(hit.text))).toEqual([]);
    expect(foreign).toEqual([]);
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
});
