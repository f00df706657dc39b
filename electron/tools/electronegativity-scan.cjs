/**
 * One Electronegativity scan through its documented programmatic API (the package's main,
 * `run(options)`), for audit-electron.mjs. Usage:
 *   node electronegativity-scan.cjs <input dir> <electron version> <result.json> <report.sarif>
 *
 * The API returns every finding with its severity, so no CSV is needed: the CSV writer races its
 * header against its rows (two unawaited writes) and made the audit flaky. The SARIF report is
 * written in one call, and is complete once this process has exited; the audit compares the two.
 * The result JSON is written synchronously, so it too is complete at exit.
 */
'use strict';
const { writeFileSync } = require('node:fs');
const run = require('@doyensec/electronegativity');

const [input, electronVersion, resultPath, sarifPath] = process.argv.slice(2);
if (!input || !electronVersion || !resultPath || !sarifPath) {
  console.error(
    'usage: electronegativity-scan.cjs <input> <electron version> <result.json> <report.sarif>',
  );
  process.exit(2);
}

run({
  input,
  output: sarifPath,
  isSarif: true,
  customScan: [],
  excludeFromScan: [],
  isRelative: true,
  isVerbose: true,
  electronVersionOverride: electronVersion,
  parserPlugins: [],
})
  .then((result) => {
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity?.name,
      confidence: issue.confidence?.name,
      file: issue.file,
      line: issue.location?.line,
      column: issue.location?.column,
      description: issue.description,
    }));
    writeFileSync(
      resultPath,
      JSON.stringify({
        checks: result.globalChecks + result.atomicChecks,
        findings,
        errors: result.errors,
      }),
    );
  })
  .catch((error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exitCode = 1;
  });
