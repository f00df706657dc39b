/**
 * Exhaustiveness helpers. `assertNever` makes a `switch` over a union fail to compile when a new
 * member is added and not handled (Signal's `missingCaseError`); at run time it throws, because
 * reaching it means data from outside the type system (an old backup, a hand-edited file).
 */

/** Call in the `default` branch of an exhaustive switch. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
