import { AppFramePage, NAV_ITEMS } from './pages/AppFrame';
import { expect, test } from './fixtures/app';

test.describe('the app frame', () => {
  test('given the built app, when every navigation item is followed by keyboard, then each page shows its heading and nothing leaves the origin', async ({
    page,
    egress,
  }) => {
    const frame = new AppFramePage(page);
    await page.goto('/');
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
