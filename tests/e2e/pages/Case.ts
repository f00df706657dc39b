/** Page object for one case: header, tabs, and the person, leg and stay dialogs, by role and label only. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, search } from './Cases';

export interface PersonData {
  codeName: string;
  relationship?: string;
  dateOfBirth?: string;
  passportExpiry?: string;
}

export interface LegData {
  carrier?: string;
  number?: string;
  from?: [string, RegExp];
  to: [string, RegExp];
  depart: string;
  arrive: string;
}

export class CasePage {
  constructor(readonly page: Page) {}

  tab(
    name:
      | 'Overview'
      | 'People'
      | 'Travel'
      | 'Stays'
      | 'Budget'
      | 'Checkpoints'
      | 'Plan checks'
      | 'History',
  ): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  async openTab(name: Parameters<CasePage['tab']>[0]): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Adds a person from the People tab (the first one is the principal). */
  async addPerson(p: PersonData): Promise<void> {
    await this.page.getByRole('button', { name: /^Add (the principal|a dependant)$/ }).click();
    const d = this.dialog('Add a person');
    await d.getByLabel('Code name').fill(p.codeName);
    if (p.relationship) await choose(d, this.page, 'Relationship to the principal', p.relationship);
    if (p.dateOfBirth) await d.getByLabel('Date of birth').fill(p.dateOfBirth);
    if (p.passportExpiry) {
      await choose(d, this.page, 'Document type', 'Passport');
      await d.getByLabel('Document number').fill(`P-${p.codeName}`);
      await d.getByLabel('Document expiry').fill(p.passportExpiry);
    }
    await d.getByRole('button', { name: 'Save' }).click();
    await expect(d).toBeHidden();
  }

  /** Fills the leg dialog (already open). */
  async fillLeg(d: Locator, leg: LegData): Promise<void> {
    if (leg.carrier) await d.getByLabel('Carrier').fill(leg.carrier);
    if (leg.number) await d.getByLabel('Flight or train number').fill(leg.number);
    if (leg.from) await search(d, this.page, 'From', leg.from[0], leg.from[1]);
    await search(d, this.page, 'To', leg.to[0], leg.to[1]);
    await d.getByLabel('Departure (local time)').fill(leg.depart);
    await d.getByLabel('Arrival (local time)').fill(leg.arrive);
  }

  async addLeg(leg: LegData): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a leg' }).click();
    const d = this.dialog('Add a travel leg');
    await this.fillLeg(d, leg);
    await d.getByRole('button', { name: 'Save' }).click();
    await expect(d).toBeHidden();
  }

  findings(): Locator {
    return this.page.getByRole('list', { name: 'Plan-check findings' });
  }

  finding(text: RegExp): Locator {
    return this.findings().getByRole('listitem').filter({ hasText: text });
  }
}
