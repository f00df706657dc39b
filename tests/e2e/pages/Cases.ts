/** Page object for the Cases list and the "New case" dialog, by role and label only. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface NewCase {
  codeName: string;
  plannedStart?: string;
  plannedEnd?: string;
}

export class CasesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      // The link's name carries the reminder count when there is one: "Cases (2 reviews overdue)".
      .getByRole('link', { name: /^Cases( \(.*\))?$/ })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Cases' });
  }

  newCaseDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'New case' });
  }

  /** Opens "New case" and fills it; does not press Create. */
  async fillNewCase(c: NewCase): Promise<Locator> {
    await this.page
      .getByRole('button', { name: /New case/ })
      .first()
      .click();
    const dialog = this.newCaseDialog();
    await dialog.getByLabel('Code name').fill(c.codeName);
    if (c.plannedStart) await dialog.getByLabel('Planned start').fill(c.plannedStart);
    if (c.plannedEnd) await dialog.getByLabel('Planned end').fill(c.plannedEnd);
    return dialog;
  }

  /** Creates a case; the app opens it on its People tab. */
  async create(c: NewCase): Promise<void> {
    const dialog = await this.fillNewCase(c);
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1, name: c.codeName })).toBeVisible();
  }

  async openCase(codeName: string): Promise<void> {
    await this.table().getByRole('link', { name: codeName, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: codeName })).toBeVisible();
  }
}

/** The combobox labelled `label` (a required field's label ends with " *"). */
export function combobox(scope: Locator, label: string): Locator {
  return scope.getByRole('combobox', {
    name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`),
  });
}

/** Picks an option of a Mantine select (combobox) by its label. */
export async function choose(
  scope: Locator,
  page: Page,
  label: string,
  option: string | RegExp,
): Promise<void> {
  await combobox(scope, label).click();
  await page.getByRole('option', { name: option }).click();
}

/** Types into a searchable select (place search, country) and picks the option. */
export async function search(
  scope: Locator,
  page: Page,
  label: string,
  text: string,
  option: string | RegExp,
): Promise<void> {
  const input = combobox(scope, label);
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).click();
}
