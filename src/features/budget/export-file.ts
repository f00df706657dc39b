/**
 * Writing the finance files: the domain lays the sheet out (domain/budget export-*.ts), this
 * turns it into bytes (CSV text with its BOM; XLSX through write-excel-file, loaded on demand)
 * and hands them to the platform seam to save. Progress is reported between the steps.
 */
import {
  budgetCsv,
  budgetSheet,
  sheetName,
  xlsxSheet,
  type BudgetEntry,
  type PerDiemConvention,
  type RateBook,
} from '../../domain/budget';
import type { CurrencyCode } from '../../domain/money';
import { platform, type SaveFileResult } from '../../platform';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportLayout = 'combined' | 'per-case';

export interface ExportRequest {
  readonly format: ExportFormat;
  readonly layout: ExportLayout;
  /** The cases to export, each in its own reporting currency when a sheet per case. */
  readonly cases: readonly (BudgetEntry & { currency: CurrencyCode })[];
  /** Currency of the combined sheet. */
  readonly currency: CurrencyCode;
  readonly book: RateBook;
  readonly convention: PerDiemConvention;
  readonly title: string;
  readonly fileBase: string;
}

const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

/** The file's bytes. */
export async function exportBytes(
  req: ExportRequest,
  report: (fraction: number) => void = () => {},
): Promise<Uint8Array> {
  report(0.05);
  await yieldToUi();
  if (req.format === 'csv') {
    const sheet = budgetSheet(req.cases, req.currency, req.book, req.convention, req.title);
    report(0.6);
    await yieldToUi();
    return new TextEncoder().encode(budgetCsv(sheet));
  }
  const taken = new Set<string>();
  const sheets =
    req.layout === 'combined'
      ? [
          xlsxSheet(
            budgetSheet(req.cases, req.currency, req.book, req.convention, req.title),
            sheetName('Budget', taken),
          ),
        ]
      : req.cases.map((c) =>
          xlsxSheet(
            budgetSheet([c], c.currency, req.book, req.convention, `${req.title}: ${c.codeName}`),
            sheetName(c.codeName, taken),
          ),
        );
  report(0.4);
  await yieldToUi();
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  report(0.5);
  const blob = await writeXlsxFile(
    sheets.map((s) => ({ data: s.data, sheet: s.name, columns: s.columns })),
  ).toBlob();
  report(0.9);
  return new Uint8Array(await blob.arrayBuffer());
}

export async function saveExport(
  req: ExportRequest,
  report: (fraction: number) => void,
): Promise<SaveFileResult> {
  const bytes = await exportBytes(req, report);
  const result = await platform().saveFile({
    suggestedName: `${req.fileBase}.${req.format}`,
    bytes,
    mimeType:
      req.format === 'csv'
        ? 'text/csv;charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filters: [
      req.format === 'csv'
        ? { name: 'CSV', extensions: ['csv'] }
        : { name: 'Excel workbook', extensions: ['xlsx'] },
    ],
  });
  report(1);
  return result;
}
