/**
 * Return-readiness reviews end to end (issue 13), on the demo vault (dates relative to today):
 *   1. approving Marten schedules its reviews;
 *   2. Heron's overdue periodic review is held and decides "extend"; the extension is approved in
 *      one dialog that extends the stay and marks the return leg to rebook;
 *   3. the new end shows in the duration, the stay and the review schedule; the leg is flagged;
 *   4. the dashboard lists Plover's overdue review and its link opens Plover's reviews;
 *   5. the calendar export parses with ical.js: the right events, instants and zones, no legal name.
 * Screenshots of the dashboard and the timeline are kept as test artifacts.
 */
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { expect, test } from './fixtures/app';
import { CasePage } from './pages/Case';
import { CasesPage, choose, search } from './pages/Cases';
import { VaultPage } from './pages/Vault';
import { parseIcs } from '../unit/domain/ics-parse';

const day = (n: number): string => DateTime.local().plus({ days: n }).toISODate() ?? '';
/** "€5,400.00" → 540000. */
const euroCents = (text: string | null): number =>
  Math.round(Number((text ?? '').replace(/[^\d.]/g, '')) * 100);

test('reviews: schedule on approval, an extension that moves the plan, dashboard, ICS', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await new VaultPage(page).create(undefined, { demo: true });
  const cases = new CasesPage(page);
  const c = new CasePage(page);

  // The landing page after unlock is the dashboard.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // 1. Marten (in assessment, no dates): dates, then approval schedules its reviews.
  await cases.open();
  await cases.openCase('Marten');
  await c.openTab('Overview');
  const form = page.getByRole('form', { name: 'Case details' });
  await form.getByLabel('Planned start').fill(day(20));
  await form.getByLabel('Planned end').fill(day(110));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('case-dates')).toHaveText(`${day(20)} → ${day(110)}`);
  await c.openTab('Checkpoints');
  await expect(
    page.getByText('No reviews yet: they are scheduled when the case is approved.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Change status' }).first().click();
  await page.getByRole('menuitem', { name: 'Move to Approved' }).click();
  const approve = page.getByRole('dialog', { name: 'Move the case to Approved' });
  await approve.getByLabel('Approved by').fill('PO Sable');
  await approve.getByRole('button', { name: 'Move to Approved' }).click();
  await expect(approve).toBeHidden();
  const reviews = page.getByRole('table', { name: 'Checkpoints' });
  await expect(reviews.getByRole('row')).toHaveCount(6); // header + 5
  await expect(
    reviews.getByRole('row', { name: new RegExp(`${day(21)}.*Arrival check-in`) }),
  ).toBeVisible();
  await expect(
    reviews.getByRole('row', { name: new RegExp(`${day(96)}.*Pre-return review`) }),
  ).toBeVisible();
  await expect(page.getByTestId('review-convention')).toContainText('every 30 days');

  // 2. Heron: a return leg planned for the end (day 60), then the overdue review decides "extend".
  await cases.open();
  await cases.openCase('Heron');
  await c.openTab('People');
  await page.getByRole('button', { name: 'Edit Heron', exact: true }).click();
  const person = c.dialog('Edit Heron');
  await person.getByLabel('Legal name').fill('Nino Beridze');
  await person.getByRole('button', { name: 'Save' }).click();
  await expect(person).toBeHidden();
  await c.openTab('Travel');
  await page.getByRole('button', { name: 'Add a leg' }).click();
  const leg = c.dialog('Add a travel leg');
  await leg.getByLabel('Carrier').fill('Demo Air');
  await leg.getByLabel('Flight or train number').fill('DA 1822');
  // "From" starts at the last leg's destination, Paris.
  await expect(leg.getByRole('combobox', { name: /^From/ })).toHaveValue(/Paris/);
  await search(leg, page, 'To', 'Tbilisi', /^Tbilisi, Georgia/);
  await leg.getByLabel('Departure (local time)').fill(`${day(60)}T12:00`);
  await leg.getByLabel('Arrival (local time)').fill(`${day(60)}T20:30`);
  await leg.getByRole('button', { name: 'Save' }).click();
  await expect(leg).toBeHidden();

  // The budget before the extension: 90 nights at Linden.
  await c.openTab('Budget');
  const budgetLines = page.getByRole('table', { name: 'Budget lines' });
  const totalPlanned = page
    .getByRole('table', { name: 'Budget by category' })
    .getByLabel('Total planned');
  await expect(budgetLines).toContainText('90 nights × €45.00 at Linden');
  const plannedBefore = euroCents(await totalPlanned.textContent());

  await c.openTab('Checkpoints');
  await page.getByRole('button', { name: `Hold the Periodic review of ${day(-2)}` }).click();
  const review = c.dialog(`Periodic review due ${day(-2)}`);
  await review.getByRole('radio', { name: 'Met', exact: true }).first().check();
  await review
    .getByLabel('Threats', { exact: true })
    .fill('Summons still active; calls to the family last week.');
  await choose(review, page, 'Resulting risk level', 'High');
  await choose(review, page, 'Decision', 'Extend');
  await review.getByLabel(/^Decided by/).fill('PO Sable');
  await review.getByLabel('Extend to (new end date)').fill(day(90));
  await expect(review.getByRole('status', { name: 'Next review' })).toContainText(day(1));
  await page.screenshot({ path: testInfo.outputPath('review-form.png') });
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(review).toBeHidden();

  await page.getByRole('button', { name: 'Approve the extension' }).click();
  const ext = c.dialog('Approve an extension for Heron');
  await expect(ext.getByLabel(/New end date/)).toHaveValue(day(90));
  await expect(ext.getByLabel('Requested by')).toHaveValue('PO Sable');
  await ext.getByLabel(/^Approved by/).fill('Director Wren');
  await ext.getByLabel(/Reason for the extension/).fill('Summons not withdrawn; threats continue.');
  const preview = ext.getByRole('region', { name: 'What moves with the new end' });
  await expect(preview).toContainText(`check-out moves from ${day(60)} to ${day(90)}`);
  await expect(preview.getByRole('checkbox', { name: /Extend the current stay/ })).toBeChecked();
  await expect(preview).toContainText('Paris → Tbilisi');
  await preview.getByRole('radio', { name: 'Mark them to rebook' }).check();
  await expect(preview.getByRole('checkbox', { name: /Regenerate/ })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('extension-dialog.png') });
  await ext.getByRole('button', { name: 'Approve extension' }).click();
  await expect(ext).toBeHidden();

  // 3. The new end: duration (day -30 → day 90 = 120 nights), stay, schedule; the leg is flagged.
  await expect(page.getByTestId('case-dates')).toHaveText(`${day(-30)} → ${day(90)}`);
  await expect(page.getByTestId('case-duration')).toContainText('120 nights');
  await expect(page.getByTestId('case-duration')).toContainText('extended');
  await expect(
    reviews.getByRole('row', { name: new RegExp(`${day(76)}.*Pre-return review`) }),
  ).toBeVisible();
  await expect(
    reviews.getByRole('row', { name: new RegExp(`${day(46)}.*Pre-return review`) }),
  ).toHaveCount(0);
  await expect(reviews.getByRole('row', { name: new RegExp(`${day(-2)}.*Extend`) })).toBeVisible();
  await c.openTab('Stays');
  await expect(page.getByRole('main')).toContainText(day(90));
  // The budget's accommodation follows the stay: 30 more nights × €45.00 = €1,350.00 more.
  await c.openTab('Budget');
  await expect(budgetLines).toContainText('120 nights × €45.00 at Linden');
  await expect
    .poll(async () => euroCents(await totalPlanned.textContent()) - plannedBefore)
    .toBe(135000);
  await c.openTab('Plan checks');
  await expect(c.finding(/marked to rebook after the extension/)).toBeVisible();
  // A decided review opens read-only with its history.
  await c.openTab('Checkpoints');
  await page.getByRole('button', { name: `View the Periodic review of ${day(-2)}` }).click();
  const decided = c.dialog(/\(decided\)/);
  await expect(decided).toContainText('Decided by PO Sable');
  await expect(decided).toContainText(`Extension approved to ${day(90)}`);
  await expect(
    decided.getByRole('list', { name: 'History' }).getByRole('listitem'),
  ).not.toHaveCount(0);
  await expect(decided.getByRole('textbox')).toHaveCount(0);
  await decided.getByRole('button', { name: 'Close' }).last().click();

  // 4. The dashboard lists another case's overdue review; its link opens that case's reviews.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: /^Dashboard/ }).click();
  await expect(nav.getByRole('link', { name: /^Cases/ })).toHaveAccessibleName(
    'Cases (1 review overdue)',
  );
  const overdue = page.getByRole('region', { name: 'Overdue reviews' });
  const ploverLink = overdue.getByRole('link', { name: /Plover: Pre-return review/ });
  await expect(ploverLink).toContainText('4 days late');
  // This month's budget across cases: planned and actual in the reporting currency, with a link.
  const month = page.getByRole('region', { name: 'Budget this month' });
  await expect(month.getByTestId('dashboard-budget-month')).toContainText(
    new RegExp(`^${day(0).slice(0, 7)}: planned €[\\d,]+\\.\\d\\d · actual €[\\d,]+\\.\\d\\d`),
  );
  await expect(month.getByRole('link', { name: 'Open the budget across cases' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
  await ploverLink.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plover' })).toBeVisible();
  await expect(c.tab('Checkpoints')).toHaveAttribute('aria-selected', 'true');

  // The timeline: a row per open case, keyboard from row to row, Enter opens it.
  await nav.getByRole('link', { name: 'Timeline' }).click();
  const timeline = page.getByRole('listbox', { name: /Timeline of \d+ cases/ });
  await expect(timeline.getByRole('option')).toHaveCount(5);
  await timeline.focus();
  await page.keyboard.press('-');
  await expect(page.getByRole('radio', { name: 'Months' })).toBeChecked();
  await page.keyboard.press('Home');
  await expect(timeline.getByRole('option', { selected: true })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('timeline.png') });
  await page.keyboard.press('ArrowDown');
  const selected = await timeline
    .getByRole('option', { selected: true })
    .getAttribute('aria-label');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: selected?.split(',')[0] ?? '' }),
  ).toBeVisible();

  // 5. ICS of Heron: warned as unencrypted, saved as a download, parsed back.
  await cases.open();
  await cases.openCase('Heron');
  await c.openTab('Checkpoints');
  await page.getByRole('button', { name: 'Export calendar (ICS)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Export a calendar file' });
  await expect(confirm).toContainText('NOT encrypted');
  let downloads = 0;
  page.on('download', () => downloads++);
  const downloading = page.waitForEvent('download');
  await confirm.getByRole('button', { name: 'Save unencrypted file' }).dblclick();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`haven-calendar-heron-${day(0)}.ics`);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  expect(text).not.toContain('Nino');
  expect(text).not.toContain('Beridze');
  expect(text).not.toContain('DEMO12');
  const { events, zones } = parseIcs(text);
  expect(zones).toEqual(
    expect.arrayContaining(['Asia/Tbilisi', 'Europe/Istanbul', 'Europe/Paris']),
  );
  const legs = events.filter((e) => e.uid.startsWith('leg-'));
  expect(legs).toHaveLength(3);
  const first = legs.find((e) => e.summary.includes('DA 385'));
  expect(first?.startZone).toBe('Asia/Tbilisi');
  const tbilisiDep = DateTime.fromISO(`${day(-30)}T04:35`, { zone: 'Asia/Tbilisi' }).toMillis();
  expect(first?.start).toBe(tbilisiDep);
  expect(first?.end).toBe(
    DateTime.fromISO(`${day(-30)}T06:20`, { zone: 'Europe/Istanbul' }).toMillis(),
  );
  const back = legs.find((e) => e.summary.includes('DA 1822'));
  expect(back?.startZone).toBe('Europe/Paris');
  expect(back?.start).toBe(
    DateTime.fromISO(`${day(60)}T12:00`, { zone: 'Europe/Paris' }).toMillis(),
  );
  expect(back?.summary).toBe('Heron: Flight Demo Air DA 1822 Paris → Tbilisi');
  const preReturn = events.find((e) => e.allDay && e.summary.includes('Pre-return review'));
  expect(preReturn?.startDate).toBe(day(76));
  // One file from a double click.
  await expect(confirm).toBeHidden();
  await page.waitForTimeout(500);
  expect(downloads).toBe(1);
});
