/**
 * Runs Electronegativity (Doyensec's Electron security scanner) on the built app in out/ and fails
 * on any HIGH finding. `npm run build` first; then `npm run audit:electron`.
 *
 * Electronegativity exits 0 even when it finds something, so this script reads its report. Only
 * its CSV report carries severities, and it writes that file with two racing asynchronous writes
 * (header, then rows), which could leave a header without rows, i.e. a false "no findings". So
 * the scan runs twice, once to CSV and once to SARIF (one write, no severities), and the two must
 * list the same number of findings. A missing, unparsable or inconsistent report fails the audit.
 *
 * The Electron version is the one installed (node_modules/electron), passed with -e because the
 * scanner cannot fetch Electron's release list offline.
 *
 * Exit code: 0 no HIGH finding; 1 a HIGH finding, or the audit could not be trusted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const input = join(root, 'out');
const require = createRequire(import.meta.url);
const FAILING_SEVERITIES = new Set(['HIGH', 'CRITICAL']);
const CSV_HEADER = [
  'issue',
  'severity',
  'confidence',
  'filename',
  'location',
  'sample',
  'description',
  'url',
];

/** A reason to fail the audit; caught once at the top, after the temporary files are removed. */
class AuditFailure extends Error {}

function fail(message) {
  throw new AuditFailure(message);
}

/** Parses RFC 4180 CSV (quoted fields may hold commas, doubled quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function runScanner(scanner, electronVersion, output) {
  const result = spawnSync(
    process.execPath,
    [scanner, '-i', input, '-e', electronVersion, '-r', '-o', output],
    // en-US: the scanner picks its message language from LANG, and its parse errors are matched below.
    { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  );
  if (result.error) fail(`could not run electronegativity: ${result.error.message}`);
  if (result.status !== 0) {
    fail(`electronegativity exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  if (/^Error parsing /m.test(result.stderr)) {
    fail(`electronegativity could not parse part of the build:\n${result.stderr}`);
  }
  if (!existsSync(output)) fail(`electronegativity wrote no report to ${output}`);
  return readFileSync(output, 'utf8');
}

function readFindings(csvText) {
  let rows;
  try {
    rows = parseCsv(csvText).filter((row) => row.some((cell) => cell.trim() !== ''));
  } catch (error) {
    fail(`the CSV report cannot be parsed: ${error.message}`);
  }
  const [header, ...body] = rows;
  if (!header || header.map((cell) => cell.trim()).join(',') !== CSV_HEADER.join(',')) {
    fail(`the CSV report does not start with the expected header: ${JSON.stringify(header)}`);
  }
  return body.map((cells) => {
    if (cells.length !== CSV_HEADER.length)
      fail(`a CSV report row has ${cells.length} columns: ${cells}`);
    const [id, severity, confidence, file, location, , description] = cells;
    return { id, severity, confidence, file, location, description };
  });
}

function countSarifResults(sarifText) {
  let report;
  try {
    report = JSON.parse(sarifText);
  } catch (error) {
    fail(`the SARIF report is not JSON: ${error.message}`);
  }
  const results = report?.runs?.[0]?.results;
  if (!Array.isArray(results)) fail('the SARIF report has no runs[0].results array');
  return results.length;
}

function main() {
  if (!existsSync(join(input, 'main', 'index.js'))) {
    fail('out/main/index.js is missing: run `npm run build` first');
  }
  const scanner = require.resolve('@doyensec/electronegativity/dist/index.js');
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const workDir = mkdtempSync(join(tmpdir(), 'haven-electronegativity-'));
  try {
    const csvPath = join(workDir, 'report.csv');
    const sarifPath = join(workDir, 'report.sarif');
    const findings = readFindings(runScanner(scanner, electronVersion, csvPath));
    const sarifCount = countSarifResults(runScanner(scanner, electronVersion, sarifPath));
    if (sarifCount !== findings.length) {
      fail(`the reports disagree: ${findings.length} findings in CSV, ${sarifCount} in SARIF`);
    }

    console.log(
      `Electronegativity on out/ (Electron ${electronVersion}): ${findings.length} finding(s)`,
    );
    for (const finding of findings) {
      console.log(
        `  ${finding.severity.padEnd(13)} ${finding.confidence.padEnd(9)} ${finding.id}  ${finding.file}:${finding.location}\n` +
          `      ${finding.description}`,
      );
    }
    const failing = findings.filter((finding) =>
      FAILING_SEVERITIES.has(finding.severity.toUpperCase()),
    );
    if (failing.length > 0)
      fail(`${failing.length} HIGH finding(s): ${failing.map((f) => f.id).join(', ')}`);
    console.log('audit:electron: passed (no HIGH finding)');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(
    `audit:electron: FAILED: ${error instanceof AuditFailure ? error.message : error.stack}`,
  );
  process.exitCode = 1;
}
