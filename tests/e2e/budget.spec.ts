/**
 * Budget, end to end (issue 12): a case whose budget mixes EUR and USD is exported for finance as
 * CSV and XLSX through the platform seam (the browser's download), and both files are read back
 * with independent readers (csv-parse; exceljs): every total to the minor unit, the rate and its
 * date, the subtotal formulas, and no legal name, host address or coordinate anywhere. Then
 * actual expenses are imported from CSV: a file with one bad row is refused whole, naming the
 * row; the fixed file is imported and the totals move.
 *
 * The seeded budget (tests/e2e/harness/budget-seed.ts), in EUR:
 *   accommodation 30 nights × 60.00                      = 1800.00
 *   per diem 30 person-days × 40.00 + 30 × 20.00 (child)  = 1800.00
 *   travel USD 450.00 × 0.9213 (2027-01-01) = 414.585    →  414.59
 *   legal 2 × 150.00                                      =  300.00
 *   total planned                                          = 4314.59
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures/app';
import { openHarness, serveHarness } from './fixtures/harness';
import { E2E_PASSPHRASE, VaultPage } from './pages/Vault';

const NEVER = [
  'Nino Beridze',
  'Luka Beridze',
  'Prinsengracht',
  '52.37519',
  '4.88395',
  '52.3676',
  '4.9041',
];

async function seeded(page: Page): Promise<string> {
  await serveHarness(page.context());
  await openHarness(page);
  const { caseId } = await page.evaluate(([p]) => window.havenHarness.seedBudget(p), [
    E2E_PASSPHRASE,
  ] as const);
  await page.goto('/');
  await new VaultPage(page).unlock();
  await page.goto(`/#/cases/${caseId}/budget`);
  await expect(page.getByRole('table', { name: 'Budget by category' })).toBeVisible();
  return caseId;
}

async function exportFile(page: Page, button: string, save: string, file: string): Promise<Buffer> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: 'Export for finance' });
  await expect(dialog).toContainText('This file is not encrypted');
  await expect(dialog).toContainText(
    'case code names only: never legal names, host addresses or coordinates',
  );
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: save }).click();
  const download = await downloading;
  await download.saveAs(file);
  await expect(dialog).toBeHidden();
  return readFileSync(file);
}

const minor = (n: number, digits = 2) => Math.round(n * 10 ** digits);

test('exports a two-currency budget as CSV and XLSX that read back to the minor unit, with rates, formulas and code names only', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'haven-budget-'));
  try {
    await seeded(page);
    const byCategory = page.getByRole('table', { name: 'Budget by category' });
    await expect(byCategory.getByLabel('Total planned')).toHaveText('€4,314.59');
    await expect(page.getByText('Per diem counts one person-day per night')).toBeVisible();
    const lines = page.getByRole('table', { name: 'Budget lines' });
    await expect(lines).toContainText('30 nights × €60.00 at Harbour House');
    await expect(lines).toContainText('at 0.9213 (2027-01-01)');

    // CSV
    const csv = await exportFile(page, 'Export CSV', 'Save CSV', join(dir, 'budget.csv'));
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csvText = csv.toString('utf8');
    expect(csvText).toContain('\r\n');
    const rows = parse(csvText, { bom: true, columns: true }) as Record<string, string>[];
    const lineRows = rows.filter((r) => r['Row'] === 'line');
    expect(lineRows).toHaveLength(5);
    const sum = (rs: Record<string, string>[], col: string) =>
      rs.reduce((n, r) => n + minor(Number(r[col] || 0)), 0);
    expect(sum(lineRows, 'Planned (reporting)')).toBe(431459);
    const total = rows.find((r) => r['Row'] === 'total');
    expect(minor(Number(total?.['Planned (reporting)']))).toBe(431459);
    expect(total?.['Arithmetic']).toContain('counted as nights');
    const subtotals = Object.fromEntries(
      rows
        .filter((r) => r['Row'] === 'subtotal')
        .map((r) => [r['Category'], minor(Number(r['Planned (reporting)']))]),
    );
    expect(subtotals).toEqual({
      Travel: 41459,
      Accommodation: 180000,
      'Per diem': 180000,
      Legal: 30000,
    });
    const travel = lineRows.find((r) => r['Category'] === 'Travel');
    expect(travel).toMatchObject({
      Planned: '450.00',
      Currency: 'USD',
      Rate: '0.9213',
      'Rate date': '2027-01-01',
      'Planned (reporting)': '414.59',
      Case: 'Cedar',
    });
    for (const secret of NEVER) expect(csvText).not.toContain(secret);

    // XLSX
    const xlsx = await exportFile(page, 'Export XLSX', 'Save XLSX', join(dir, 'budget.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const text: string[] = [];
    const formulas: { row: number; col: number; formula: string }[] = [];
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && 'formula' in (v as object))
          formulas.push({ row: r, col: c, formula: (v as { formula: string }).formula });
        text.push(String(cell.text ?? ''));
      }),
    );
    const all = text.join('\n');
    for (const secret of NEVER) expect(all).not.toContain(secret);
    const labelRow = (label: string) => {
      let found = 0;
      ws.eachRow((row, r) => {
        if (!found && row.getCell(1).text === label) found = r;
      });
      return found;
    };
    expect(ws.getRow(labelRow('Reporting currency')).getCell(2).text).toBe('EUR');
    expect(ws.getRow(labelRow('Period')).getCell(2).text).toBe('2027-01-10 to 2027-01-20');
    const rateRow = ws.getRow(labelRow('1 USD = 0.9213 EUR (2027-01-01)'));
    expect([
      rateRow.getCell(3).text,
      rateRow.getCell(4).text,
      rateRow.getCell(5).text,
      rateRow.getCell(6).text,
    ]).toEqual(['USD', 'EUR', '0.9213', '2027-01-01']);
    const header = labelRow('Case');
    // Lines: rows with a code name and a date; subtotal rows have formulas in K and L.
    let linesTotal = 0;
    const lineRowsX: number[] = [];
    ws.eachRow((row, r) => {
      if (r > header && row.getCell(1).text === 'Cedar' && row.getCell(2).text !== '') {
        lineRowsX.push(r);
        const k = row.getCell(11).value;
        if (typeof k === 'number') linesTotal += minor(k);
      }
    });
    expect(lineRowsX).toHaveLength(5);
    expect(linesTotal).toBe(431459);
    expect(ws.getRow(lineRowsX[0] ?? 0).getCell(11).numFmt).toBe('#,##0.00 "EUR"');
    const travelRow = lineRowsX
      .map((r) => ws.getRow(r))
      .find((r) => r.getCell(3).text === 'Travel');
    expect(travelRow?.getCell(6).value).toBe(450);
    expect(travelRow?.getCell(6).numFmt).toBe('#,##0.00 "USD"');
    // Subtotals are SUBTOTAL formulas over exactly their category's lines; the total over all lines.
    const kFormulas = formulas.filter((f) => f.col === 11).map((f) => f.formula);
    const first = lineRowsX[0] ?? 0;
    const last = (lineRowsX.at(-1) ?? 0) + 1;
    expect(kFormulas).toEqual([
      `SUBTOTAL(9,K${first}:K${first})`,
      `SUBTOTAL(9,K${first + 2}:K${first + 2})`,
      `SUBTOTAL(9,K${first + 4}:K${first + 5})`,
      `SUBTOTAL(9,K${first + 7}:K${first + 7})`,
      `SUBTOTAL(9,K${first}:K${last})`,
    ]);
    // Evaluate each subtotal from the cells it names, to the minor unit.
    const evalSubtotal = (f: string) => {
      const m = /K(\d+):K(\d+)/.exec(f);
      let n = 0;
      for (let r = Number(m?.[1]); r <= Number(m?.[2]); r++) {
        const v = ws.getRow(r).getCell(11).value;
        if (typeof v === 'number') n += minor(v);
      }
      return n;
    };
    expect(kFormulas.map(evalSubtotal)).toEqual([41459, 180000, 180000, 30000, 431459]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('imports actual expenses from CSV: one bad row refuses the whole file naming the row; the fixed file is imported and the totals move', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'haven-actuals-'));
  try {
    await seeded(page);
    const byCategory = page.getByRole('table', { name: 'Budget by category' });
    await expect(byCategory.getByLabel('Total actual')).toHaveText('€0.00');
    const header = 'Date,Description,Amount,Currency,Category,Payee\r\n';
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      `${header}2027-01-10,Taxi from the airport,45.00,EUR,Travel,City Cabs\r\n2027-01-12,SIM cards,20.00,EUQ,Communications,Telco\r\n`,
    );
    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      `${header}2027-01-10,Taxi from the airport,45.00,EUR,Travel,City Cabs\r\n2027-01-12,SIM cards,20.00,USD,Communications,Telco\r\n`,
    );

    await page.getByRole('button', { name: 'Import actuals (CSV)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import actual expenses for Cedar' });
    const choose = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Choose CSV file' }).click();
      await (await chooser).setFiles(file);
    };
    await choose(bad);
    await expect(dialog.getByRole('alert')).toContainText(
      'Line 3: Currency "EUQ" is not an ISO 4217 code',
    );
    await expect(dialog.getByRole('alert')).toContainText('Nothing was imported');
    await expect(dialog.getByRole('button', { name: /^Import 2 rows$/ })).toBeDisabled();

    await choose(good);
    await expect(
      dialog.getByRole('table', { name: 'Rows to import' }).getByRole('row'),
    ).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect(dialog.getByRole('status')).toHaveText('2 expenses imported.');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    // 45.00 EUR + 20.00 USD × 0.9213 = 18.426 → 18.43: 63.43 EUR actual.
    await expect(byCategory.getByLabel('Total actual')).toHaveText('€63.43');
    await expect(byCategory.getByLabel('Total planned')).toHaveText('€4,314.59');
    await page.screenshot({ path: 'test-results/budget-tab.png', fullPage: true });
    await page.goto('/#/budget');
    const totals = page.getByRole('table', { name: 'Budget totals' });
    await expect(totals.getByRole('row', { name: /2027-01/ })).toContainText('€4,314.59');
    // Each figure opens the lines behind it: five planned lines in January 2027.
    await totals.getByRole('button', { name: /^Show the lines behind 2027-01 Planned$/ }).click();
    const behind = page.getByRole('table', { name: /^Lines behind 2027-01/ });
    await expect(behind.getByRole('row')).toHaveCount(5);
    await expect(behind).toContainText('Asylum lawyer consultation');
    await page.screenshot({ path: 'test-results/budget-page.png', fullPage: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
