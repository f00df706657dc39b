/**
 * Import of actual expenses from CSV: the columns are mapped to fields (guessed from the header,
 * changed by the coordinator), every row is checked (a real date, a known currency, an amount in
 * that currency's digits, a known category, no row repeated in the file or already in the
 * case), and the result is all rows as budget lines or a list of problems by line: the caller
 * writes everything in one transaction or nothing.
 */
import { BUDGET_CATEGORIES, type BudgetCategory, type BudgetLineInput } from '../entities/budget';
import type { BudgetLine } from '../entities/budget';
import type { CaseId } from '../ids';
import {
  type MinorUnits,
  isCurrencyCode,
  moneyErrorMessage,
  parseAmount,
  toDecimalString,
} from '../money';
import { dateErrorMessage, parseIsoDate, PLAN_DATE_RANGE } from '../time';
import type { CsvTable } from './import-csv';
import { CATEGORY_NAMES } from './export-sheet';

export const ACTUAL_FIELDS = [
  'date',
  'description',
  'amount',
  'currency',
  'category',
  'payee',
  'funder',
  'grantCode',
  'notes',
] as const;
export type ActualField = (typeof ACTUAL_FIELDS)[number];
export const REQUIRED_ACTUAL_FIELDS: readonly ActualField[] = [
  'date',
  'description',
  'amount',
  'currency',
];
/** Column index per field; -1 when not mapped. */
export type ColumnMapping = Record<ActualField, number>;

const SYNONYMS: Record<ActualField, readonly string[]> = {
  date: ['date', 'paid on', 'day'],
  description: ['description', 'item', 'what', 'details'],
  amount: ['amount', 'actual', 'value', 'sum', 'paid'],
  currency: ['currency', 'cur', 'ccy'],
  category: ['category', 'type'],
  payee: ['payee', 'paid to', 'vendor', 'supplier'],
  funder: ['funder', 'donor'],
  grantCode: ['grant code', 'grant', 'grantcode'],
  notes: ['notes', 'note', 'comment', 'comments'],
};

/** The mapping guessed from the header's names. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const names = header.map((h) => h.trim().toLowerCase());
  const out = {} as ColumnMapping;
  for (const f of ACTUAL_FIELDS) out[f] = names.findIndex((n) => SYNONYMS[f].includes(n));
  return out;
}

export interface PreviewRow {
  readonly line: number;
  readonly input: BudgetLineInput | null;
  readonly problems: readonly string[];
}

export interface ActualsPreview {
  readonly rows: readonly PreviewRow[];
  /** Problems of the mapping itself (a required field without a column). */
  readonly mappingProblems: readonly string[];
  readonly ok: boolean;
}

function categoryOf(text: string): BudgetCategory | null {
  const t = text.trim().toLowerCase();
  if (t === '') return 'other';
  for (const c of BUDGET_CATEGORIES)
    if (c === t.replace(/\s+/g, '_') || CATEGORY_NAMES[c].toLowerCase() === t) return c;
  return null;
}

function fingerprint(l: {
  date: string;
  description: string;
  unitAmount: number;
  currency: string;
  payee?: string;
}): string {
  return [
    l.date,
    l.description.trim().toLowerCase(),
    l.unitAmount,
    l.currency,
    (l.payee ?? '').trim().toLowerCase(),
  ].join('|');
}

const FIELD_NAMES: Record<ActualField, string> = {
  date: 'Date',
  description: 'Description',
  amount: 'Amount',
  currency: 'Currency',
  category: 'Category',
  payee: 'Payee',
  funder: 'Funder',
  grantCode: 'Grant code',
  notes: 'Notes',
};

export function previewActuals(
  table: CsvTable,
  mapping: ColumnMapping,
  target: { caseId: CaseId; funder: string; grantCode: string },
  existing: readonly BudgetLine[],
  decimalSeparator: '.' | ',' = '.',
): ActualsPreview {
  const mappingProblems = REQUIRED_ACTUAL_FIELDS.filter((f) => mapping[f] < 0).map(
    (f) => `Choose the column that holds the ${FIELD_NAMES[f].toLowerCase()}`,
  );
  if (mappingProblems.length > 0) return { rows: [], mappingProblems, ok: false };
  const seen = new Map<string, number>();
  for (const l of existing)
    if (l.kind === 'actual' && l.caseId === target.caseId) seen.set(fingerprint(l), 0);
  const rows: PreviewRow[] = [];
  for (const r of table.rows) {
    const cell = (f: ActualField) => (mapping[f] >= 0 ? (r.cells[mapping[f]] ?? '') : '').trim();
    const problems: string[] = [];
    const dateText = cell('date');
    const d = parseIsoDate(dateText, PLAN_DATE_RANGE);
    if (!d.ok) problems.push(`Date "${dateText}": ${dateErrorMessage(d.error)}`);
    const cur = cell('currency').toUpperCase();
    const currencyOk = isCurrencyCode(cur);
    if (!currencyOk)
      problems.push(`Currency "${cell('currency')}" is not an ISO 4217 code such as EUR or USD`);
    let amount: MinorUnits | null = null;
    if (currencyOk) {
      const a = parseAmount(cell('amount'), cur, { allowNegative: true, decimalSeparator });
      if (a.ok) amount = a.value;
      else problems.push(`Amount "${cell('amount')}": ${moneyErrorMessage(a.error, cur)}`);
    }
    const description = cell('description');
    if (description === '') problems.push('Description is empty; say what was paid for');
    const category = categoryOf(cell('category'));
    if (!category)
      problems.push(
        `Category "${cell('category')}" is unknown; use one of ${BUDGET_CATEGORIES.map((c) => CATEGORY_NAMES[c]).join(', ')}`,
      );
    let input: BudgetLineInput | null = null;
    if (problems.length === 0 && d.ok && amount !== null && category && currencyOk) {
      input = {
        caseId: target.caseId,
        category,
        description,
        quantity: 1,
        unitAmount: amount,
        currency: cur,
        kind: 'actual',
        date: d.value,
        payee: cell('payee'),
        funder: cell('funder') || target.funder,
        grantCode: cell('grantCode') || target.grantCode,
        notes: cell('notes'),
        origin: 'manual',
        sourceKey: null,
        derivedFrom: null,
      };
      const fp = fingerprint({
        date: d.value,
        description,
        unitAmount: amount,
        currency: cur,
        payee: cell('payee'),
      });
      const earlier = seen.get(fp);
      if (earlier === 0)
        problems.push(
          `This expense (${d.value}, ${cur} ${toDecimalString(amount, cur)}) is already in the case`,
        );
      else if (earlier !== undefined) problems.push(`This row repeats line ${earlier}`);
      else seen.set(fp, r.line);
      if (problems.length > 0) input = null;
    }
    rows.push({ line: r.line, input, problems });
  }
  if (rows.length === 0)
    return { rows, mappingProblems: ['The file has a header but no rows'], ok: false };
  return { rows, mappingProblems, ok: rows.every((r) => r.problems.length === 0) };
}

/** The first problem as one sentence naming its line, for the refusal message. */
export function firstProblem(p: ActualsPreview): string | null {
  if (p.mappingProblems[0]) return p.mappingProblems[0];
  const bad = p.rows.filter((r) => r.problems.length > 0);
  const first = bad[0];
  if (!first) return null;
  const more =
    bad.length > 1
      ? ` (and ${bad.length - 1} more ${bad.length === 2 ? 'row' : 'rows'} with problems)`
      : '';
  return `Line ${first.line}: ${first.problems.join('; ')}${more}. Nothing was imported; fix the file and import it again.`;
}
