/**
 * Dialogs and the lock screen by keyboard, in real Chromium (issue 10): Enter in a text field
 * saves, Escape on a changed dialog asks the unsaved-changes question, the close button has a
 * name, focus lands on something meaningful after saving and after unlock (never the page
 * body), and notifications never cover a dialog's Save button.
 */
import { expect, test } from './fixtures/app';
import { AppFramePage } from './pages/AppFrame';
import { CasePage } from './pages/Case';
import { CasesPage } from './pages/Cases';
import { VaultPage } from './pages/Vault';

test('a record dialog by keyboard: named close button, Escape asks, Enter saves, focus returns to the opener', async ({
  page,
}) => {
  await new VaultPage(page).create();
  const cases = new CasesPage(page);
  await cases.open();
  await cases.create({ codeName: 'Cedar', plannedStart: '2027-01-10', plannedEnd: '2027-04-10' });
  const c = new CasePage(page);

  const add = page.getByRole('button', { name: 'Add the principal' });
  await add.click();
  const d = c.dialog('Add a person');
  await expect(d.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
  const name = d.getByLabel('Code name');
  await name.fill('Cedar');

  // Escape on a changed dialog asks first; "Keep editing" keeps what was typed.
  await name.press('Escape');
  const question = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toBeHidden();
  await expect(name).toHaveValue('Cedar');

  // From a select too (its first Escape only closes an open list), and the question stays up.
  const documentType = d.getByRole('combobox', { name: 'Document type' });
  await documentType.focus();
  await documentType.press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toBeHidden();
  await d.getByLabel('Date of birth').press('Escape');
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toBeHidden();
  await expect(name).toHaveValue('Cedar');

  // Enter in a text field saves; focus goes back to the control that opened the dialog.
  await name.press('Enter');
  await expect(d).toBeHidden();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Add a dependant' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('after-save-focus.png') });
});

test('after unlock, focus is on the landing page heading, not the page body', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.create();
  await vault.lock();
  await vault.unlock();
  await expect(new AppFramePage(page).heading('Dashboard')).toBeFocused();
});
