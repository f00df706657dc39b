/**
 * Itinerary packs (issue 14), printed in Chromium with page.pdf (the engine of Electron's
 * printToPDF) from the app's own print preview, read back with pdftotext:
 *   - the coordinator copy of two cases (Cedar, three people; Maple, a bus day long enough to run
 *     over a page) shows every leg's local times and zones, including a night train across the
 *     spring DST change and a flight across the date line, the stays, the documents, the budget;
 *   - the traveller copy for Cedar and her minor son holds only their legs, stays and documents:
 *     no other traveller's document number, no budget amount, no legal name, no other case;
 *   - host street addresses print in the coordinator copy and the traveller's own one in the
 *     unredacted traveller copy; the redacted traveller copy (on US Letter) holds no host
 *     address and no coordinate; a leg's terminals print with its places;
 *   - no table row is split across pages (pdftotext -layout, page by page), every page says
 *     "Confidential" and "Page n of N";
 *   - PNGs of the first two pages of each copy go to the test's artifacts.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { openHarness, serveHarness } from './fixtures/harness';
import { combobox } from './pages/Cases';
import { E2E_PASSPHRASE, VaultPage } from './pages/Vault';

/** One page laid out as printed (`-layout`), or the whole text in reading order. */
/** What harness/pack-case.ts seeds (that file belongs to the browser-side harness build). */
const PACK_FACTS = {
  legalNames: ['Nino Beridzeva', 'Luka Beridzev', 'Giorgi Kapanadzev', 'Tamar Okropiridze'],
  documents: { Cedar: 'GP4410027', Acorn: 'GP5520038', Birch: 'GP6630049', Maple: 'GP7740050' },
  budgetAmount: '3,900.00',
  hostCoordinates: ['-36.8621', '174.7398', '52.3702', '4.8952'],
  hostAddresses: { kauri: '14 Karaka Lane, Ponsonby', tulip: 'Herengracht 502-III' },
  terminals: ['Tbilisi, Main Terminal', 'Istanbul IST, Terminal 1'],
} as const;

function pdfText(path: string, page?: number): string {
  const args = page ? ['-layout', '-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}
/** The text with runs of white space collapsed, so a wrapped cell still reads as one phrase. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
/**
 * The PDF's text two ways: every page laid out (a time line is one line there, as printed) and the
 * whole text in reading order with white space collapsed (a wrapped cell reads as one phrase).
 */
function readPdf(path: string): { has: (phrase: string) => boolean; all: string } {
  const layout = Array.from({ length: pageCount(path) }, (_, i) => pdfText(path, i + 1)).join('\n');
  const reading = flat(pdfText(path));
  return {
    has: (phrase) => layout.includes(phrase) || reading.includes(phrase),
    all: `${layout}\n${reading}`,
  };
}
function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

async function printPreview(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Show print preview' }).click();
  const preview = page.getByRole('dialog', { name: 'Print preview' });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Save as PDF' })).toBeEnabled();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(path, pdf);
}

function pngs(path: string, prefix: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', path, prefix]);
}

/** Each leg row (its "Departs" line) and its booking reference print on the same page. */
function expectNoRowSplit(path: string, refs: readonly string[]): void {
  const pages = pageCount(path);
  for (let n = 1; n <= pages; n++) {
    const text = pdfText(path, n);
    expect(text, `page ${n} footer`).toContain('Confidential');
    expect(flat(text), `page ${n} number`).toContain(`Page ${n} of ${pages}`);
    const departs = (text.match(/Departs /g) ?? []).length;
    const arrives = (text.match(/Arrives /g) ?? []).length;
    const bookings = (text.match(/Booking/g) ?? []).length;
    expect([arrives, bookings], `page ${n}: every row whole`).toEqual([departs, departs]);
  }
  for (const ref of refs) {
    const on = Array.from({ length: pages }, (_, i) => i + 1).filter((n) =>
      pdfText(path, n).includes(ref),
    );
    expect(on.length, `${ref} printed on one page`).toBe(1);
  }
}

test('prints coordinator, traveller and redacted packs whose PDFs hold exactly what each copy may', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(180_000);
  await serveHarness(context);
  await openHarness(page);
  const ids = await page.evaluate(([p]) => window.havenHarness.seedPackCase(p), [
    E2E_PASSPHRASE,
  ] as const);
  await page.goto('/');
  await new VaultPage(page).unlock();
  await page.goto(`/#/cases/${ids.caseId}`);

  // Coordinator copy of Cedar and Maple.
  await page.getByRole('button', { name: 'Print itinerary pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print an itinerary pack' });
  await combobox(dialog, 'Cases in this pack').click();
  await page.getByRole('option', { name: 'Maple' }).click();
  await dialog.getByLabel('Emergency contacts').fill('Duty phone +420 555 010 300');
  const contains = dialog.getByRole('region', { name: 'What this copy contains' });
  await expect(contains).toContainText('Coordinator copy of Cedar, Maple');
  await expect(contains).toContainText('23 legs');
  await expect(contains).toContainText('No legal names (code names only)');
  await expect(contains).toContainText('Host addresses and coordinates');
  const coordinator = testInfo.outputPath('coordinator.pdf');
  await printPreview(page, coordinator);
  await page.getByRole('button', { name: 'Close preview' }).click();

  expect(execFileSync('pdfinfo', [coordinator], { encoding: 'utf8' })).toMatch(
    /Page size:\s+59[45][.\d]* x 841[.\d]* pts \(A4\)/,
  );
  const pdf = readPdf(coordinator);
  const expectText = (phrase: string) => expect(pdf.has(phrase), phrase).toBe(true);
  // Tbilisi → Istanbul, all three; then Istanbul → Auckland for Cedar and Acorn (2 h 55 later).
  expectText('Departs 04:35 GET (UTC+4)');
  expectText('Arrives 06:10 TRT (UTC+3)');
  expectText('TK383');
  expectText('Booking ref. QX7P2M');
  for (const terminal of PACK_FACTS.terminals) expectText(terminal);
  expectText('Departs 09:05 TRT (UTC+3)');
  expectText('Arrives 14:20 NZDT (UTC+13)');
  expectText('19 h 15 min');
  expectText('Connection 2 h 55 min');
  // The date line: leaves Auckland on the 3rd, lands in Honolulu on the 2nd, 8 h 45 later.
  expectText('Wednesday, March 3, 2027');
  expectText('Departs 00:30 NZDT (UTC+13)');
  expectText('Arrives 10:15 HST (UTC-10)');
  expectText('on Tue, Mar 2');
  expectText('8 h 45 min');
  // Birch: Istanbul → Paris, then the night train across the DST change (2 h 20, not 3 h 20).
  expectText('Departs 08:40 TRT (UTC+3)');
  expectText('Arrives 11:20 CET (UTC+1)');
  expectText('Sunday, March 28, 2027');
  expectText('Departs 01:30 CET (UTC+1)');
  expectText('Arrives 04:50 CEST (UTC+2)');
  expectText('2 h 20 min');
  expectText('Train · European Sleeper · ES453');
  // The static route map of each case.
  expectText('Route of Cedar');
  expectText('Route of Maple');
  // Stays, documents, contacts, budget.
  expectText('Check in at Kauri House (Auckland, New Zealand)');
  expectText('Check in at Tulip Rooms (Amsterdam, Netherlands)');
  expectText('63 nights');
  for (const number of Object.values(PACK_FACTS.documents)) expectText(number);
  expectText('New Zealand: Humanitarian visa, granted');
  expectText('Netherlands: Short-stay visa, applied');
  expectText('Duty phone +420 555 010 300');
  expectText('Protection officer: Desk Ostrava +420 555 010 200');
  expectText(PACK_FACTS.budgetAmount);
  for (const c of PACK_FACTS.hostCoordinates) expectText(c);
  expectText(PACK_FACTS.hostAddresses.kauri);
  expectText(PACK_FACTS.hostAddresses.tulip);
  for (const name of PACK_FACTS.legalNames) expect(pdf.all).not.toContain(name);
  expectNoRowSplit(
    coordinator,
    Array.from({ length: 18 }, (_, i) => `MPL${1000 + i}`),
  );
  // The long bus day did run over a page (so the row check above saw a real page break).
  const pages = pageCount(coordinator);
  const busPages = Array.from({ length: pages }, (_, i) => i + 1).filter((n) =>
    pdfText(coordinator, n).includes('Roissybus'),
  );
  expect(busPages.length).toBeGreaterThan(1);
  pngs(coordinator, testInfo.outputPath('coordinator'));

  // Traveller copy for Cedar with her minor son; Cedar's legal name left unticked.
  await dialog.getByRole('radio', { name: 'Traveller copy' }).check();
  await combobox(dialog, 'Traveller').click();
  await page.getByRole('option', { name: 'Cedar (case Cedar)' }).click();
  await expect(contains).toContainText('Traveller copy for Cedar, Acorn (case Cedar) only.');
  await expect(contains).toContainText('3 legs');
  await expect(contains).toContainText('No budget');
  await expect(contains).toContainText('No other case and no other person');
  const traveller = testInfo.outputPath('traveller.pdf');
  await printPreview(page, traveller);
  await page.getByRole('button', { name: 'Close preview' }).click();
  const ownPdf = readPdf(traveller);
  const own = ownPdf.all;
  const expectOwn = (phrase: string) => expect(ownPdf.has(phrase), phrase).toBe(true);
  expectOwn('Traveller copy for Cedar, Acorn');
  expectOwn('Route of Cedar');
  expectOwn('Departs 04:35 GET (UTC+4)');
  expectOwn('Arrives 10:15 HST (UTC-10)');
  expectOwn('Booking ref. HN5DLX');
  expectOwn('Cedar, Acorn and 1 other');
  expectOwn(PACK_FACTS.documents.Cedar);
  expectOwn(PACK_FACTS.documents.Acorn);
  expectOwn('Check in at Kauri House');
  expectOwn('-36.8621');
  expectOwn(PACK_FACTS.hostAddresses.kauri);
  expectOwn(PACK_FACTS.terminals[0]);
  expect(own).not.toContain(PACK_FACTS.hostAddresses.tulip);
  expect(own).not.toContain(PACK_FACTS.documents.Birch);
  expect(own).not.toContain(PACK_FACTS.documents.Maple);
  expect(own).not.toContain(PACK_FACTS.budgetAmount);
  expect(own).not.toContain('EUR');
  expect(own).not.toContain('€');
  expect(own).not.toContain('Budget');
  expect(own).not.toContain('Birch');
  expect(own).not.toContain('Maple');
  expect(own).not.toContain('Tulip Rooms');
  expect(own).not.toContain('ES453');
  expect(own).not.toContain('ZB2LQ9');
  for (const name of PACK_FACTS.legalNames) expect(own).not.toContain(name);
  expectNoRowSplit(traveller, ['QX7P2M', 'RW4K8T', 'HN5DLX']);
  pngs(traveller, testInfo.outputPath('traveller'));

  // The same copy with host addresses and coordinates left out, on US Letter.
  await dialog.getByRole('switch', { name: 'Leave out host addresses and coordinates' }).check();
  await dialog.getByRole('radio', { name: 'US Letter' }).check();
  await expect(contains).toContainText('No host address or coordinates');
  const redacted = testInfo.outputPath('traveller-redacted.pdf');
  await printPreview(page, redacted);
  const hiddenPdf = readPdf(redacted);
  const hidden = hiddenPdf.all;
  expect(hiddenPdf.has('Kauri House')).toBe(true);
  expect(hiddenPdf.has('Address and exact location left out of this copy')).toBe(true);
  for (const c of PACK_FACTS.hostCoordinates) expect(hidden).not.toContain(c);
  for (const a of Object.values(PACK_FACTS.hostAddresses)) expect(hidden).not.toContain(a);
  expect(hidden).not.toContain('Karaka');
  expect(hidden).not.toContain('Herengracht');
  // Terminals are not a host's address: the redacted copy still prints them.
  expect(hiddenPdf.has(PACK_FACTS.terminals[0]), PACK_FACTS.terminals[0]).toBe(true);
  expect(hidden).not.toMatch(/Coordinates -?\d/);
  expect(execFileSync('pdfinfo', [redacted], { encoding: 'utf8' })).toMatch(
    /Page size:\s+612 x 792/,
  );
  expectNoRowSplit(redacted, ['QX7P2M', 'RW4K8T', 'HN5DLX']);
  pngs(redacted, testInfo.outputPath('traveller-redacted'));

  // Save as PDF in a browser opens the print dialog, and says where "Save as PDF" is.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Save as PDF' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});
