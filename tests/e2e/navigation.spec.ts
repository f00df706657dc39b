import { AppFramePage, NAV_ITEMS } from './pages/AppFrame';
import { VaultPage } from './pages/Vault';
import { expect, test } from './fixtures/app';

test.describe('the app frame', () => {
  test('given an open vault, when every navigation item is followed by keyboard, then each page shows its heading and nothing leaves the origin', async ({
    page,
    egress,
  }) => {
    const frame = new AppFramePage(page);
    await new VaultPage(page).create();
    await expect(frame.heading('Dashboard')).toBeVisible();

    for (const item of NAV_ITEMS) {
      await frame.followByKeyboard(item);
      await expect(frame.heading(item)).toBeVisible();
      await expect(frame.navLink(item)).toHaveAttribute('aria-current', 'page');
    }

    expect(egress.all().length).toBeGreaterThan(0);
    expect(egress.foreign()).toEqual([]);
  });
});
