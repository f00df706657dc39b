/**
 * Planning mistakes a tired coordinator makes (issue 10), by role and label only: the move to
 * Relocated asks for the arrival date (planned start offered) and a mistaken status moves back with
 * a reason; a stay between two legs shows as the stay, not as a connection; a double click on a
 * delete button deletes nothing, a real deletion stays in History by kind and Undo restores it.
 * Screenshots of each go to test-results/.
 */
import { expect, test } from './fixtures/app';
import { CasePage } from './pages/Case';
import { CasesPage, search } from './pages/Cases';
import { HostsPage } from './pages/Hosts';
import { VaultPage } from './pages/Vault';

const TBILISI: [string, RegExp] = ['Tbilisi', /^Tbilisi, Georgia/];
const AMSTERDAM: [string, RegExp] = ['Amsterdam', /^Amsterdam, Netherlands/];

test('a stay breaks the journey, deletions are deliberate and kept in History, Relocated asks for the arrival', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}.png`) });
  await new VaultPage(page).create();
  const hosts = new HostsPage(page);
  await hosts.open();
  await hosts.create({ codeName: 'Harbour House', city: AMSTERDAM, beds: 4, nightlyCost: '45' });
  const cases = new CasesPage(page);
  await cases.open();
  await cases.create({ codeName: 'Linden', plannedStart: '2026-11-01', plannedEnd: '2027-01-30' });
  const c = new CasePage(page);
  await c.addPerson({
    codeName: 'Linden',
    dateOfBirth: '1984-05-02',
    passportExpiry: '2031-01-01',
  });

  await c.openTab('Travel');
  await c.addLeg({
    carrier: 'KL',
    number: '3301',
    from: TBILISI,
    to: AMSTERDAM,
    depart: '2026-11-01T04:35',
    arrive: '2026-11-01T08:10',
  });
  await c.addLeg({
    carrier: 'KL',
    number: '3300',
    // From: Amsterdam, where the last leg arrives (filled in by the dialog).
    to: TBILISI,
    depart: '2027-01-30T10:00',
    arrive: '2027-01-30T17:30',
  });
  const out = page.getByRole('article', { name: 'Leg Tbilisi → Amsterdam' });
  await expect(out).toContainText(/Connection in Amsterdam: 90 d/);

  await c.openTab('Stays');
  await page.getByRole('button', { name: 'Add a stay' }).click();
  const stay = c.dialog('Add a stay');
  await search(stay, page, 'Host', 'Harbour', /^Harbour House/);
  await stay.getByLabel('Check-in').fill('2026-11-01');
  await stay.getByLabel('Check-out').fill('2027-01-30');
  await stay.getByRole('button', { name: 'Save' }).click();
  await expect(stay).toBeHidden();

  // The stay between the legs, not an "89 d" connection.
  await c.openTab('Travel');
  await expect(out.getByRole('note', { name: 'Stay between legs' })).toHaveText(
    'Stay at Harbour House · 90 nights, 2026-11-01 → 2027-01-30',
  );
  await expect(out).not.toContainText('Connection');
  await shot('timeline-stay-between-legs');

  // A double click on the armed delete button deletes nothing; a deliberate second press does.
  await page.getByRole('button', { name: 'Edit the leg Amsterdam → Tbilisi' }).click();
  const edit = c.dialog('Edit the travel leg');
  await edit.getByRole('button', { name: 'Delete this leg' }).dblclick();
  await expect(edit.getByRole('button', { name: 'Click again to delete the leg' })).toBeVisible();
  await expect(edit).toBeVisible();
  await shot('delete-armed');
  await edit.getByRole('button', { name: 'Click again to delete the leg' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('article', { name: 'Leg Amsterdam → Tbilisi' })).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();

  await c.openTab('History');
  const history = page.getByRole('table', { name: 'History' });
  await expect(history.getByRole('row', { name: /A travel leg \(deleted\).*Deleted/ })).toHaveCount(
    1,
  );
  await expect(history).not.toContainText('3300');
  await shot('history-with-deletion');
  await undo.click();
  await c.openTab('Travel');
  await expect(page.getByRole('article', { name: 'Leg Amsterdam → Tbilisi' })).toBeVisible();

  // Through the lifecycle to In transit, then Relocated asks for the arrival date.
  const statusMenu = page.getByRole('button', { name: 'Change status' }).first();
  const move = async (to: string, fill?: (d: ReturnType<CasePage['dialog']>) => Promise<void>) => {
    await statusMenu.click();
    await page.getByRole('menuitem', { name: new RegExp(`Move to ${to}$`) }).click();
    const d = c.dialog(`Move the case to ${to}`);
    if (fill) await fill(d);
    await d.getByRole('button', { name: `Move to ${to}` }).click();
    await expect(d).toBeHidden();
  };
  await move('Assessment');
  await move('Approved', (d) => d.getByLabel('Approved by').fill('M. Okafor'));
  await move('Planning');
  await move('In transit');
  await statusMenu.click();
  await page.getByRole('menuitem', { name: /Move to Relocated$/ }).click();
  const reloc = c.dialog('Move the case to Relocated');
  const arrival = reloc.getByLabel('Arrival date');
  await expect(arrival).toHaveValue('2026-11-01');
  await expect(arrival).toHaveAccessibleDescription(/Planned start: 2026-11-01/);
  await shot('transition-relocated-arrival');
  await arrival.fill('2026-11-02');
  await reloc.getByRole('button', { name: 'Move to Relocated' }).click();
  await expect(reloc).toBeHidden();
  await expect(page.getByTestId('case-dates')).toContainText('2026-11-02');

  // Set by mistake: back to In transit, with a reason; the actual start is cleared.
  await statusMenu.click();
  await page.getByRole('menuitem', { name: /Move back to In transit$/ }).click();
  const back = c.dialog('Move the case back to In transit');
  await expect(back).toContainText('The actual start (2026-11-02) is cleared.');
  await back.getByRole('button', { name: 'Move back to In transit' }).click();
  await expect(back.getByLabel(/Why move back/)).toHaveAccessibleDescription(/Give the reason/);
  await back.getByLabel(/Why move back/).fill('Marked relocated before they landed');
  await shot('transition-move-back');
  await back.getByRole('button', { name: 'Move back to In transit' }).click();
  await expect(back).toBeHidden();
  await expect(page.getByRole('group', { name: /Case/ })).toContainText('In transit');
  await expect(page.getByTestId('case-dates')).toContainText('2026-11-01');
});
