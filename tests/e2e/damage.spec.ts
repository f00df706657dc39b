/**
 * Damaged data is seen, not hidden (issue 9), in real Chromium IndexedDB: a case row damaged on
 * disk (one byte flipped through raw IndexedDB, no app code) is named after unlock in a notice at
 * the top of the app, with the count and kind; keeping it quarantined lets the coordinator work
 * on, and deleting it (after a confirmation naming what is lost) removes the row from disk.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { CasesPage } from './pages/Cases';
import { VaultPage } from './pages/Vault';

/** Flips one byte in the ciphertext of every cases row but the first `keep` (raw IndexedDB). */
function damageCases(page: Page, keep: number): Promise<string[]> {
  return page.evaluate(
    (keep_) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('haven');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('cases', 'readwrite');
          const store = tx.objectStore('cases');
          const all = store.getAll();
          const damaged: string[] = [];
          all.onsuccess = () => {
            for (const row of (all.result as { id: string; v: number; c: Uint8Array }[]).slice(
              keep_,
            )) {
              const c = new Uint8Array(row.c);
              c[20] = (c[20] ?? 0) ^ 0x01;
              store.put({ ...row, c });
              damaged.push(row.id);
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(damaged);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    keep,
  );
}

function rawCaseIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('haven');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('cases', 'readonly').objectStore('cases').getAllKeys();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as string[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

test('given a case row damaged on disk, when the vault is unlocked, then a notice names 1 damaged case, keeping it lets work go on, and deleting it removes the row', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vaultPage = new VaultPage(page);
  await vaultPage.create();
  const cases = new CasesPage(page);
  await cases.open();
  await cases.create({ codeName: 'Heron' });
  await cases.open();
  await cases.create({ codeName: 'Osprey' });

  // Given: one of the two case rows damaged on disk while Haven is closed.
  await page.goto('about:blank');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Unlock Haven' })).toBeVisible();
  const damaged = await damageCases(page, 1);
  expect(damaged).toHaveLength(1);
  await page.reload();

  // When: unlocked.
  await vaultPage.unlock();

  // Then: the notice says how many records of which kind, and blocks nothing else.
  const notice = page.getByRole('alert').filter({ hasText: 'changed outside Haven' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('1 record in Cases fails its integrity check');
  await page.screenshot({ path: test.info().outputPath('damage-banner.png'), fullPage: true });
  await cases.open();
  await expect(cases.table().getByRole('row')).toHaveCount(2); // header + the intact case

  // Keeping it quarantined turns the alert into a status; the rest of the vault works.
  await notice.getByRole('button', { name: 'Keep them quarantined and continue' }).click();
  const kept = page.getByRole('status').filter({ hasText: 'kept quarantined' });
  await expect(kept).toBeVisible();
  await expect(notice).toBeHidden();
  await cases.create({ codeName: 'Plover' });

  // Backups now ask what to do with it.
  await page.goto('/#/settings');
  await expect(page.getByRole('radiogroup', { name: /Damaged records/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('damage-backup.png'), fullPage: true });

  // Deleting asks first, naming what is lost, then removes the row from disk.
  await kept.getByRole('button', { name: 'Delete damaged records…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete damaged records for good?' });
  await expect(dialog).toContainText('Cases: 1');
  await page.screenshot({ path: test.info().outputPath('damage-confirm.png') });
  await dialog.getByRole('button', { name: 'Delete 1 record for good' }).click();
  await expect(dialog).toBeHidden();
  await expect(kept).toBeHidden();
  expect(await rawCaseIds(page)).not.toContain(damaged[0]);

  // And after a reload the vault is clean.
  await page.reload();
  await vaultPage.unlock();
  await expect(page.getByText('kept quarantined')).toHaveCount(0);
  await expect(page.getByText('changed outside Haven')).toHaveCount(0);
});
