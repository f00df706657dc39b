/**
 * The vault through the UI in real Chromium IndexedDB: wrong passphrase, recovery code, lock by
 * button and shortcut, and auto-lock after idle time (Playwright's clock fast-forwards the idle
 * time; nothing else is faked).
 */
import { AppFramePage } from './pages/AppFrame';
import { E2E_PASSPHRASE, VaultPage } from './pages/Vault';
import { expect, test } from './fixtures/app';

const NEW_PASSPHRASE = 'copper willow tundra lagoon pepper saddle';

test.describe('the vault', () => {
  test('given a locked vault, when a wrong passphrase is typed, then it stays locked with a clear message; the right one opens it', async ({
    page,
  }) => {
    const vault = new VaultPage(page);
    await vault.create();
    await vault.lock();

    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('That passphrase does not open this vault.')).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);

    await vault.unlock();
    await expect(new AppFramePage(page).heading('Dashboard')).toBeVisible();
  });

  test('given a forgotten passphrase, when the recovery code and a new passphrase are given, then the vault opens and the old passphrase no longer works', async ({
    page,
  }) => {
    const vault = new VaultPage(page);
    const code = await vault.create();
    await vault.lock();

    await page.getByRole('button', { name: 'Use recovery code' }).click();
    await page.getByLabel('Recovery code').fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({
      timeout: 30_000,
    });

    await vault.lock();
    await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('That passphrase does not open this vault.')).toBeVisible({
      timeout: 20_000,
    });
    await vault.unlock(NEW_PASSPHRASE);
  });

  test('given a mistyped recovery code, when submitted, then the typo is caught at the field before any work', async ({
    page,
  }) => {
    const vault = new VaultPage(page);
    const code = await vault.create();
    await vault.lock();
    await page.getByRole('button', { name: 'Use recovery code' }).click();
    const typo = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
    await page.getByLabel('Recovery code').fill(typo);
    await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
    await expect(page.getByText('That is not a valid recovery code')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  });

  test('given an open vault, when Ctrl+L is pressed, then it locks and the app is gone from the page', async ({
    page,
  }) => {
    await new VaultPage(page).create();
    await page.keyboard.press('Control+l');
    await expect(page.getByRole('heading', { name: 'Unlock Haven' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  });

  test('given an auto-lock of 1 minute, when the coordinator is idle for it, then the vault locks by itself; activity postpones it', async ({
    page,
  }) => {
    await page.clock.install();
    const vault = new VaultPage(page);
    await vault.create();
    await page.goto('/#/settings');
    const minutes = page.getByLabel('Auto-lock after');
    await minutes.fill('1');
    await minutes.press('Enter');
    await expect(page.getByText('Auto-lock set to 1 minutes.')).toBeVisible();
    await expect(page.getByTestId('vault-status')).toHaveText('Unlocked · locks in 1:00');

    await page.clock.runFor(40_000);
    await page.mouse.move(200, 200);
    await page.mouse.move(220, 240);
    await page.clock.runFor(40_000);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

    await page.clock.runFor(25_000);
    await expect(page.getByRole('heading', { name: 'Unlock Haven' })).toBeVisible();
    await expect(
      page.getByText('Haven locked. Decrypted data was cleared from memory.'),
    ).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  });
});

test('given an auto-lock of 1 minute and a dialog with unsaved changes, the lock is announced before it happens and "Stay unlocked" keeps the vault open', async ({
  page,
}) => {
  await page.clock.install();
  await new VaultPage(page).create();
  await page.goto('/#/settings');
  const minutes = page.getByLabel('Auto-lock after');
  await minutes.fill('1');
  await minutes.press('Enter');
  await expect(page.getByText('Auto-lock set to 1 minutes.')).toBeVisible();
  await page.goto('/#/cases');
  await page
    .getByRole('button', { name: /New case/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Code name').fill('Cedar');

  const warning = page.getByRole('alert').filter({ hasText: /Haven locks in 0:\d\d/ });
  await expect(warning).toHaveCount(0);
  await page.clock.runFor(35_000);
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('changes that are not saved are lost');
  await page.screenshot({ path: test.info().outputPath('idle-warning-over-dialog.png') });
  await warning.getByRole('button', { name: 'Stay unlocked' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('vault-status')).toHaveText('Unlocked · locks in 1:00');
  await page.clock.runFor(40_000);
  await expect(dialog.getByLabel('Code name')).toHaveValue('Cedar');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('given first run, when "Try a demo vault" is chosen, then the vault opens with sample cases and is clearly marked as a demo', async ({
  page,
}) => {
  await new VaultPage(page).create(undefined, { demo: true });
  await expect(
    page.getByText('Demo vault: sample data for training. Nothing here is a real case.'),
  ).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Cases (2 reviews overdue)' })).toContainText('2');
  await page.goto('/#/cases');
  for (const codeName of ['Heron', 'Osprey', 'Plover', 'Marten', 'Ibis', 'Wren']) {
    await expect(page.getByText(codeName, { exact: true }).first()).toBeVisible();
  }
});

test('given Settings, when the passphrase is changed and the key rotated, then only the new passphrase and the new recovery code open the vault', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  const oldCode = await vault.create();
  await page.goto('/#/settings');

  await page.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  const changedCode = await vault.keepNewCode();
  expect(changedCode).not.toBe(oldCode);
  await expect(
    page.getByText(
      'Passphrase changed. Use the new passphrase and the new recovery code from now on.',
    ),
  ).toBeVisible({ timeout: 30_000 });

  await page.getByLabel('Passphrase to confirm').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Rotate encryption key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New recovery code' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const newCode = (await dialog.getByTestId('recovery-code').textContent())?.trim() ?? '';
  expect(newCode).not.toBe(oldCode);
  expect(newCode).not.toBe(changedCode);
  await page.keyboard.press('Escape');
  await expect(dialog, 'the new code cannot be dismissed without the kept-it check').toBeVisible();
  await dialog
    .getByLabel('Type the last group of the code to show you kept it')
    .fill(newCode.split('-').at(-1) ?? '');
  await dialog.getByRole('button', { name: 'I have kept the new code' }).click();
  await expect(dialog).toBeHidden();

  await vault.lock();
  await page.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That passphrase does not open this vault.')).toBeVisible({
    timeout: 20_000,
  });

  await page.getByRole('button', { name: 'Use recovery code' }).click();
  await page.getByLabel('Recovery code').fill(oldCode);
  await page.getByLabel('New passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByLabel('Confirm new passphrase').fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByText('That recovery code does not open this vault.')).toBeVisible({
    timeout: 20_000,
  });

  await page.getByLabel('Recovery code').fill(newCode);
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({
    timeout: 30_000,
  });
});
