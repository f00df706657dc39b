/**
 * Relocation planning, end to end, driven by role and label only (issue 4):
 *   a case for a principal and two dependants (one a minor), a host, a two-leg flight across
 *   time zones with a connection, a 90-day stay; the local times and durations shown; plan checks
 *   firing for a passport that expires too early and a leg that does not connect, fixed from
 *   their links and cleared; and everything still there after a reload and unlock.
 * Then each invalid input gives a message at its field and saves nothing.
 */
import { expect, test } from './fixtures/app';
import { CasePage } from './pages/Case';
import { CasesPage, combobox, search } from './pages/Cases';
import { HostsPage } from './pages/Hosts';
import { VaultPage } from './pages/Vault';

const TBILISI: [string, RegExp] = ['Tbilisi', /^Tbilisi, Georgia/];
const ISTANBUL: [string, RegExp] = ['Istanbul', /^Istanbul, T/];
const ANKARA: [string, RegExp] = ['Ankara', /^Ankara, T/];
const AMSTERDAM: [string, RegExp] = ['Amsterdam', /^Amsterdam, Netherlands/];

test('plans a relocation across time zones, fixes its plan checks, and finds it after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const vault = new VaultPage(page);
  await vault.create();

  // A host with four beds in Amsterdam.
  const hosts = new HostsPage(page);
  await hosts.open();
  await hosts.create({ codeName: 'Harbour House', city: AMSTERDAM, beds: 4, nightlyCost: '45' });

  // 1. The empty list teaches; a case with a principal and two dependants, one a minor.
  const cases = new CasesPage(page);
  await cases.open();
  await expect(page.getByRole('main')).toContainText(
    'No cases yet. Create the first one, or open the demo vault to see how Haven works.',
  );
  await cases.create({ codeName: 'Cedar', plannedStart: '2027-01-10', plannedEnd: '2027-04-10' });
  const c = new CasePage(page);
  await expect(c.tab('People')).toHaveAttribute('aria-selected', 'true');
  await c.addPerson({ codeName: 'Cedar', dateOfBirth: '1984-05-02', passportExpiry: '2027-05-01' });
  await c.addPerson({
    codeName: 'Birch',
    relationship: 'Partner',
    dateOfBirth: '1986-02-14',
    passportExpiry: '2031-01-01',
  });
  await c.addPerson({
    codeName: 'Acorn',
    relationship: 'Child',
    dateOfBirth: '2016-09-12',
    passportExpiry: '2030-06-01',
  });
  const people = page.getByRole('table', { name: 'People' });
  await expect(people.getByRole('row')).toHaveCount(4);
  await expect(people.getByRole('row', { name: /Acorn/ })).toContainText('Minor');
  await expect(people.getByRole('row', { name: /Birch/ })).not.toContainText('Minor');

  // 2. Two legs across three zones (the second wrongly from Ankara), and a 90-day stay.
  await c.openTab('Travel');
  await c.addLeg({
    carrier: 'TK',
    number: '383',
    from: TBILISI,
    to: ISTANBUL,
    depart: '2027-01-10T04:35',
    arrive: '2027-01-10T06:10',
  });
  await c.addLeg({
    carrier: 'TK',
    number: '1951',
    from: ANKARA,
    to: AMSTERDAM,
    depart: '2027-01-10T08:05',
    arrive: '2027-01-10T10:45',
  });
  await c.openTab('Stays');
  await page.getByRole('button', { name: 'Add a stay' }).click();
  const stay = c.dialog('Add a stay');
  await search(stay, page, 'Host', 'Harbour', /^Harbour House/);
  await expect(stay.getByLabel('Check-in')).toHaveValue('2027-01-10');
  await expect(stay.getByLabel('Check-out')).toHaveValue('2027-04-10');
  await expect(stay).toContainText('90 nights');
  await stay.getByRole('button', { name: 'Save' }).click();
  await expect(stay).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Stays' }).getByRole('row', { name: /Harbour House/ }),
  ).toContainText('90 nights');

  // 3. Local times with zone and offset, leg durations, the connection, the case duration.
  await expect(page.getByRole('main')).toContainText('90 nights · 3 people');
  await c.openTab('Travel');
  const leg1 = page.getByRole('article', { name: 'Leg Tbilisi → Istanbul' });
  await expect(leg1).toContainText('Sun 10 Jan 2027, 04:35 GET (UTC+4)');
  await expect(leg1).toContainText('Sun 10 Jan 2027, 06:10 TRT (UTC+3)');
  await expect(leg1).toContainText('Duration 2 h 35 min');
  const leg2 = page.getByRole('article', { name: 'Leg Ankara → Amsterdam' });
  await expect(leg2).toContainText('Sun 10 Jan 2027, 08:05 TRT (UTC+3)');
  await expect(leg2).toContainText('Sun 10 Jan 2027, 10:45 CET (UTC+1)');
  await expect(leg2).toContainText('Duration 4 h 40 min');
  await expect(leg1).toContainText('The next leg does not leave from Istanbul');

  // 4. Plan checks fire for the passport and the broken connection.
  await c.openTab('Plan checks');
  const passport = c.finding(/Cedar's travel document expires on 2027-05-01/);
  const connect = c.finding(
    /Cedar, Acorn and Birch arrive in Istanbul but the next leg leaves from Ankara/,
  );
  await expect(passport).toBeVisible();
  await expect(connect).toBeVisible();

  // Fix the passport from its link: the person opens with the expiry focused.
  await passport.getByRole('link', { name: 'Fix this' }).click();
  const edit = c.dialog('Edit Cedar');
  await expect(edit.getByLabel('Document expiry')).toBeFocused();
  await edit.getByLabel('Document expiry').fill('2031-03-01');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  // Fix the connection: the leg opens with "From" focused; it now leaves from Istanbul.
  await c.openTab('Plan checks');
  await c
    .finding(/Cedar, Acorn and Birch arrive in Istanbul but the next leg leaves from Ankara/)
    .getByRole('link', { name: 'Fix this' })
    .click();
  const legDialog = c.dialog('Edit the travel leg');
  await expect(combobox(legDialog, 'From')).toBeFocused();
  await search(legDialog, page, 'From', 'Istanbul', ISTANBUL[1]);
  await legDialog.getByRole('button', { name: 'Save' }).click();
  await expect(legDialog).toBeHidden();
  await expect(page.getByRole('article', { name: 'Leg Tbilisi → Istanbul' })).toContainText(
    'Connection in Istanbul: 1 h 55 min',
  );

  await c.openTab('Plan checks');
  await expect(c.findings()).toBeVisible();
  await expect(c.finding(/travel document expires/)).toHaveCount(0);
  await expect(c.finding(/does not connect|next leg leaves from/)).toHaveCount(0);

  // History names fields, never values.
  await c.openTab('History');
  const history = page.getByRole('table', { name: 'History' });
  await expect(history.getByRole('row', { name: /Person Cedar/ }).first()).toContainText(
    'travelDocument',
  );
  await expect(history).not.toContainText('2031-03-01');

  // Deleting asks and names what depends on it; a host in use cannot be deleted at all.
  await c.openTab('People');
  await page.getByRole('button', { name: 'Delete Acorn' }).click();
  const confirmPerson = c.dialog('Delete Acorn?');
  await expect(confirmPerson).toContainText('A place on 2 travel legs shared with others');
  await expect(confirmPerson).toContainText('A place in 1 stay shared with others');
  await expect(confirmPerson.getByRole('button', { name: 'Delete the person' })).toBeDisabled();
  await confirmPerson.getByRole('button', { name: 'Cancel' }).click();
  await hosts.open();
  await page
    .getByRole('table', { name: 'Host locations' })
    .getByRole('link', { name: 'Harbour House' })
    .click();
  await page.getByRole('button', { name: 'Delete host' }).click();
  const confirmHost = c.dialog('Delete the host Harbour House?');
  await expect(confirmHost).toContainText('This cannot be deleted yet');
  await expect(confirmHost).toContainText('A stay of case Cedar from 2027-01-10 to 2027-04-10');
  await expect(confirmHost.getByRole('button', { name: 'Delete the host' })).toHaveCount(0);
  await confirmHost.getByRole('button', { name: 'Cancel' }).click();
  // With a host open, "New host" opens an empty form.
  await page.getByRole('button', { name: 'New host' }).click();
  await expect(hosts.form()).toBeVisible();
  await expect(hosts.form().getByLabel('Code name')).toHaveValue('');

  // 5. Reload, unlock, and everything is there.
  await page.reload();
  await vault.unlock();
  await cases.open();
  await expect(cases.table().getByRole('row', { name: /Cedar/ })).toContainText('Harbour House');
  await cases.openCase('Cedar');
  await expect(page.getByRole('main')).toContainText('90 nights · 3 people');
  await c.openTab('People');
  await expect(
    page.getByRole('table', { name: 'People' }).getByRole('row', { name: /Cedar/ }),
  ).toContainText('expires 2031-03-01');
  await c.openTab('Travel');
  await expect(page.getByRole('article', { name: 'Leg Istanbul → Amsterdam' })).toContainText(
    '10:45 CET (UTC+1)',
  );
  await c.openTab('Stays');
  await expect(page.getByRole('table', { name: 'Stays' })).toContainText('Harbour House');
  await c.openTab('Plan checks');
  await expect(c.finding(/travel document expires|next leg leaves from/)).toHaveCount(0);
});

test.describe('invalid input gives a message at the field and saves nothing', () => {
  test('a leg that arrives before it departs once time zones are applied', async ({ page }) => {
    await new VaultPage(page).create();
    const cases = new CasesPage(page);
    await cases.open();
    await cases.create({ codeName: 'Rowan', plannedStart: '2027-02-01', plannedEnd: '2027-03-01' });
    const c = new CasePage(page);
    await c.addPerson({ codeName: 'Rowan' });
    await c.openTab('Travel');
    await page.getByRole('button', { name: 'Add a leg' }).click();
    const d = c.dialog('Add a travel leg');
    // 10:00 in Amsterdam (09:00 UTC) to 12:30 in Tbilisi (08:30 UTC): later on the clocks, earlier in fact.
    await c.fillLeg(d, {
      from: AMSTERDAM,
      to: TBILISI,
      depart: '2027-02-01T10:00',
      arrive: '2027-02-01T12:30',
    });
    const arrival = d.getByLabel('Arrival (local time)');
    await expect(arrival).toHaveAttribute('aria-invalid', 'true');
    await expect(arrival).toHaveAccessibleDescription(
      /not after departure .* once time zones are applied/,
    );
    await d.getByRole('button', { name: 'Save' }).click();
    await expect(d).toBeVisible();
    await expect(arrival).toBeFocused();
    await d.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave and lose changes' })
      .click();
    await expect(page.getByRole('main')).toContainText(
      'No travel legs yet. Add the first leg of the journey.',
    );
  });

  test('a stay with more people than the host has beds', async ({ page }) => {
    await new VaultPage(page).create();
    const hosts = new HostsPage(page);
    await hosts.open();
    await hosts.create({ codeName: 'Small Flat', city: AMSTERDAM, beds: 2, nightlyCost: '30' });
    const cases = new CasesPage(page);
    await cases.open();
    await cases.create({ codeName: 'Hazel', plannedStart: '2027-02-01', plannedEnd: '2027-03-01' });
    const c = new CasePage(page);
    await c.addPerson({ codeName: 'Hazel' });
    await c.addPerson({ codeName: 'Fern', relationship: 'Child' });
    await c.addPerson({ codeName: 'Moss', relationship: 'Parent' });
    await c.openTab('Stays');
    await page.getByRole('button', { name: 'Add a stay' }).click();
    const d = c.dialog('Add a stay');
    await search(d, page, 'Host', 'Small', /^Small Flat/);
    await d.getByRole('button', { name: 'Save' }).click();
    const who = d.getByRole('group', { name: 'Who stays' });
    await expect(who).toHaveAccessibleDescription(
      /Small Flat has 2 beds for 3 people; choose fewer people or another host/,
    );
    await expect(d).toBeVisible();
    await d.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave and lose changes' })
      .click();
    await expect(page.getByRole('main')).toContainText(
      'No stays yet. Add where the people will sleep.',
    );
  });

  test('a date outside any sensible range', async ({ page }) => {
    await new VaultPage(page).create();
    const cases = new CasesPage(page);
    await cases.open();
    const d = await cases.fillNewCase({
      codeName: 'Alder',
      plannedStart: '1850-03-01',
      plannedEnd: '2027-03-01',
    });
    const start = d.getByLabel('Planned start');
    await expect(start).toHaveAccessibleDescription(
      /Enter a date between 2000-01-01 and 2100-12-31/,
    );
    await d.getByRole('button', { name: 'Create case' }).click();
    await expect(d).toBeVisible();
    await expect(start).toBeFocused();
    await d.getByRole('button', { name: 'Cancel' }).click();
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave and lose changes' })
      .click();
    await expect(page.getByRole('main')).toContainText(
      'No cases yet. Create the first one, or open the demo vault to see how Haven works.',
    );
  });

  test('a malformed coordinate', async ({ page }) => {
    await new VaultPage(page).create();
    const hosts = new HostsPage(page);
    await hosts.open();
    const f = await hosts.startNew();
    await f.getByLabel('Code name').fill('North Shelter');
    await f.getByRole('textbox', { name: /^City/ }).fill('Tbilisi');
    await search(f, page, 'Country', 'Georgia', /^Georgia/);
    await f.getByLabel('Latitude').fill('41,71N');
    await f.getByLabel('Longitude').fill('44.8271');
    await f.getByLabel('Nightly cost').fill('20');
    const lat = f.getByLabel('Latitude');
    await expect(lat).toHaveAccessibleDescription(
      /Enter the latitude in decimal degrees with a dot, for example 41.7151/,
    );
    await f.getByRole('button', { name: 'Save' }).click();
    await expect(lat).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: 'North Shelter' })).toHaveCount(0);
    await expect(page.getByRole('main')).toContainText('No host locations yet.');
  });
});

test('Ctrl+N starts a case; the status menu offers only the lifecycle moves, each asking for what it needs; Ctrl+S saves; leaving unsaved asks', async ({
  page,
}) => {
  await new VaultPage(page).create();
  const cases = new CasesPage(page);
  // Ctrl+N from any page opens New case on the cases list.
  await page.keyboard.press('Control+n');
  const dialog = cases.newCaseDialog();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Code name').fill('Linden');
  await dialog.getByLabel('Planned start').fill('2027-05-01');
  await dialog.getByLabel('Planned end').fill('2027-08-01');
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Linden' })).toBeVisible();
  const c = new CasePage(page);
  const statusMenu = page.getByRole('button', { name: 'Change status' }).first();

  await statusMenu.click();
  await expect(page.getByRole('menuitem')).toHaveCount(2);
  await expect(page.getByRole('menuitem', { name: /Move to Cancelled/ })).toBeVisible();
  await page.getByRole('menuitem', { name: /Move to Assessment/ }).click();
  await page
    .getByRole('dialog', { name: 'Move the case to Assessment' })
    .getByRole('button', { name: 'Move to Assessment' })
    .click();
  await expect(page.getByRole('group', { name: 'Case status and risk' })).toContainText(
    'Assessment',
  );

  await statusMenu.click();
  // Three lifecycle moves forward, and (issue 10) the step back for a status set by mistake.
  await expect(page.getByRole('menuitem', { name: /^\S+ Move to / })).toHaveCount(3);
  await expect(page.getByRole('menuitem', { name: 'Move back to Request' })).toBeVisible();
  await expect(page.getByRole('menuitem')).toHaveCount(4);
  await page.getByRole('menuitem', { name: /Move to Approved/ }).click();
  const approve = page.getByRole('dialog', { name: 'Move the case to Approved' });
  await approve.getByRole('button', { name: 'Move to Approved' }).click();
  await expect(approve.getByLabel('Approved by')).toHaveAccessibleDescription(
    'Enter who approved the relocation',
  );
  await approve.getByLabel('Approved by').fill('M. Okafor');
  await approve.getByRole('button', { name: 'Move to Approved' }).click();
  await expect(approve).toBeHidden();
  await expect(page.getByRole('group', { name: 'Case status and risk' })).toContainText('Approved');

  // The Overview form: Ctrl+S saves; leaving with unsaved changes asks first.
  await c.openTab('Overview');
  const form = page.getByRole('form', { name: 'Case details' });
  await form.getByLabel('Threat summary').fill('Threats after the land-rights report.');
  // An earlier save's notification must be gone first, so the one checked below is this save's.
  const saved = page.getByRole('alert').filter({ hasText: 'Saved' });
  await expect(saved).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expect(saved).toBeVisible();
  await form.getByLabel('Funder').fill('Shelter fund');
  await c.tab('History').click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(c.tab('Overview')).toHaveAttribute('aria-selected', 'true');
  await expect(form.getByLabel('Funder')).toHaveValue('Shelter fund');
  await form.getByRole('button', { name: 'Save' }).click();
  await c.openTab('History');
  const history = page.getByRole('table', { name: 'History' });
  await expect(history.getByRole('row', { name: /Status change/ })).toHaveCount(2);
  await expect(history.getByRole('row', { name: /Updated/ }).first()).toContainText('funder');
  await expect(history).not.toContainText('Shelter fund');
  await expect(history).not.toContainText('M. Okafor');

  // Planning → in transit → relocated, then an approved extension moves the end.
  for (const to of ['Planning', 'In transit', 'Relocated']) {
    await statusMenu.click();
    await page.getByRole('menuitem', { name: `Move to ${to}` }).click();
    const move = page.getByRole('dialog', { name: `Move the case to ${to}` });
    await move.getByRole('button', { name: `Move to ${to}` }).click();
    await expect(move).toBeHidden();
  }
  await c.openTab('Overview');
  await page.getByRole('button', { name: 'Record an extension' }).click();
  const extend = page.getByRole('dialog', { name: 'Approve an extension for Linden' });
  await extend.getByLabel('New end date').fill('2027-07-01');
  await expect(extend.getByLabel('New end date')).toHaveAccessibleDescription(
    /must be after the current end \(2027-08-01\)/,
  );
  await extend.getByLabel('New end date').fill('2027-08-15');
  await extend.getByLabel('Approved by').fill('M. Okafor');
  await extend.getByLabel('Reason for the extension').fill('Trial postponed');
  await extend.getByRole('button', { name: 'Approve extension' }).click();
  await expect(extend).toBeHidden();
  await expect(page.getByRole('main')).toContainText('Extended from 2027-08-01 to 2027-08-15');
  await expect(page.getByRole('main')).toContainText('extended');
});
