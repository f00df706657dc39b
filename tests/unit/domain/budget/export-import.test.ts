/** The finance sheet as CSV and XLSX data, and CSV files refused or read whole. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import {
  budgetCsv,
  budgetItems,
  budgetSheet,
  csvProblemMessage,
  csvRecords,
  exchangeRatesFromCsv,
  firstProblem,
  guardCell,
  guessMapping,
  previewActuals,
  rateBook,
  readCsv,
  xlsxSheet,
  MAX_IMPORT_BYTES,
} from '../../../../src/domain/budget';
import { currency } from '../../../../src/domain/money';
import { makeBudgetLine, makeCase, makeExchangeRate } from '../../builders';

const EUR = currency('EUR');
const enc = (s: string) => new TextEncoder().encode(s);

describe('CSV export', () => {
  const c = makeCase();
  const items = budgetItems(
    c,
    [],
    [
      makeBudgetLine({
        id: 'a',
        description: 'Taxi\nairport',
        unitAmount: 2000,
        currency: 'USD',
        date: '2026-03-02',
      }),
      makeBudgetLine({
        id: 'b',
        description: '=HYPERLINK("x")',
        unitAmount: -550,
        kind: 'actual',
        date: '2026-03-03',
      }),
      makeBudgetLine({ id: 'c', category: 'legal', unitAmount: 10000, date: '2026-03-04' }),
    ],
  );
  const book = rateBook([
    makeExchangeRate({ from: 'USD', to: 'EUR', rate: '0.9', asOf: '2026-03-01' }),
  ]);
  const sheet = budgetSheet(
    [{ caseId: c.id, codeName: c.codeName, items }],
    EUR,
    book,
    'nights',
    'Budget',
  );

  it('Given lines, When written as CSV, Then BOM, CRLF, quoted newline, formula guarded and the refund kept negative', () => {
    const text = budgetCsv(sheet);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('"Taxi\nairport"');
    expect(text.split('\r\n').length).toBeGreaterThan(5);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const refund = rows.find((r) => r['Actual'] === '-5.50');
    expect(refund?.['Description']).toBe('\'=HYPERLINK("x")');
    expect(rows.find((r) => r['Row'] === 'total')).toMatchObject({
      'Planned (reporting)': '118.00',
      'Actual (reporting)': '-5.50',
    });
    expect(rows.find((r) => r['Description'] === 'Taxi\nairport')).toMatchObject({
      Rate: '0.9',
      'Rate date': '2026-03-01',
      'Planned (reporting)': '18.00',
    });
  });
  it('Given fields with quotes, commas, CR, LF, formula starts and accents, When written, Then the bytes equal csv-stringify with the documented options', () => {
    const tricky = budgetItems(
      c,
      [],
      ['say "hi", then go', 'a\rb', 'x\r\ny', '@user', '-cmd', 'Zoë, Tbilisi', '+', ' pad '].map(
        (description, n) =>
          makeBudgetLine({
            id: `t${n}`,
            description,
            notes: n % 2 ? '=1+1' : 'plain',
            unitAmount: n % 3 ? 1234 : -1,
            date: `2026-03-0${n + 1}`,
          }),
      ),
    );
    const s = budgetSheet(
      [{ caseId: c.id, codeName: 'Heron, "the"', items: tricky }],
      EUR,
      book,
      'nights',
      'Budget',
    );
    const expected = stringify(csvRecords(s), {
      bom: true,
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
    });
    expect(budgetCsv(s)).toBe(expected);
    const rows = parse(budgetCsv(s), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Description'])).toContain('say "hi", then go');
  });
  it('Given cells, When guarded, Then numbers pass and formula starts are neutralised', () => {
    expect(guardCell('-12.50')).toBe('-12.50');
    expect(guardCell('-cmd')).toBe("'-cmd");
    expect(guardCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardCell('+1-2')).toBe("'+1-2");
  });
  it('Given the sheet, When laid out for XLSX, Then subtotals are SUBTOTAL formulas over their lines and rates are in the header', () => {
    const x = xlsxSheet(sheet, 'Heron');
    const formulas = x.data
      .flat()
      .filter(
        (c): c is { type: 'Formula'; value: string } =>
          typeof c === 'object' && c !== null && 'type' in c && c.type === 'Formula',
      )
      .map((c) => c.value);
    const headerRow =
      x.data.findIndex((r) => (r[0] as { value?: string } | undefined)?.value === 'Case') + 1;
    const first = headerRow + 1;
    expect(formulas).toEqual([
      `SUBTOTAL(9,K${first}:K${first + 1})`,
      `SUBTOTAL(9,L${first}:L${first + 1})`,
      `SUBTOTAL(9,K${first + 3}:K${first + 3})`,
      `SUBTOTAL(9,L${first + 3}:L${first + 3})`,
      `SUBTOTAL(9,K${first}:K${first + 4})`,
      `SUBTOTAL(9,L${first}:L${first + 4})`,
    ]);
    expect(x.data.some((r) => r[0] === '1 USD = 0.9 EUR (2026-03-01)')).toBe(true);
  });
});

describe('CSV import', () => {
  const header = 'Date,Description,Amount,Currency,Category,Payee\r\n';
  const target = { caseId: 'case-1' as never, funder: 'Fund A', grantCode: 'G-1' };
  const read = (text: string) => readCsv(enc(text), ['Date', 'Amount']);

  it('Given bad files, When read, Then each is refused naming its line and problem', () => {
    const msg = (r: ReturnType<typeof read>) => (r.ok ? 'read' : csvProblemMessage(r.error));
    expect(msg(read('Date;Amount;Currency\r\n2026-01-01;1;EUR\r\n'))).toMatch(
      /^Line 1 separates columns with semicolons/,
    );
    expect(msg(read('2026-01-01,12.00,EUR\r\n'))).toMatch(/^Line 1 should name the columns/);
    expect(msg(read(`${header}2026-01-01,Taxi,12.00\r\n`))).toMatch(
      /^Line 2: this row has another number of columns/,
    );
    expect(msg(readCsv(new Uint8Array([0x44, 0x61, 0x0a, 0x00, 0x01]), []))).toMatch(
      /^Line 2 holds bytes that are not text/,
    );
    const big = { length: MAX_IMPORT_BYTES + 1, indexOf: () => -1 } as unknown as Uint8Array;
    expect(msg(readCsv(big, []))).toMatch(/files up to 50 MB/);
  });

  it('Given rows with a bad amount, unknown currency, bad date and a duplicate, When previewed, Then every problem names its line and nothing is accepted', () => {
    const r = read(
      `${header}2026-03-01,Taxi,12.50,EUR,Travel,Cab Co\r\n2026-03-01,Taxi,12.50,EUR,Travel,Cab Co\r\n2026-02-30,Hotel,40,EUR,,\r\n2026-03-02,Lawyer,12,50,XYZ,Legal,\r\n2026-03-03,SIM,1.2.3,EUR,Communications,\r\n`,
    );
    // the fourth row has an extra comma: the reader refuses it first
    expect(r.ok).toBe(false);
    const ok = read(
      `${header}2026-03-01,Taxi,12.50,EUR,Travel,Cab Co\r\n2026-03-01,Taxi,12.50,EUR,Travel,Cab Co\r\n2026-02-30,Hotel,40,EUR,,\r\n2026-03-02,Lawyer,12,XYZ,Legal,\r\n2026-03-03,SIM,1.2.3,EUR,Communications,\r\n`,
    );
    if (!ok.ok) throw new Error('expected a table');
    const p = previewActuals(ok.value, guessMapping(ok.value.header), target, []);
    expect(p.ok).toBe(false);
    expect(p.rows.map((x) => [x.line, x.problems.length > 0])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [5, true],
      [6, true],
    ]);
    expect(p.rows[1]?.problems[0]).toBe('This row repeats line 2');
    expect(p.rows[3]?.problems[0]).toMatch(/^Currency "XYZ"/);
    expect(firstProblem(p)).toMatch(
      /^Line 3: This row repeats line 2 \(and 3 more rows with problems\)\. Nothing was imported/,
    );
  });

  it('Given a good file, When previewed, Then every row becomes an actual line with the case funder by default', () => {
    const ok = read(
      `${header}2026-03-01,Taxi,12.50,EUR,Travel,Cab Co\r\n2026-03-02,Refund,-3.00,USD,Other,\r\n`,
    );
    if (!ok.ok) throw new Error('expected a table');
    const p = previewActuals(ok.value, guessMapping(ok.value.header), target, []);
    expect(p.ok).toBe(true);
    expect(
      p.rows.map(
        (x) => x.input && [x.input.kind, x.input.unitAmount, x.input.currency, x.input.funder],
      ),
    ).toEqual([
      ['actual', 1250, 'EUR', 'Fund A'],
      ['actual', -300, 'USD', 'Fund A'],
    ]);
    const again = previewActuals(ok.value, guessMapping(ok.value.header), target, [
      makeBudgetLine({
        kind: 'actual',
        description: 'Taxi',
        unitAmount: 1250,
        date: '2026-03-01',
        payee: 'Cab Co',
      }),
    ]);
    expect(again.rows[0]?.problems[0]).toMatch(/already in the case/);
  });

  it('Given an exchange-rate CSV, When read, Then rows are checked by the schema and a bad row refuses the file', () => {
    const good = read('from,to,rate,date,source\r\nUSD,EUR,0.91,2026-03-01,ECB\r\n');
    if (!good.ok) throw new Error('expected a table');
    expect(exchangeRatesFromCsv(good.value).inputs).toHaveLength(1);
    const bad = read('from,to,rate,date\r\nUSD,EUR,0.91,2026-03-01\r\nUSD,EUR,abc,2026-03-02\r\n');
    if (!bad.ok) throw new Error('expected a table');
    const r = exchangeRatesFromCsv(bad.value);
    expect(r.inputs).toEqual([]);
    expect(r.problems[0]).toMatch(/^Line 3: Enter the rate/);
  });
});
