/**
 * The unit run's closing summary names what failed it outside any test
 * (tests/reporters/unit-failures.mjs, read by tests/run-all.mjs). Given a test file that passes
 * and leaves a timer that throws, When Vitest runs it with the reporter, Then the run fails, the
 * reporter's file holds the error with its test file and the line of the fixture that threw, and
 * the summary lines say so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summaryLines, type UnitFailures } from '../../reporters/unit-failures.mjs';

const repo = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'haven-unit-failures-'));

describe('what fails a unit run outside its tests is named in the summary', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a passing test that leaves a throwing timer, When run with the reporter, Then the summary names the error, its file and the line', () => {
    const out = join(dir, 'failures.json');
    const run = spawnSync(
      'npx',
      [
        'vitest',
        'run',
        '--config',
        'tests/reporters/fixtures/fixtures.config.mjs',
        '--reporter=./tests/reporters/unit-failures.mjs',
      ],
      {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, HAVEN_UNIT_FAILURES: out, FORCE_COLOR: '0' },
      },
    );
    expect(run.status).not.toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as UnitFailures;
    expect(report.failedFiles).toStrictEqual([]);
    expect(report.unhandled).toHaveLength(1);
    expect(report.unhandled[0]).toMatchObject({
      message: 'fixture: thrown from a timer after its test',
      testFile: 'late-error.fixture.ts',
    });
    const lines = summaryLines(report);
    expect(lines[0]).toBe(
      '  unhandled Error: fixture: thrown from a timer after its test in late-error.fixture.ts',
    );
    expect(lines.slice(1).join('\n')).toContain('late-error.fixture.ts:9');
  }, 60_000);

  it('Given a file that failed as a whole, Then its line names the file and the error', () => {
    const lines = summaryLines({
      unhandled: [],
      failedFiles: [
        {
          file: 'tests/unit/x.test.ts',
          errors: [{ name: 'SyntaxError', message: 'Unexpected token', frames: [] }],
        },
      ],
    });
    expect(lines).toStrictEqual([
      '  tests/unit/x.test.ts failed outside its tests: SyntaxError: Unexpected token',
    ]);
  });

  it('Given no report, Then nothing is added', () => {
    expect(summaryLines(null)).toStrictEqual([]);
  });
});
