/**
 * Runs Electronegativity (Doyensec's Electron security scanner) on the built app in out/ and fails
 * on any HIGH finding. `npm run build` first; then `npm run audit:electron`.
 *
 * Electronegativity exits 0 even when it finds something, so this script reads its results. Its
 * CSV report, the only file that carries severities, is written with two unawaited writes (header,
 * then rows) that race, so the header sometimes overwrote the first rows or the rows vanished: the
 * audit failed about 3 runs in 10. So the CSV is not used. One scan runs through the scanner's
 * documented programmatic API (electronegativity-scan.cjs), which returns each finding with its
 * severity and writes a SARIF report in a single write; once that process has exited both are
 * complete, and the two must list the same findings (audit-report.mjs). A missing, unparsable or
 * inconsistent result, a file the scanner could not parse, or a scan with no checks fails the audit.
 *
 * The Electron version is the one installed (node_modules/electron), passed explicitly because the
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
import {
  AuditFailure,
  assertAgreement,
  blockingErrors,
  failingFindings,
  parseSarif,
  parseScanResult,
} from './audit-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const input = join(root, 'out');
const require = createRequire(import.meta.url);

function fail(message) {
  throw new AuditFailure(message);
}

function readReport(path, what) {
  if (!existsSync(path)) fail(`electronegativity wrote no ${what} to ${path}`);
  return readFileSync(path, 'utf8');
}

function scan(electronVersion, workDir) {
  const resultPath = join(workDir, 'result.json');
  const sarifPath = join(workDir, 'report.sarif');
  const result = spawnSync(
    process.execPath,
    [join(here, 'electronegativity-scan.cjs'), input, electronVersion, resultPath, sarifPath],
    // en-US: the scanner picks its message language from LANG.
    { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  );
  if (result.error) fail(`could not run electronegativity: ${result.error.message}`);
  if (result.status !== 0) {
    fail(`electronegativity exited with ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return {
    scanned: parseScanResult(readReport(resultPath, 'result')),
    sarif: parseSarif(readReport(sarifPath, 'SARIF report')),
  };
}

function main() {
  if (!existsSync(join(input, 'main', 'index.js'))) {
    fail('out/main/index.js is missing: run `npm run build` first');
  }
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version;
  const workDir = mkdtempSync(join(tmpdir(), 'haven-electronegativity-'));
  try {
    const { scanned, sarif } = scan(electronVersion, workDir);
    const errors = blockingErrors(scanned.errors);
    if (errors.length > 0) {
      fail(
        `electronegativity could not parse part of the build:\n${JSON.stringify(errors, null, 2)}`,
      );
    }
    assertAgreement(scanned.findings, sarif);

    const { findings } = scanned;
    console.log(
      `Electronegativity on out/ (Electron ${electronVersion}, ${scanned.checks} checks): ${findings.length} finding(s)`,
    );
    for (const finding of findings) {
      console.log(
        `  ${finding.severity.padEnd(13)} ${finding.confidence.padEnd(9)} ${finding.id}  ${finding.file}:${finding.line}:${finding.column}\n` +
          `      ${finding.description}`,
      );
    }
    const failing = failingFindings(findings);
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
