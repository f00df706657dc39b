/** Page object for the Hosts page and the host form, by role and label only. */
import { expect, type Locator, type Page } from '@playwright/test';
import { search } from './Cases';

export interface HostData {
  codeName: string;
  city: [string, RegExp];
  beds: number;
  nightlyCost: string;
}

export class HostsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Hosts', exact: true })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Hosts' })).toBeVisible();
  }

  form(name = 'New host'): Locator {
    return this.page.getByRole('form', { name });
  }

  async startNew(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New host' }).click();
    return this.form();
  }

  async create(h: HostData): Promise<void> {
    const f = await this.startNew();
    await f.getByLabel('Code name').fill(h.codeName);
    await search(f, this.page, 'Find the city', h.city[0], h.city[1]);
    await f.getByLabel('Beds').fill(String(h.beds));
    await f.getByLabel('Nightly cost').fill(h.nightlyCost);
    await f.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: h.codeName })).toBeVisible();
  }
}
