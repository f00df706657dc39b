/**
 * The Electron audit's report logic (electron/tools/audit-report.mjs): it reads the scanner's
 * programmatic result (with severities) and the SARIF report of the same scan, fails unless both
 * list the same findings, and fails on HIGH ones. The old audit read a CSV that the scanner writes
 * with racing writes; the half-written shapes are fed here to show they can no longer pass.
 */
import { describe, expect, it } from 'vitest';
import {
  AuditFailure,
  assertAgreement,
  blockingErrors,
  failingFindings,
  parseSarif,
  parseScanResult,
  type ScanFinding,
} from '../../../electron/tools/audit-report.mjs';

const csp: ScanFinding = {
  id: 'CSP_GLOBAL_CHECK',
  severity: 'LOW',
  confidence: 'FIRM',
  file: 'renderer/index.html',
  line: 5,
  column: 0,
  description: 'One or more CSP directives detected seems to be vulnerable',
};
const global: ScanFinding = {
  ...csp,
  id: 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK',
  file: 'N/A',
  line: 0,
};

function sarif(results: { ruleId: string; uri: string; line: number; column: number }[]): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', rules: [] } },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          level: 'warning',
          message: { text: 'x' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.uri },
                region: { startLine: r.line, startColumn: r.column, charLength: 0 },
              },
            },
          ],
        })),
      },
    ],
  });
}

describe('audit report: scan result', () => {
  it('Given a complete scan result, When parsed, Then its findings come back with severities', () => {
    const parsed = parseScanResult(JSON.stringify({ checks: 42, findings: [csp], errors: [] }));
    expect(parsed.findings).toEqual([csp]);
    expect(parsed.checks).toBe(42);
  });

  it.each([
    ['a truncated file', '{"checks":42,"findings":[{"id":"CSP'],
    ['an empty file', ''],
    ['no checks loaded', JSON.stringify({ checks: 0, findings: [], errors: [] })],
    [
      'a finding without severity',
      JSON.stringify({ checks: 1, findings: [{ ...csp, severity: undefined }], errors: [] }),
    ],
    ['no findings array', JSON.stringify({ checks: 1, errors: [] })],
  ])('Given %s, When parsed, Then the audit fails', (_name, text) => {
    expect(() => parseScanResult(text)).toThrow(AuditFailure);
  });

  it('Given a parse error the scanner could not tolerate, Then it blocks; a tolerated warning does not', () => {
    const errors = [
      { file: 'a.js', message: 'warning', tolerable: true },
      { file: 'b.js', message: 'Unexpected token', tolerable: false },
    ];
    expect(blockingErrors(errors)).toEqual([errors[1]]);
  });
});

describe('audit report: SARIF agreement', () => {
  it('Given the SARIF of the same findings (1-based columns, N/A as file:///), Then they agree', () => {
    const report = parseSarif(
      sarif([
        { ruleId: csp.id, uri: csp.file, line: 5, column: 1 },
        { ruleId: global.id, uri: 'file:///', line: 1, column: 1 },
      ]),
    );
    expect(() => assertAgreement([csp, global], report)).not.toThrow();
  });

  it('Given a SARIF report missing a finding (rows lost), Then the audit fails and names it', () => {
    const report = parseSarif(sarif([{ ruleId: csp.id, uri: csp.file, line: 5, column: 1 }]));
    expect(() => assertAgreement([csp, global], report)).toThrow(/AVAILABLE_SECURITY_FIXES/);
  });

  it('Given a SARIF report with a finding the scan did not return, Then the audit fails', () => {
    const report = parseSarif(
      sarif([{ ruleId: 'NODE_INTEGRATION_JS_CHECK', uri: 'main/index.js', line: 3, column: 1 }]),
    );
    expect(() => assertAgreement([], report)).toThrow(AuditFailure);
  });

  it.each([
    ['a half-written report', sarif([]).slice(0, 20)],
    ['no runs', JSON.stringify({ version: '2.1.0' })],
    ['a result without location', JSON.stringify({ runs: [{ results: [{ ruleId: 'X' }] }] })],
  ])('Given %s, When parsed, Then the audit fails', (_name, text) => {
    expect(() => parseSarif(text)).toThrow(AuditFailure);
  });
});

describe('audit report: severities', () => {
  it('Given a HIGH and a LOW finding, Then only the HIGH one fails the audit', () => {
    const high = { ...csp, id: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH' };
    expect(failingFindings([csp, high])).toEqual([high]);
  });
});
