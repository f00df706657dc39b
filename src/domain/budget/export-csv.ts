/**
 * The budget sheet as CSV for finance: UTF-8 with a byte-order mark (spreadsheets then read the
 * accents right), CRLF records, RFC 4180 quoting (a field with a newline, quote or comma is
 * quoted), and a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR)
 * neutralised with a leading apostrophe, except plain numbers, so "-12.50" stays a refund.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { toDecimalString } from '../money';
import { CATEGORY_NAMES, type BudgetSheet } from './export-sheet';

export const CSV_COLUMNS = [
  'Row',
  'Case',
  'Date',
  'Category',
  'Description',
  'Arithmetic',
  'Planned',
  'Actual',
  'Currency',
  'Rate',
  'Rate date',
  'Planned (reporting)',
  'Actual (reporting)',
  'Reporting currency',
  'Funder',
  'Grant code',
  'Payee',
  'Notes',
] as const;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** First characters that make a spreadsheet read a cell as a formula: = + - @ tab CR. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/** A cell that cannot start a formula in a spreadsheet; plain numbers pass unchanged. */
export function guardCell(value: string): string {
  if (value === '' || !FORMULA_START.has(value.charCodeAt(0)) || NUMBER.test(value)) return value;
  return `'${value}`;
}

/** The records of the CSV (header first), every cell guarded. */
export function csvRecords(sheet: BudgetSheet): string[][] {
  const cur = sheet.currency;
  const out: string[][] = [[...CSV_COLUMNS]];
  for (const r of sheet.rows) {
    let row: string[];
    if (r.type === 'line') {
      const { item, total, converted } = r.converted;
      const amount = toDecimalString(total, item.currency);
      const rep = converted.ok ? toDecimalString(converted.amount.amount, cur) : '';
      const rate = converted.ok ? converted.rate : null;
      const note = converted.ok
        ? item.notes
        : `No rate ${item.currency} to ${cur} on or before ${item.date}${item.notes ? `; ${item.notes}` : ''}`;
      row = [
        'line',
        r.caseCode,
        item.date,
        CATEGORY_NAMES[item.category],
        item.description,
        r.arithmetic,
        item.kind === 'planned' ? amount : '',
        item.kind === 'actual' ? amount : '',
        item.currency,
        rate ? rate.rate : item.currency === cur ? '1' : '',
        rate ? rate.asOf : '',
        item.kind === 'planned' ? rep : '',
        item.kind === 'actual' ? rep : '',
        cur,
        item.funder,
        item.grantCode,
        item.payee,
        note,
      ];
    } else if (r.type === 'subtotal') {
      row = [
        'subtotal',
        r.caseCode,
        '',
        CATEGORY_NAMES[r.category],
        `Subtotal ${CATEGORY_NAMES[r.category]}`,
        '',
        '',
        '',
        '',
        '',
        '',
        toDecimalString(r.planned, cur),
        toDecimalString(r.actual, cur),
        cur,
        '',
        '',
        '',
        '',
      ];
    } else {
      row = [
        'total',
        '',
        '',
        '',
        'Total',
        sheet.conventionText,
        '',
        '',
        '',
        '',
        '',
        toDecimalString(r.planned, cur),
        toDecimalString(r.actual, cur),
        cur,
        '',
        '',
        '',
        '',
      ];
    }
    out.push(row.map(guardCell));
  }
  return out;
}

/** The CSV text, BOM first (csv-stringify: RFC 4180 quoting, CRLF records). */
export function budgetCsv(sheet: BudgetSheet): string {
  return stringify(csvRecords(sheet), {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}
