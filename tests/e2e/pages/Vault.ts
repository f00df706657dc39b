/** Page object for the vault screens: create, recovery code, unlock, recover, lock. */
import { expect, type Page } from '@playwright/test';

/** Strong enough for the meter (about six random words); used by every e2e test that needs a vault. */
export const E2E_PASSPHRASE = 'lantern orbit cactus meadow violin harbor';

export class VaultPage {
  constructor(readonly page: Page) {}

  /** From a fresh profile: Create vault → passphrase → keep the recovery code → the app. Returns the recovery code. */
  async create(passphrase = E2E_PASSPHRASE, { demo = false } = {}): Promise<string> {
    const { page } = this;
    await page.goto('/');
    await page.getByRole('button', { name: demo ? 'Try a demo vault' : 'Create vault' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Confirm passphrase').fill(passphrase);
    await page.getByRole('button', { name: demo ? 'Create demo vault' : 'Create vault' }).click();
    const codeBox = page.getByTestId('recovery-code');
    await expect(codeBox).toBeVisible({ timeout: 30_000 });
    const code = (await codeBox.textContent())?.trim() ?? '';
    await page
      .getByLabel('Type the last group of the code to show you kept it')
      .fill(code.split('-').at(-1) ?? '');
    await page.getByRole('button', { name: 'I have kept it: open the vault' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    return code;
  }

  async unlock(passphrase = E2E_PASSPHRASE): Promise<void> {
    const { page } = this;
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({
      timeout: 30_000,
    });
  }

  /** The "New recovery code" dialog after a re-key: reads the code, passes the kept-it check, waits for it to close. */
  async keepNewCode(): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: 'New recovery code' });
    await expect(dialog).toBeVisible({ timeout: 60_000 });
    const code = (await dialog.getByTestId('recovery-code').textContent())?.trim() ?? '';
    await dialog
      .getByLabel('Type the last group of the code to show you kept it')
      .fill(code.split('-').at(-1) ?? '');
    await dialog.getByRole('button', { name: 'I have kept the new code' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    return code;
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Unlock Haven' })).toBeVisible();
  }
}
