/**
 * Languages end to end: with the system in Russian, every screen and dialog (tests/e2e/fixtures/
 * screens.ts) shows no English beyond data, proper nouns and codes, before and after unlock; the
 * language set in Settings wins after unlock and the unlock screen follows the system again once
 * locked. The right-to-left test language ar-XB lays the app frame out mirrored.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { englishLeft } from './fixtures/english';
import {
  DIALOGS,
  SCREENS,
  closeDialog,
  createDemoVault,
  openScreen,
  screenNamed,
  translator,
} from './fixtures/screens';
import { E2E_PASSPHRASE } from './pages/Vault';

const ru = translator('ru');
const en = translator('en');
const SHOTS = 'test-results/i18n';

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  expect.soft(await englishLeft(page), `English words left on ${where}`).toEqual([]);
}

test.describe('Russian', () => {
  test.use({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', actionTimeout: 10_000 });

  test('given a Russian system, when every screen and dialog is opened, then no English is left; the Settings language then wins until the vault locks', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: ru('vault.firstRun.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expectNoEnglish(page, 'the first-run screen');
    await page.getByRole('button', { name: ru('vault.firstRun.demo') }).click();
    await expectNoEnglish(page, 'the create-vault screen');

    const ids = await createDemoVault(page, ru, E2E_PASSPHRASE);
    for (const screen of SCREENS) {
      await openScreen(page, screen, ids);
      await expectNoEnglish(page, screen.name);
      if (['cases', 'case travel', 'case plan checks', 'host', 'settings'].includes(screen.name))
        await page.screenshot({
          path: `${SHOTS}/ru-${screen.name.replace(/ /g, '-')}.png`,
          fullPage: true,
        });
    }
    for (const opener of DIALOGS) {
      await openScreen(page, screenNamed(opener.screen), ids);
      const opened = await opener.open(page, ru);
      await expect(opened).toBeVisible();
      await page.waitForTimeout(200);
      await expectNoEnglish(page, `the ${opener.name} dialog`);
      if (['travel leg', 'person', 'change status'].includes(opener.name))
        await page.screenshot({ path: `${SHOTS}/ru-dialog-${opener.name.replace(/ /g, '-')}.png` });
      await closeDialog(page, opened);
    }

    // The setting: English after unlock, while the unlock screen follows the (Russian) system.
    await openScreen(page, screenNamed('settings'), ids);
    await page.getByRole('combobox', { name: ru('settings.language.label') }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: en('settings.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: en('vault.status.lock'), exact: true }).click();
    await expect(page.getByRole('heading', { name: ru('vault.unlock.title') })).toBeVisible();
    await expectNoEnglish(page, 'the unlock screen');
    await page.getByLabel(ru('vault.unlock.passphrase'), { exact: true }).fill(E2E_PASSPHRASE);
    await page.getByRole('button', { name: ru('vault.unlock.submit') }).click();
    await expect(page.getByRole('navigation', { name: en('app.mainNavigation') })).toBeVisible({
      timeout: 60_000,
    });
  });
});

test.describe('right to left', () => {
  test.use({ locale: 'ar-XB' });

  test('given the RTL test language, when the app frame shows, then the document is rtl and the navigation sits on the right of the content', async ({
    page,
  }) => {
    await createDemoVault(page, en, E2E_PASSPHRASE);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await openScreen(page, screenNamed('cases'), { caseId: '', hostId: '' });
    const vp = page.viewportSize();
    const nav = await page
      .getByRole('navigation', { name: en('app.mainNavigation') })
      .boundingBox();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(nav && heading && vp, 'navigation and heading are rendered').toBeTruthy();
    if (!nav || !heading || !vp) return;
    // The navigation is against the right edge, and the page's heading starts right next to it.
    expect(nav.x + nav.width).toBeGreaterThan(vp.width - 4);
    expect(heading.x + heading.width).toBeLessThanOrEqual(nav.x);
    expect(heading.x + heading.width).toBeGreaterThan(nav.x - 60);
    expect(
      await page.locator('#main-content').evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');
    await page.screenshot({ path: `${SHOTS}/rtl-cases.png` });
  });
});
