/**
 * A small Result type for domain functions that can fail for reasons the user can fix
 * (a bad date, a forbidden status change). Errors are data, never thrown.
 */

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** A problem with one form field, as the UI shows it next to that field. */
export interface FieldError {
  /** Dotted path of the field, e.g. `arrive.local` or `travelDocument.expiry`. */
  readonly field: string;
  /** English sentence that says what is wrong and how to fix it. */
  readonly message: string;
}
