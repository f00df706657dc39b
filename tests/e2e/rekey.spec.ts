/**
 * Key rotation and passphrase change on disk (security.md test 11), in real Chromium with a
 * persistent profile.
 *
 * 1. Given a vault whose key is rotated and whose passphrase is changed through Settings, when the
 *    browser is closed, then no file of the profile holds an old wrapped key slot or an old
 *    ciphertext (raw, hex or base64), while the current ones ARE found by the same scan (the
 *    positive control: a scan that cannot see slots or ciphertexts would fail here).
 * 2. Given a rotation whose new recovery code is on screen, when the browser process is killed
 *    with SIGKILL, then after a restart the old passphrase and the old recovery code open the
 *    vault with every record, and the new code (never confirmed) is refused.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { openHarness } from './fixtures/harness';
import { killBrowser, launch } from './fixtures/profile';
import { needlesForBytes, scanFor, type Needle } from './fixtures/scan';
import { E2E_PASSPHRASE, VaultPage } from './pages/Vault';

const NEW_PASSPHRASE = 'quartz meadow falcon ember willow canyon';

interface Secrets {
  databases: string[];
  active: string;
  /** base64 of each wrapped data key in the header's slots. */
  slots: string[];
  /** base64 of every row's ciphertext. */
  ciphertexts: string[];
}

/** Reads the active vault database's slots and ciphertexts through raw IndexedDB. */
function readSecrets(page: Page): Promise<Secrets> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const all = <T>(db: IDBDatabase, store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    let active = 'haven';
    if (databases.includes('haven-pointer')) {
      const pointer = await open('haven-pointer');
      active = (await all<{ name: string }>(pointer, 'pointer'))[0]?.name ?? 'haven';
      pointer.close();
    }
    const db = await open(active);
    const slots: string[] = [];
    const ciphertexts: string[] = [];
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    for (const store of [...db.objectStoreNames]) {
      for (const row of await all<Record<string, unknown>>(db, store)) {
        if (store === 'meta') {
          const header = row as { slots: Record<string, { wrapped: string }> };
          for (const slot of Object.values(header.slots)) slots.push(slot.wrapped);
        } else {
          const c = row.c as ArrayBuffer | Uint8Array;
          ciphertexts.push(b64(c instanceof Uint8Array ? c : new Uint8Array(c)));
        }
      }
    }
    db.close();
    return { databases, active, slots, ciphertexts };
  });
}

/** Needles for slots (as stored: base64 text, and the raw bytes) and ciphertexts (raw bytes). */
function needlesOf(label: string, s: Secrets): Needle[] {
  const out: Needle[] = [];
  for (const slot of s.slots) {
    out.push({
      text: `${label} slot ${slot}`,
      forms: [Buffer.from(slot), ...needlesForBytes(Buffer.from(slot, 'base64'))],
    });
  }
  for (const c of s.ciphertexts) {
    // 32 bytes from inside the ciphertext (after the 12-byte nonce): random, so never found by chance.
    const bytes = Buffer.from(c, 'base64').subarray(12, 44);
    out.push({ text: `${label} ciphertext ${c.slice(0, 16)}`, forms: needlesForBytes(bytes) });
  }
  return out;
}

async function settings(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
}

test('given a rotated key and a changed passphrase, when the profile is closed, then no file holds an old key slot or an old ciphertext, while the current ones are found', async () => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'haven-rekey-'));
  const foreign: string[] = [];
  try {
    const { context, page } = await launch(profile, foreign);
    await openHarness(page);
    const tag = randomBytes(4).toString('hex').toUpperCase();
    await page.evaluate(([p, t]) => window.havenHarness.seedVault(p, t), [
      E2E_PASSPHRASE,
      tag,
    ] as const);
    const before = await page.evaluate((p) => window.havenHarness.hashAll(p), E2E_PASSPHRASE);
    expect(before.records).toBeGreaterThan(10);

    const vault = new VaultPage(page);
    await page.goto('/');
    await vault.unlock();
    const first = await readSecrets(page);
    expect(first.active).toBe('haven');
    expect(first.slots).toHaveLength(2);
    expect(first.ciphertexts.length).toBeGreaterThan(10);

    // When: the key is rotated...
    await settings(page);
    await page.getByLabel('Passphrase to confirm').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Rotate encryption key' }).click();
    await vault.keepNewCode();
    await expect(page.getByText('Encryption key rotated.')).toBeVisible();
    const second = await readSecrets(page);
    expect(second.active).not.toBe(first.active);

    // ...and the passphrase changed.
    await page.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await vault.keepNewCode();
    await expect(page.getByText('Passphrase changed.', { exact: false })).toBeVisible();
    const current = await readSecrets(page);
    expect(current.active).not.toBe(second.active);
    expect(current.databases).toEqual([current.active, 'haven-pointer'].sort());
    await vault.lock();

    // Every record is still there, under the new passphrase only.
    await openHarness(page);
    expect(await page.evaluate((p) => window.havenHarness.hashAll(p), NEW_PASSPHRASE)).toEqual(
      before,
    );
    await context.close();

    // Then: nothing old on disk, and the current slots and ciphertexts found by the same scan.
    const old = [...needlesOf('old', first), ...needlesOf('old', second)];
    const now = needlesOf('current', current);
    const hits = scanFor(profile, [...old, ...now]);
    const foundNow = new Set(hits.filter((h) => h.text.startsWith('current')).map((h) => h.text));
    expect(
      now.filter((n) => n.text.includes(' slot ')).every((n) => foundNow.has(n.text)),
      'positive control: every current slot is found on disk',
    ).toBe(true);
    expect(
      foundNow.size,
      'positive control: the current ciphertexts are found on disk',
    ).toBeGreaterThan(now.length / 2);
    expect(hits.filter((h) => h.text.startsWith('old'))).toEqual([]);
    expect(foreign).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('given a rotation whose new code is on screen, when the browser is killed with SIGKILL and opened again, then the old passphrase and the old recovery code open every record', async () => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'haven-kill-'));
  const foreign: string[] = [];
  try {
    const first = await launch(profile, foreign);
    let page = first.page;
    await openHarness(page);
    const tag = randomBytes(4).toString('hex').toUpperCase();
    const { recoveryCode } = await page.evaluate(([p, t]) => window.havenHarness.seedVault(p, t), [
      E2E_PASSPHRASE,
      tag,
    ] as const);
    const before = await page.evaluate((p) => window.havenHarness.hashAll(p), E2E_PASSPHRASE);

    const vault = new VaultPage(page);
    await page.goto('/');
    await vault.unlock();
    await settings(page);
    await page.getByLabel('Passphrase to confirm').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Rotate encryption key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New recovery code' });
    await expect(dialog).toBeVisible({ timeout: 60_000 });
    const shown = (await dialog.getByTestId('recovery-code').textContent())?.trim() ?? '';
    expect((await readSecrets(page)).databases).toHaveLength(3); // haven, the fresh copy, the pointer

    // When: the browser process is killed, with no chance to clean up.
    await killBrowser(profile, first.context);

    // Then: the app opens with the old passphrase, every record there.
    const second = await launch(profile, foreign);
    page = second.page;
    await page.goto('/');
    await new VaultPage(page).unlock(E2E_PASSPHRASE);
    const after = await readSecrets(page);
    expect(after.active).toBe('haven');
    expect(after.databases).toEqual(['haven', 'haven-pointer']);
    await new VaultPage(page).lock();
    await openHarness(page);
    expect(await page.evaluate((p) => window.havenHarness.hashAll(p), E2E_PASSPHRASE)).toEqual(
      before,
    );
    // The old recovery code still works; the never-confirmed new one does not.
    expect(
      await page.evaluate(([c, p]) => window.havenHarness.tryRecoveryCode(c, p), [
        shown,
        NEW_PASSPHRASE,
      ] as const),
    ).toBe('WrongSecretError');
    expect(
      await page.evaluate(([c, p]) => window.havenHarness.tryRecoveryCode(c, p), [
        recoveryCode,
        NEW_PASSPHRASE,
      ] as const),
    ).toBe('unlocked');
    expect(await page.evaluate((p) => window.havenHarness.hashAll(p), NEW_PASSPHRASE)).toEqual(
      before,
    );
    await second.context.close();
    expect(foreign).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
