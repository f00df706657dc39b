/**
 * The pure half of the Electron audit (audit-electron.mjs): turns what Electronegativity returned
 * into findings, checks that its SARIF report lists the same findings, and picks the failing ones.
 * No file or process access here, so tests/unit/electron/audit-report.test.ts can feed it any
 * report, including the half-written ones that made the old CSV-based audit flaky.
 */

/** Severities that fail the audit. */
export const FAILING_SEVERITIES = new Set(['HIGH', 'CRITICAL']);

/** A reason to fail the audit, with a sentence that says what was wrong with the report. */
export class AuditFailure extends Error {}

function fail(message) {
  throw new AuditFailure(message);
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the JSON the scan step wrote (electronegativity-scan.cjs: the scanner's own programmatic
 * result, with severities). Returns { checks, findings, errors }; anything malformed fails.
 */
export function parseScanResult(text) {
  let result;
  try {
    result = JSON.parse(text);
  } catch (error) {
    fail(`the scan result is not JSON: ${error.message}`);
  }
  if (!isRecord(result)) fail('the scan result is not an object');
  const { checks, findings, errors } = result;
  if (!Number.isInteger(checks) || checks <= 0) {
    fail(`the scan loaded no checks (${JSON.stringify(checks)}), so it proves nothing`);
  }
  if (!Array.isArray(findings)) fail('the scan result has no findings array');
  if (!Array.isArray(errors)) fail('the scan result has no errors array');
  findings.forEach((finding, index) => {
    const where = `scan finding ${index}`;
    if (!isRecord(finding)) fail(`${where} is not an object`);
    for (const key of ['id', 'severity', 'confidence', 'file']) {
      if (typeof finding[key] !== 'string' || finding[key] === '') {
        fail(`${where} has no ${key}: ${JSON.stringify(finding)}`);
      }
    }
    for (const key of ['line', 'column']) {
      if (!Number.isInteger(finding[key]))
        fail(`${where} has no ${key}: ${JSON.stringify(finding)}`);
    }
  });
  return {
    checks,
    findings: findings.map((finding) => ({
      ...finding,
      description: String(finding.description ?? ''),
    })),
    errors,
  };
}

/**
 * The scanner's own parse errors: a file it could not read was not checked, so the audit fails.
 * (Tolerable ones are parser warnings on a file that was still checked.)
 */
export function blockingErrors(errors) {
  return errors.filter((error) => !isRecord(error) || error.tolerable !== true);
}

/**
 * Reads a SARIF 2.1.0 report as Electronegativity writes it (one JSON document, written in one
 * call) into a list of { id, file, line, column }.
 */
export function parseSarif(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch (error) {
    fail(`the SARIF report is not JSON: ${error.message}`);
  }
  const results = isRecord(report) && Array.isArray(report.runs) ? report.runs[0]?.results : null;
  if (!Array.isArray(results)) fail('the SARIF report has no runs[0].results array');
  return results.map((result, index) => {
    const region = result?.locations?.[0]?.physicalLocation?.region;
    const uri = result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    if (typeof result?.ruleId !== 'string' || typeof uri !== 'string' || !isRecord(region)) {
      fail(`SARIF result ${index} has no rule id or location: ${JSON.stringify(result)}`);
    }
    return { id: result.ruleId, file: uri, line: region.startLine, column: region.startColumn };
  });
}

/**
 * The key SARIF gives a finding: Electronegativity writes line 0 as 1 and 0-based columns as
 * 1-based, and a file "N/A" (a global check) as "file:///".
 */
function sarifKey({ id, file, line, column }) {
  return `${id} ${file} ${line}:${column}`;
}

function findingKey(finding) {
  return sarifKey({
    id: finding.id,
    file: finding.file === 'N/A' ? 'file:///' : finding.file,
    line: finding.line === 0 ? 1 : finding.line,
    column: finding.column + 1,
  });
}

function counts(keys) {
  const map = new Map();
  for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
  return map;
}

/**
 * Fails unless the scan's findings and the SARIF report list exactly the same findings (as a
 * multiset of rule, file and position), and says which ones differ.
 */
export function assertAgreement(findings, sarifResults) {
  const fromScan = counts(findings.map(findingKey));
  const fromSarif = counts(sarifResults.map(sarifKey));
  const differences = [];
  for (const key of new Set([...fromScan.keys(), ...fromSarif.keys()])) {
    const a = fromScan.get(key) ?? 0;
    const b = fromSarif.get(key) ?? 0;
    if (a !== b) differences.push(`${key}: ${a} in the scan, ${b} in SARIF`);
  }
  if (differences.length > 0) {
    fail(`the scan and its SARIF report disagree:\n  ${differences.join('\n  ')}`);
  }
}

/** The findings whose severity fails the audit. */
export function failingFindings(findings) {
  return findings.filter((finding) => FAILING_SEVERITIES.has(finding.severity.toUpperCase()));
}
