/**
 * The one "same dependencies" check of the app: two lists are the same when they have the same
 * length and the same object at every place (the vault replaces a record's object only when it
 * changes, so identity is a cheap, exact test of "nothing changed").
 */

export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `fn` remembering its last call: called again with the same arguments (by identity), it returns
 * the last result without running. Holds one result only; drop the function to drop the result.
 */
export function memoizeLast<A extends readonly unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A): R => {
    if (last && sameItems(last.args, args)) return last.value;
    const value = fn(...args);
    last = { args, value };
    return value;
  };
}
