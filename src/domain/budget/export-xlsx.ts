/**
 * The budget sheet as workbook data for write-excel-file (the features write the file): a header
 * block (title, reporting currency, period, per diem convention, that the file is not encrypted,
 * every rate used with its date), then the lines with currency-formatted amounts, a subtotal row
 * per category whose reporting-currency cells are formulas (`SUBTOTAL(9, …)` over the lines
 * above it) and a total row that is a formula too. write-excel-file stores formulas without
 * cached results; a spreadsheet computes them on opening.
 */
import type { Cell, Row } from 'write-excel-file/universal';
import { currencyDigits } from '../money';
import { rateLabel } from './rates';
import { CATEGORY_NAMES, type BudgetSheet } from './export-sheet';

export const XLSX_COLUMNS = [
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
  'Funder',
  'Grant code',
  'Payee',
  'Notes',
] as const;
/** Columns of the reporting-currency amounts (K, L). */
export const PLANNED_REPORTING_COLUMN = 'K';
export const ACTUAL_REPORTING_COLUMN = 'L';

/** An Excel number format showing `code`'s minor-unit digits, e.g. `#,##0.00 "EUR"`. */
export function currencyFormat(code: string): string {
  const d = currencyDigits(code);
  return `#,##0${d > 0 ? `.${'0'.repeat(d)}` : ''} "${code}"`;
}

/** Per currency, its format and the divisor of its minor units, made once per export. */
type Formats = Map<string, { format: string; divisor: number }>;

function amountCell(minor: number, code: string, formats: Formats): Cell {
  let f = formats.get(code);
  if (!f)
    formats.set(code, (f = { format: currencyFormat(code), divisor: 10 ** currencyDigits(code) }));
  return { value: minor / f.divisor, type: Number, format: f.format };
}

export interface XlsxSheet {
  readonly name: string;
  readonly data: Row[];
  readonly columns: { width: number }[];
}

/** A sheet name Excel accepts (31 characters, none of []:*?/\). */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Budget';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

export function xlsxSheet(sheet: BudgetSheet, name: string): XlsxSheet {
  const cur = sheet.currency;
  const formats: Formats = new Map();
  const bold = (value: string): Cell => ({ value, type: String, fontWeight: 'bold' });
  const data: Row[] = [
    [bold(sheet.title)],
    ['Reporting currency', cur],
    ['Period', sheet.period ? `${sheet.period.from} to ${sheet.period.to}` : 'No lines'],
    ['Per diem convention', sheet.conventionText],
    ['Not encrypted', 'This file is not encrypted: keep it where only finance can read it.'],
    [
      bold('Exchange rates used'),
      sheet.ratesUsed.length === 0 ? 'None' : '',
      'From',
      'To',
      'Rate',
      'Date',
    ],
  ];
  for (const r of sheet.ratesUsed) data.push([rateLabel(r), '', r.from, r.to, r.rate, r.asOf]);
  for (const m of sheet.missing)
    data.push([
      `Missing: no rate ${m.from} to ${m.to} on or before ${m.date}`,
      '',
      m.from,
      m.to,
      '',
      m.date,
    ]);
  data.push([]);
  data.push(XLSX_COLUMNS.map((c) => bold(c)));
  // Row numbers are 1-based; the first line is on the row after the table header.
  const firstRow = data.length + 1;
  const rowOf = (index: number) => firstRow + index;
  for (const [index, r] of sheet.rows.entries()) {
    if (r.type === 'line') {
      const { item, total, converted } = r.converted;
      const rate = converted.ok ? converted.rate : null;
      const rep = converted.ok ? amountCell(converted.amount.amount, cur, formats) : null;
      data.push([
        r.caseCode,
        item.date,
        CATEGORY_NAMES[item.category],
        item.description,
        r.arithmetic,
        item.kind === 'planned' ? amountCell(total, item.currency, formats) : null,
        item.kind === 'actual' ? amountCell(total, item.currency, formats) : null,
        item.currency,
        rate ? rate.rate : item.currency === cur ? '1' : 'missing',
        rate ? rate.asOf : '',
        item.kind === 'planned' ? rep : null,
        item.kind === 'actual' ? rep : null,
        item.funder,
        item.grantCode,
        item.payee,
        converted.ok ? item.notes : `No rate ${item.currency} to ${cur} on or before ${item.date}`,
      ]);
    } else if (r.type === 'subtotal') {
      const range = (col: string) => `${col}${rowOf(r.first)}:${col}${rowOf(r.last)}`;
      data.push([
        r.caseCode,
        '',
        CATEGORY_NAMES[r.category],
        bold(`Subtotal ${CATEGORY_NAMES[r.category]}`),
        '',
        null,
        null,
        '',
        '',
        '',
        formulaCell(`SUBTOTAL(9,${range(PLANNED_REPORTING_COLUMN)})`, cur),
        formulaCell(`SUBTOTAL(9,${range(ACTUAL_REPORTING_COLUMN)})`, cur),
      ]);
    } else {
      const last = rowOf(index - 1);
      const range = (col: string) => `${col}${firstRow}:${col}${Math.max(last, firstRow)}`;
      data.push([
        bold('Total'),
        '',
        '',
        sheet.conventionText,
        '',
        null,
        null,
        '',
        '',
        '',
        formulaCell(`SUBTOTAL(9,${range(PLANNED_REPORTING_COLUMN)})`, cur),
        formulaCell(`SUBTOTAL(9,${range(ACTUAL_REPORTING_COLUMN)})`, cur),
      ]);
    }
  }
  const widths = [14, 11, 16, 40, 48, 14, 14, 9, 10, 11, 16, 16, 18, 14, 18, 30];
  return { name, data, columns: widths.map((width) => ({ width })) };
}

function formulaCell(formula: string, code: string): Cell {
  return { value: formula, type: 'Formula', format: currencyFormat(code), fontWeight: 'bold' };
}
