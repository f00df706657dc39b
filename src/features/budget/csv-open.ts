/** Opening a CSV file through the platform seam and reading it (refusals worded). */
import { MAX_IMPORT_BYTES, csvProblemMessage, readCsv, type CsvTable } from '../../domain/budget';
import { platform } from '../../platform';

export type Opened = { ok: true; table: CsvTable } | { ok: false; message: string } | null;

export async function openCsv(expected: readonly string[], tooLarge: string): Promise<Opened> {
  const r = await platform().openFile({
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    maxBytes: MAX_IMPORT_BYTES,
  });
  if (!r.opened)
    return r.reason === 'cancelled' ? null : { ok: false, message: r.message ?? tooLarge };
  const table = readCsv(r.bytes, expected);
  return table.ok
    ? { ok: true, table: table.value }
    : { ok: false, message: csvProblemMessage(table.error) };
}
