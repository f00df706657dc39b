/** Page object for the frame: navigation by keyboard, headings by role. */
import type { Locator, Page } from '@playwright/test';

export const NAV_ITEMS = ['Dashboard', 'Cases', 'Hosts', 'Map', 'Budget', 'Settings'] as const;
export type NavItem = (typeof NAV_ITEMS)[number];

export class AppFramePage {
  constructor(readonly page: Page) {}

  navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main navigation' });
  }

  navLink(name: NavItem): Locator {
    return this.navigation().getByRole('link', { name, exact: true });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** Presses Tab until the given navigation link has focus, then Enter. Fails after 60 presses. */
  async followByKeyboard(name: NavItem): Promise<void> {
    const link = this.navLink(name);
    for (let presses = 0; presses < 60; presses += 1) {
      if (await link.evaluate((element) => element === document.activeElement)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Could not reach the "${name}" navigation link with the Tab key.`);
  }
}
