/**
 * Reading a CSV file a coordinator brings in (actual expenses, exchange rates, per diem rates):
 * refused whole, with the line and the problem, when it is over 50 MB, binary (a NUL byte or
 * bytes that are not UTF-8), separated by semicolons or tabs instead of commas, has no header
 * line, or breaks RFC 4180 (a stray quote, a row with another number of fields). Nothing is
 * guessed; the callers check each row and write all rows or none.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { err, ok, type Result } from '../result';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type CsvProblem =
  | { readonly code: 'too_large'; readonly bytes: number }
  | { readonly code: 'empty' }
  | { readonly code: 'binary'; readonly line: number }
  | { readonly code: 'wrong_delimiter'; readonly line: number; readonly found: ';' | 'tab' }
  | { readonly code: 'missing_header'; readonly line: number; readonly expected: readonly string[] }
  | { readonly code: 'malformed'; readonly line: number; readonly detail: string };

export interface CsvTable {
  readonly header: readonly string[];
  /** Data rows with their line number in the file (the header is line 1). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** The sentence for a refused file: the line and what to fix. */
export function csvProblemMessage(p: CsvProblem): string {
  switch (p.code) {
    case 'too_large':
      return `The file is ${(p.bytes / 1024 / 1024).toFixed(1)} MB; files up to 50 MB can be imported. Split it and import each part. Nothing was imported.`;
    case 'empty':
      return 'The file is empty. Nothing was imported.';
    case 'binary':
      return `Line ${p.line} holds bytes that are not text (this looks like a binary file, not a CSV saved as UTF-8). Export the sheet as "CSV UTF-8". Nothing was imported.`;
    case 'wrong_delimiter':
      return `Line ${p.line} separates columns with ${p.found === ';' ? 'semicolons' : 'tabs'}; save the file with commas between columns (CSV, comma-separated). Nothing was imported.`;
    case 'missing_header':
      return `Line ${p.line} should name the columns (for example ${p.expected.join(', ')}) but holds data. Add a header line. Nothing was imported.`;
    case 'malformed':
      return `Line ${p.line}: ${p.detail}. Nothing was imported.`;
  }
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** A header cell that is clearly data: a date, an amount. */
function looksLikeData(cell: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(cell) || /^-?[\d.,\s]+$/.test(cell);
}

export function readCsv(
  bytes: Uint8Array,
  expected: readonly string[],
): Result<CsvTable, CsvProblem> {
  if (bytes.length > MAX_IMPORT_BYTES) return err({ code: 'too_large', bytes: bytes.length });
  const nul = bytes.indexOf(0);
  if (nul >= 0) return err({ code: 'binary', line: lineOfByte(bytes, nul) });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first byte that breaks UTF-8 to name its line.
    let good = 0;
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
        good = end;
      } catch {
        if (end - good > 4) break;
      }
    }
    return err({ code: 'binary', line: lineOfByte(bytes, good) });
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return err({ code: 'empty' });
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.includes(',')) {
    if (firstLine.includes(';')) return err({ code: 'wrong_delimiter', line: 1, found: ';' });
    if (firstLine.includes('\t')) return err({ code: 'wrong_delimiter', line: 1, found: 'tab' });
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (e) {
    const ce = e as { lines?: number; code?: string; message?: string };
    const detail =
      ce.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
        ? 'this row has another number of columns than the header; check for a missing or extra comma, or quote text that contains a comma'
        : ce.code === 'CSV_INVALID_CLOSING_QUOTE' || ce.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quote is not closed or a field is quoted wrongly; put text with quotes inside double quotes and double each quote in it'
          : 'this line is not valid CSV';
    return err({ code: 'malformed', line: ce.lines ?? 1, detail });
  }
  const head = records[0];
  if (!head) return err({ code: 'empty' });
  if (head.record.some((c) => looksLikeData(c)) || head.record.every((c) => c === ''))
    return err({ code: 'missing_header', line: 1, expected });
  // A later line with semicolons and one field is a delimiter mistake, not data.
  for (const r of records.slice(1))
    if (r.record.length === 1 && head.record.length > 1 && /;/.test(r.record[0] ?? ''))
      return err({ code: 'wrong_delimiter', line: r.info.lines, found: ';' });
  return ok({
    header: head.record,
    rows: records.slice(1).map((r) => ({ line: r.info.lines, cells: r.record })),
  });
}
