#!/usr/bin/env node
/**
 * Screenshots of the planning screens for review (not a test): node bench/ui/screens.mjs [outDir]
 * Builds the app and the seeding module, creates a vault, seeds a few demo cases, and captures the
 * cases list, each case tab and the hosts page as PNG files (default /tmp/haven-shots).
 */
import { mkdirSync } from 'node:fs';
import { build, createVault, openBrowser, seed, startServer, unlock } from './harness.mjs';

const out = process.argv[2] ?? '/tmp/haven-shots';
mkdirSync(out, { recursive: true });
if (!process.env.SKIP_BUILD) build();
const server = await startServer(4191);
const { browser, page } = await openBrowser(server.origin);
try {
  await createVault(page);
  await page.goto('/#/cases');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/cases-empty.png` });
  await seed(page, 'seedDemo');
  await page.reload();
  await unlock(page);
  await page.goto('/#/cases');
  await page.getByRole('table', { name: 'Cases' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/cases.png` });
  const first = page
    .getByRole('table', { name: 'Cases' })
    .getByRole('link', { name: 'Cedar', exact: true });
  const href = await first.getAttribute('href');
  for (const tab of [
    'overview',
    'people',
    'travel',
    'stays',
    'checkpoints',
    'plan-checks',
    'history',
  ]) {
    await page.goto(`/${href}/${tab}`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/case-${tab}.png`, fullPage: true });
  }
  await page.goto('/#/hosts');
  await page.waitForTimeout(300);
  await page
    .getByRole('table', { name: 'Host locations' })
    .getByRole('link', { name: 'Harbour House' })
    .click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/hosts.png`, fullPage: true });
  await page.goto(`/${href}/people`);
  await page.getByRole('button', { name: 'Edit Cedar' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/dialog-person.png` });
  await page.keyboard.press('Escape');
  await page.goto(`/${href}/travel`);
  await page.getByRole('button', { name: 'Add a leg' }).click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/dialog-leg.png` });
  await page.keyboard.press('Escape');
  await page.goto(`/${href}/stays`);
  await page.waitForTimeout(200);
  await page.getByRole('button', { name: 'Change status' }).first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/menu-status.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const tab of ['travel', 'people']) {
    await page.goto(`/${href}/${tab}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/dark-case-${tab}.png` });
  }
  await page.goto('/#/hosts');
  await page
    .getByRole('table', { name: 'Host locations' })
    .getByRole('link', { name: 'Harbour House' })
    .click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/dark-hosts.png` });
  await page.goto('/#/cases');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/dark-cases.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/#/dashboard');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/dashboard.png`, fullPage: true });
  // The dashboard of a vault at scale: every list is cut, with the rest counted.
  await seed(page, 'seedCases', 5000);
  await page.reload();
  await unlock(page);
  await page.goto('/#/dashboard');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${out}/dashboard-5000.png`, fullPage: true });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  server.stop();
}
