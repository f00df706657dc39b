/**
 * The budget, pure: lines derived from the plan (derive.ts, per-diem.ts), merged with overrides
 * and manual lines (items.ts), converted with dated exchange rates (rates.ts), totalled per case
 * and across cases (totals.ts), held against funder caps (caps.ts), written as finance sheets
 * (export-*.ts) and read from CSV files (import-*.ts).
 */
export * from './caps';
export * from './case-budget';
export * from './derive';
export * from './explain';
export * from './export-csv';
export * from './export-sheet';
export * from './export-xlsx';
export * from './import-actuals';
export * from './import-csv';
export * from './import-rates';
export * from './items';
export * from './per-diem';
export * from './rates';
export * from './totals';
