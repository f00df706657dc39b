/** Types of unit-failures.mjs for the TypeScript tests. */
export interface OutsideError {
  readonly name: string;
  readonly message: string;
  readonly frames: readonly string[];
  readonly testFile?: string;
  readonly testName?: string;
  readonly afterTeardown?: boolean;
}
export interface UnitFailures {
  readonly unhandled: readonly OutsideError[];
  readonly failedFiles: readonly {
    readonly file: string;
    readonly errors: readonly OutsideError[];
  }[];
}
export function summaryLines(report: UnitFailures | null): string[];
declare const UnitFailuresReporter: new () => object;
export default UnitFailuresReporter;
