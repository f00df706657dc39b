/**
 * CSV import of exchange rates (`from,to,rate,date[,source]`) and per diem rates
 * (`country,city,amount,child amount,currency,valid from`): every row checked through the
 * entities' own schemas, all rows or none, problems by line.
 */
import {
  ExchangeRateInputSchema,
  PerDiemRateInputSchema,
  type ExchangeRateInput,
  type PerDiemRateInput,
} from '../entities/budget';
import { isCurrencyCode, moneyErrorMessage, parseAmount } from '../money';
import type { CsvTable } from './import-csv';

export const EXCHANGE_RATE_HEADER = ['from', 'to', 'rate', 'date', 'source'] as const;
export const PER_DIEM_HEADER = [
  'country',
  'city',
  'amount',
  'child amount',
  'currency',
  'valid from',
] as const;

export interface RowsResult<T> {
  readonly inputs: T[];
  /** "Line 3: …" sentences; empty when every row is good. */
  readonly problems: string[];
}

function columns(table: CsvTable, names: readonly string[]): Map<string, number> | string {
  const head = table.header.map((h) => h.trim().toLowerCase());
  const out = new Map<string, number>();
  for (const n of names) out.set(n, head.indexOf(n));
  const missing = names
    .slice(0, names.length - 1)
    .filter((n) => (out.get(n) ?? -1) < 0 && n !== 'city' && n !== 'child amount');
  return missing.length > 0
    ? `Line 1 lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header should be ${names.join(',')}`
    : out;
}

export function exchangeRatesFromCsv(table: CsvTable): RowsResult<ExchangeRateInput> {
  const cols = columns(table, EXCHANGE_RATE_HEADER);
  if (typeof cols === 'string') return { inputs: [], problems: [cols] };
  const inputs: ExchangeRateInput[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const c = (n: string) => (r.cells[cols.get(n) ?? -1] ?? '').trim();
    const value = {
      from: c('from').toUpperCase(),
      to: c('to').toUpperCase(),
      rate: c('rate'),
      asOf: c('date'),
      source: c('source'),
    };
    const parsed = ExchangeRateInputSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(`Line ${r.line}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      continue;
    }
    const key = `${value.from}>${value.to}@${value.asOf}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      problems.push(
        `Line ${r.line}: repeats the ${value.from} → ${value.to} rate of ${value.asOf} on line ${earlier}`,
      );
    else seen.set(key, r.line);
    inputs.push(parsed.data);
  }
  if (table.rows.length === 0) problems.push('The file has a header but no rows');
  return { inputs: problems.length ? [] : inputs, problems };
}

export function perDiemRatesFromCsv(table: CsvTable): RowsResult<PerDiemRateInput> {
  const cols = columns(table, PER_DIEM_HEADER);
  if (typeof cols === 'string') return { inputs: [], problems: [cols] };
  const inputs: PerDiemRateInput[] = [];
  const problems: string[] = [];
  for (const r of table.rows) {
    const c = (n: string) => (r.cells[cols.get(n) ?? -1] ?? '').trim();
    const cur = c('currency').toUpperCase();
    const rowProblems: string[] = [];
    if (!isCurrencyCode(cur))
      rowProblems.push(`Currency "${c('currency')}" is not an ISO 4217 code such as EUR`);
    let amount: number | null = null;
    let child: number | null = null;
    if (isCurrencyCode(cur)) {
      const a = parseAmount(c('amount'), cur);
      if (a.ok) amount = a.value;
      else rowProblems.push(`Amount "${c('amount')}": ${moneyErrorMessage(a.error, cur)}`);
      if (c('child amount') !== '') {
        const ch = parseAmount(c('child amount'), cur);
        if (ch.ok) child = ch.value;
        else
          rowProblems.push(
            `Child amount "${c('child amount')}": ${moneyErrorMessage(ch.error, cur)}`,
          );
      }
    }
    const value = {
      countryCode: c('country').toUpperCase(),
      city: c('city') || null,
      amount,
      childAmount: child,
      currency: cur,
      validFrom: c('valid from'),
    };
    if (rowProblems.length === 0) {
      const parsed = PerDiemRateInputSchema.safeParse(value);
      if (!parsed.success) rowProblems.push(...parsed.error.issues.map((i) => i.message));
      else inputs.push(parsed.data);
    }
    if (rowProblems.length) problems.push(`Line ${r.line}: ${rowProblems.join('; ')}`);
  }
  if (table.rows.length === 0) problems.push('The file has a header but no rows');
  return { inputs: problems.length ? [] : inputs, problems };
}
