/**
 * A Vitest reporter that writes what failed outside any test to a JSON file: errors thrown after
 * a test ended (a timer firing after its page was torn down, a rejection nobody awaited) and test
 * files that failed as a whole (an import error, a hook that timed out). Vitest fails the run for
 * these while every test passed, and its JSON report has no field for them; tests/run-all.mjs
 * reads this file to name the cause in its closing summary, which is all a CI log may keep.
 *
 * Usage: `vitest run --reporter=./tests/reporters/unit-failures.mjs` with
 * HAVEN_UNIT_FAILURES=<path of the JSON file to write>.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The first line of a message and the first stack frames inside the repository. */
function describe(error, root) {
  const message = String(error?.message ?? error ?? 'unknown error').split('\n')[0];
  const all = String(error?.stack ?? '')
    .split('\n')
    .map((line) => line.trim().replace(root + '/', ''))
    .filter((line) => line.startsWith('at '));
  // The repository's own frames say where; where there are none (a render React ran by itself),
  // the first frames say what.
  const own = all.filter((line) => !line.includes('node_modules') && !line.includes('node:'));
  const frames = (own.length > 0 ? own : all).slice(0, 3);
  return {
    name: error?.name ?? 'Error',
    message,
    frames,
    testFile: error?.VITEST_TEST_PATH ? relative(root, error.VITEST_TEST_PATH) : undefined,
    testName: error?.VITEST_TEST_NAME,
    afterTeardown: error?.VITEST_AFTER_ENV_TEARDOWN === true,
  };
}

/**
 * What failed the unit run outside any test, a line or three each, for the summary: a CI log
 * may keep only its end, and a run whose every test passed says nothing else of why it failed.
 */
export function summaryLines(report) {
  if (!report) return [];
  const said = [];
  const where = (e) =>
    [
      e.testFile && `in ${e.testFile}${e.testName ? ` (${e.testName})` : ''}`,
      e.afterTeardown && 'after its environment was torn down',
    ]
      .filter(Boolean)
      .join(', ');
  for (const e of report.unhandled ?? []) {
    said.push(`  unhandled ${e.name}: ${e.message}${where(e) ? ` ${where(e)}` : ''}`);
    for (const frame of e.frames ?? []) said.push(`    ${frame}`);
  }
  for (const file of report.failedFiles ?? []) {
    for (const e of file.errors) {
      said.push(`  ${file.file} failed outside its tests: ${e.name}: ${e.message}`);
      for (const frame of e.frames ?? []) said.push(`    ${frame}`);
    }
  }
  return said;
}

export default class UnitFailuresReporter {
  onInit(ctx) {
    this.root = ctx.config.root;
  }

  onTestRunEnd(testModules, unhandledErrors) {
    const path = process.env.HAVEN_UNIT_FAILURES;
    if (!path) return;
    const root = this.root ?? process.cwd();
    const failedFiles = [];
    for (const module of testModules) {
      const errors = module.errors();
      if (errors.length === 0) continue;
      failedFiles.push({
        file: relative(root, module.moduleId),
        errors: errors.map((e) => describe(e, root)),
      });
    }
    const unhandled = unhandledErrors.map((e) => describe(e, root));
    writeFileSync(path, JSON.stringify({ unhandled, failedFiles }, null, 2));
  }
}
