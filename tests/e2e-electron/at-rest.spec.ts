/**
 * The at-rest scan of the Electron shell's user-data folder (security.md test 1): canaries typed
 * into every kind of text control (an input and a textarea, in a dialog and on a tab) and saved,
 * then the app closed and every file under its user-data folder scanned (UTF-8, UTF-16LE, hex,
 * base64). Positive control: a canary written on purpose in plaintext to a control database of
 * the same renderer IS found by the same scan. Skipped, with the reason, where no Electron binary
 * exists (see electron-binary.ts); never faked.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import { scan } from '../e2e/fixtures/scan';
import { E2E_PASSPHRASE } from '../e2e/pages/Vault';
import { findElectronBinary, projectRoot } from './electron-binary';

const binary = findElectronBinary();

test('given canaries typed into every kind of text control in Electron, when the app is closed, then no file of its user-data folder holds any of them', async () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);
  if (!binary.found) return;
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'haven-electron-at-rest-'));
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const typed = [`ELDLGIN${tag}`, `ELTABIN${tag}`, `ELTABAREA${tag}`, `ELDLGAREA${tag}`];
  const control = `ELCONTROL${tag}PLAIN`;
  try {
    const { HAVEN_DEV: _ignored, ...env } = process.env;
    const app = await _electron.launch({
      executablePath: binary.path,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
      env: { ...env, XDG_CONFIG_HOME: profile },
    });
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Create vault' }).click();
    const code = page.getByTestId('recovery-code');
    await expect(code).toBeVisible({ timeout: 60_000 });
    const text = (await code.textContent())?.trim() ?? '';
    await page
      .getByLabel('Type the last group of the code to show you kept it')
      .fill(text.split('-').at(-1) ?? '');
    await page.getByRole('button', { name: 'I have kept it: open the vault' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Cases', exact: true }).click();

    // An input in a dialog, an input and a textarea on a tab, a textarea in a dialog.
    await page
      .getByRole('button', { name: /New case/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Code name').fill(typed[0]!);
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('tab', { name: /^Overview/ }).click();
    const overview = page.getByRole('form', { name: 'Case details' });
    await overview.getByLabel('Funder').fill(typed[1]!);
    await overview.getByLabel('Threat summary').fill(typed[2]!);
    await overview.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Change status' }).first().click();
    await page.getByRole('menuitem', { name: /Move to Cancelled/ }).click();
    const transition = page.getByRole('dialog', { name: /Move the case to Cancelled/ });
    await transition.getByLabel('Reason').fill(typed[3]!);
    await transition.getByRole('button', { name: 'Move to Cancelled' }).click();
    await expect(transition).toBeHidden();

    // The positive control, in plaintext on purpose, in the same renderer's storage.
    await page.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('control');
          request.onupgradeneeded = () => request.result.createObjectStore('plain');
          request.onsuccess = () => {
            const tx = request.result.transaction('plain', 'readwrite');
            tx.objectStore('plain').put({ note: value }, 'row');
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          request.onerror = () => reject(request.error);
        }),
      control,
    );
    await app.close();

    const hits = scan(profile, [...typed, control]);
    expect(
      hits.some((hit) => hit.text === control),
      'positive control',
    ).toBe(true);
    expect(hits.filter((hit) => hit.text !== control)).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
});
