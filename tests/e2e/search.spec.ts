/** The command palette (Ctrl/Cmd+K) and the shortcuts list (?), on the demo vault. */
import { VaultPage } from './pages/Vault';
import { expect, test } from './fixtures/app';

test('given the demo vault, when Ctrl+K is pressed and a code name typed, then Enter opens that case', async ({
  page,
}) => {
  await new VaultPage(page).create(undefined, { demo: true });
  await page.keyboard.press('Control+k');
  const search = page.getByRole('textbox', { name: 'Search and commands' });
  await expect(search).toBeFocused();
  await search.fill('Osprey');
  await expect(page.getByRole('button', { name: /Osprey/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f]{32}/);
});

test('given the palette, when a page command is chosen, then it navigates; "?" lists the shortcuts and Esc closes it', async ({
  page,
}) => {
  await new VaultPage(page).create();
  await page.getByRole('button', { name: 'Search and commands (Ctrl+K)' }).click();
  await page.getByRole('textbox', { name: 'Search and commands' }).fill('settings');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.locator('body').press('Shift+?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Lock the vault/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('given the palette, when "New case" is chosen, then the new-case form opens', async ({
  page,
}) => {
  await new VaultPage(page).create();
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Search and commands' }).fill('new case');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New case' })).toBeVisible();
});
