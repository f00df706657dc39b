/**
 * Inputs that slipped through (issue 10), end to end, by role and label:
 *   - the date and date-time fields show YYYY-MM-DD and YYYY-MM-DD HH:mm whatever the browser's
 *     locale, and an impossible day, a year out of range or a future birth date gets a message at
 *     the field and saves nothing;
 *   - "12,50" in a money field says to use a point;
 *   - the layouts hold at 1366×850 and 1024×700: screenshots of the case list, a case with a long
 *     unbroken code name and each record dialog go to test-results/layout/ (look at them), and the
 *     header buttons and list columns are asserted to be inside the viewport, cells not cut.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { CasePage } from './pages/Case';
import { CasesPage } from './pages/Cases';
import { HostsPage } from './pages/Hosts';
import { VaultPage } from './pages/Vault';

const SIZES = [
  { width: 1366, height: 850 },
  { width: 1024, height: 700 },
] as const;
const LONG_NAME = 'Kingfisher'.repeat(8); // 80 characters, no break

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

/** The Cases link also carries the overdue-review badge in a demo vault ("Cases 2 reviews overdue"). */
async function openCases(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Cases/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
}

async function shot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: `test-results/layout/${name}-${width}x${height}.png` });
}

async function expectInViewport(page: Page, el: Locator): Promise<void> {
  const vp = page.viewportSize();
  const box = await el.boundingBox();
  expect(box, 'element is rendered').not.toBeNull();
  if (!box || !vp) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
}

/** Cells of the columns that must never be cut (everything but the code name and host, which end in an ellipsis). */
async function cutCells(table: Locator): Promise<string[]> {
  return table.evaluate((t) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    const out: string[] = [];
    for (const tr of t.querySelectorAll('tbody tr[aria-rowindex]')) {
      [...tr.querySelectorAll('td')].forEach((td, i) => {
        const head = heads[i] ?? '';
        if (/^(Code name|Host)/.test(head)) return;
        // The cell, or anything in it (a badge's label ends in an ellipsis of its own), is cut:
        // one pixel is enough to turn "Extreme" into "Extre…".
        const cut = [td, ...td.querySelectorAll('*')].some(
          (el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth,
        );
        if (cut) out.push(`${head}: ${td.textContent}`);
      });
    }
    return out;
  });
}

test('the case list, a long code name and every record dialog hold at 1366×850 and 1024×700', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await new VaultPage(page).create(undefined, { demo: true });
  const cases = new CasesPage(page);
  // A case with an 80-character unbroken code name.
  await openCases(page);
  await cases.create({ codeName: LONG_NAME, plannedStart: '2027-05-01', plannedEnd: '2027-08-01' });
  const c = new CasePage(page);
  for (const size of SIZES) {
    await page.setViewportSize(size);

    await openCases(page);
    const table = cases.table();
    await expect(table.getByRole('link', { name: 'Heron', exact: true })).toBeVisible();
    await expect(table.getByText('Checking…')).toHaveCount(0);
    for (const head of await table.getByRole('columnheader').all())
      await expectInViewport(page, head);
    expect(await cutCells(table)).toEqual([]);
    // Two-line cells (dates, stacked plan-check counts) keep every row one height: the list is
    // virtualised on it.
    const heights = await table
      .locator('tbody tr[aria-rowindex]')
      .evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getBoundingClientRect().height))]);
    expect(heights).toHaveLength(1);
    await shot(page, 'cases');

    await cases.newCaseDialog().waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: /New case/ })
      .first()
      .click();
    await expect(cases.newCaseDialog()).toBeVisible();
    await shot(page, 'dialog-case');
    await page.keyboard.press('Escape');
    await expect(cases.newCaseDialog()).toBeHidden();

    await table.getByRole('link', { name: LONG_NAME, exact: true }).click();
    const title = page.getByRole('heading', { level: 1, name: LONG_NAME });
    await expect(title).toHaveAttribute('title', LONG_NAME);
    await expectInViewport(page, page.getByRole('button', { name: 'Change status' }).first());
    await expectInViewport(page, page.getByRole('button', { name: 'Delete case' }));
    await shot(page, 'case-long-name');

    // Person and visa dialogs on a demo case.
    await openCases(page);
    await cases.openCase('Heron');
    await c.openTab('People');
    await page.getByRole('button', { name: /^Add a dependant$/ }).click();
    await expect(c.dialog('Add a person')).toBeVisible();
    // Wholly visible: not cut by the dialog's own scrolling either.
    await expect(c.dialog('Add a person').getByRole('button', { name: 'Save' })).toBeInViewport({
      ratio: 1,
    });
    await shot(page, 'dialog-person');
    await c.dialog('Add a person').getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('button', { name: /^Add a visa for / })
      .first()
      .click();
    const visa = page.getByRole('dialog', { name: /^Add a visa for / });
    await expect(visa).toBeVisible();
    // Wholly visible: not cut by the dialog's own scrolling either.
    await expect(visa.getByRole('button', { name: 'Save' })).toBeInViewport({ ratio: 1 });
    await shot(page, 'dialog-visa');
    await visa.getByRole('button', { name: 'Cancel' }).click();

    await c.openTab('Travel');
    await page.getByRole('button', { name: 'Add a leg' }).click();
    await expect(c.dialog('Add a travel leg')).toBeVisible();
    // Wholly visible: not cut by the dialog's own scrolling either.
    await expect(c.dialog('Add a travel leg').getByRole('button', { name: 'Save' })).toBeInViewport(
      { ratio: 1 },
    );
    await shot(page, 'dialog-leg');
    await c.dialog('Add a travel leg').getByRole('button', { name: 'Cancel' }).click();

    await c.openTab('Stays');
    await page.getByRole('button', { name: 'Add a stay' }).click();
    const stay = c.dialog('Add a stay');
    await expect(stay).toBeVisible();
    // The host list opens on its own (the field has focus); leave it for the dates.
    await stay.getByLabel('Check-in').focus();
    await stay.getByRole('button', { name: 'Open the calendar' }).first().click();
    await expect(
      page.getByRole('dialog').getByRole('button', { name: /\d{4}/ }).first(),
    ).toBeVisible();
    await shot(page, 'dialog-stay-calendar');
    await stay.getByRole('button', { name: 'Open the calendar' }).first().click();
    await stay.getByRole('button', { name: 'Cancel' }).click();
    await expect(stay).toBeHidden();

    await c.openTab('Overview');
    // Times follow the app (24-hour, ISO dates), not the browser's en-US locale.
    await expect(page.getByRole('tabpanel', { name: 'Overview' })).toContainText(
      /Status changed \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    const extend = page.getByRole('button', { name: 'Record an extension' });
    if (await extend.isVisible()) {
      await extend.click();
      await expect(page.getByRole('dialog', { name: /^Approve an extension for / })).toBeVisible();
      await shot(page, 'dialog-extension');
      await page
        .getByRole('dialog', { name: /^Approve an extension for / })
        .getByRole('button', { name: 'Cancel' })
        .click();
    }

    const hosts = new HostsPage(page);
    await hosts.open();
    await hosts.startNew();
    await shot(page, 'form-host');
  }
});

test('dates, times and amounts as a tired coordinator types them get a message at the field', async ({
  page,
}) => {
  await new VaultPage(page).create();
  const cases = new CasesPage(page);
  await cases.open();

  // The date field shows what its messages ask for, whatever the browser's locale (en-US here).
  const d = await cases.fillNewCase({ codeName: 'Alder', plannedStart: '2027-02-30' });
  const start = d.getByLabel('Planned start');
  await expect(start).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  await expect(start).toHaveValue('2027-02-30');
  await expect(start).toHaveAccessibleDescription(/This day does not exist in the calendar/);
  await d.getByRole('button', { name: 'Create case' }).click();
  await expect(start).toBeFocused();
  // Typed by keyboard, and picked from the calendar.
  await start.fill('');
  await start.pressSequentially('2027-03-01');
  await expect(start).toHaveValue('2027-03-01');
  await d.getByLabel('Planned end').fill('2027-06-01');
  await d.getByRole('button', { name: 'Create case' }).click();
  await expect(d).toBeHidden();

  const c = new CasePage(page);
  await page.getByRole('button', { name: /^Add the principal$/ }).click();
  const person = c.dialog('Add a person');
  await person.getByLabel('Code name').fill('Alder');
  await person.getByLabel('Date of birth').fill('2031-05-01');
  await expect(person.getByLabel('Date of birth')).toHaveAccessibleDescription(
    /A date of birth cannot be in the future/,
  );
  await person.getByRole('button', { name: 'Save' }).click();
  await expect(person).toBeVisible();
  await person.getByLabel('Date of birth').fill('1981-05-01');
  await person.getByRole('button', { name: 'Save' }).click();
  await expect(person).toBeHidden();

  await c.openTab('Travel');
  await page.getByRole('button', { name: 'Add a leg' }).click();
  const leg = c.dialog('Add a travel leg');
  const depart = leg.getByLabel('Departure (local time)');
  await expect(depart).toHaveAttribute('placeholder', 'YYYY-MM-DD HH:mm');
  await depart.fill('0027-01-10 04:35');
  await expect(depart).toHaveAccessibleDescription(
    /Departure: Enter a date between 2000-01-01 and 2100-12-31/,
  );
  await depart.fill('2227-01-10 04:35');
  await expect(depart).toHaveAccessibleDescription(
    /Enter a date between 2000-01-01 and 2100-12-31/,
  );
  await depart.fill('2027-01-10T16:35');
  await expect(depart).toHaveValue('2027-01-10 16:35');
  await leg.getByRole('textbox', { name: 'Cost' }).fill('12,50');
  await expect(leg.getByRole('textbox', { name: 'Cost' })).toHaveAccessibleDescription(
    'Use a point for decimals: 12.50',
  );
  await leg.getByRole('button', { name: 'Save' }).click();
  await expect(leg).toBeVisible();
  await leg.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave and lose changes' })
    .click();
  await expect(page.getByRole('main')).toContainText('No travel');

  const hosts = new HostsPage(page);
  await hosts.open();
  const f = await hosts.startNew();
  await f.getByLabel('Nightly cost').fill('12,500');
  await expect(f.getByLabel('Nightly cost')).toHaveAccessibleDescription(
    /"12,500" could mean 12500 or 12.500/,
  );
});
