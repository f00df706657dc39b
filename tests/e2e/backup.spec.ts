/**
 * Backup and restore through the UI, across two browser profiles: the records restored into a new
 * vault hash the same as the originals (canonical JSON, SHA-256). A wrong passphrase and a
 * truncated file are refused before anything is written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { openHarness, serveHarness } from './fixtures/harness';
import { E2E_PASSPHRASE, VaultPage } from './pages/Vault';

const BACKUP_PASSPHRASE = 'granite puffin saffron ladder orchid comet';

async function chooseBackup(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose backup file' }).click();
  await (await chooser).setFiles(file);
}

test('given a vault with records, when it is backed up and restored into a new vault, then every record is identical', async ({
  browser,
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'haven-backup-'));
  try {
    // Given: a vault with one record of every kind, written through the repositories.
    await serveHarness(context);
    await openHarness(page);
    // References kept consistent: a restore checks that a stay's case, host and people exist.
    await page.evaluate(([p]) => window.havenHarness.seedCanaries(p, 'BACKUP', true), [
      E2E_PASSPHRASE,
    ] as const);
    const original = await page.evaluate(([p]) => window.havenHarness.hashAll(p), [
      E2E_PASSPHRASE,
    ] as const);
    expect(original.records).toBeGreaterThanOrEqual(12);

    // When: backed up through Settings.
    await page.goto('/');
    await new VaultPage(page).unlock();
    await page.goto('/#/settings');
    await page.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
    await page.getByLabel('Confirm backup passphrase').fill(BACKUP_PASSPHRASE);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^haven-backup-\d{4}-\d{2}-\d{2}\.age$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');

    // ... and restored in another profile, into a new vault.
    const other = await browser.newContext();
    await serveHarness(other);
    const second = await other.newPage();
    await new VaultPage(second).create();
    await second.goto('/#/settings');

    // A truncated file and a wrong passphrase are refused first, changing nothing.
    const truncated = join(dir, 'truncated.age');
    const bytes = readFileSync(file);
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 40));
    await chooseBackup(second, truncated);
    await second.getByLabel('Passphrase of this backup').fill(BACKUP_PASSPHRASE);
    await second.getByRole('button', { name: 'Check backup' }).click();
    await expect(second.getByRole('alert')).toContainText('Nothing was restored');

    await chooseBackup(second, file);
    await second.getByLabel('Passphrase of this backup').fill('wrong passphrase for this backup');
    await second.getByRole('button', { name: 'Check backup' }).click();
    await expect(second.getByRole('alert')).toContainText('Nothing was restored');

    await chooseBackup(second, file);
    await second.getByLabel('Passphrase of this backup').fill(BACKUP_PASSPHRASE);
    await second.getByRole('button', { name: 'Check backup' }).click();
    const summary = second.getByRole('region', { name: 'What this backup holds' });
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(summary.getByRole('row', { name: /Cases 1/ })).toBeVisible();
    await expect(summary.getByLabel('Restore into this new, empty vault')).toBeChecked();
    await summary.getByRole('button', { name: /^Restore \d+ records$/ }).click();
    await expect(second.getByText(/Restored: \d+ records written/)).toBeVisible();

    // Then: the restored records are the same, byte for byte in canonical form.
    await second.getByRole('button', { name: 'Lock', exact: true }).click();
    await openHarness(second);
    const restored = await second.evaluate(([p]) => window.havenHarness.hashAll(p), [
      E2E_PASSPHRASE,
    ] as const);
    expect(restored).toEqual(original);
    await other.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
