/** Types of audit-report.mjs, for the unit test that imports it. */
export interface ScanFinding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  column: number;
  description: string;
}
export interface SarifResult {
  id: string;
  file: string;
  line: number;
  column: number;
}
export const FAILING_SEVERITIES: Set<string>;
export class AuditFailure extends Error {}
export function parseScanResult(text: string): {
  checks: number;
  findings: ScanFinding[];
  errors: unknown[];
};
export function blockingErrors(errors: unknown[]): unknown[];
export function parseSarif(text: string): SarifResult[];
export function assertAgreement(findings: ScanFinding[], sarifResults: SarifResult[]): void;
export function failingFindings(findings: ScanFinding[]): ScanFinding[];
