/**
 * No network (issue 15): a run through every screen of a demo vault (the first-run choice, every
 * page, each tab of a case, a host, the record dialogs with the place picker and its on-demand
 * gazetteer, lock, the unlock and recovery screens) makes no request outside the app's origin.
 * The egress fixture (fixtures/app.ts) fails the test on any such request; this test also checks
 * that requests were seen at all and that the code-split chunks were among them.
 */
import { AppFramePage, NAV_ITEMS } from './pages/AppFrame';
import { search } from './pages/Cases';
import { VaultPage } from './pages/Vault';
import { expect, test } from './fixtures/app';

const TABS = ['Overview', 'People', 'Travel', 'Stays', 'Checkpoints', 'Plan checks', 'History'];

test('given a demo vault, when every screen and dialog is visited, then nothing leaves the app origin', async ({
  page,
  egress,
}) => {
  test.setTimeout(180_000);
  const frame = new AppFramePage(page);
  const vault = new VaultPage(page);
  await vault.create(undefined, { demo: true });
  const go = (item: (typeof NAV_ITEMS)[number]) =>
    page.evaluate((h) => (location.hash = h), `#/${item.toLowerCase()}`);
  for (const item of NAV_ITEMS) {
    await go(item);
    await expect(frame.heading(item)).toBeVisible();
  }

  await go('Cases');
  await page.getByRole('table', { name: 'Cases' }).getByRole('link').first().click();
  for (const name of TABS) {
    const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
  await page.getByRole('tab', { name: /^Travel/ }).click();
  await page.getByRole('button', { name: 'Add a leg' }).click();
  const leg = page.getByRole('dialog');
  await search(leg, page, 'From', 'Tbilisi', /Tbilisi, Georgia/);
  await leg.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Leave and lose changes' }).click();

  await go('Hosts');
  await page.getByRole('table', { name: 'Host locations' }).getByRole('link').first().click();

  await vault.lock();
  await page
    .getByRole('button', { name: /recovery code/i })
    .first()
    .click();
  await page.getByRole('button', { name: /back/i }).first().click();
  await vault.unlock();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

  const all = egress.all();
  expect(all.some((u) => /\/assets\/gazetteer-[^/]+\.js$/.test(u))).toBe(true);
  expect(all.some((u) => /\/assets\/OpenApp-[^/]+\.js$/.test(u))).toBe(true);
  expect(egress.foreign()).toEqual([]);
});
