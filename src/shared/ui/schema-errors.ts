/**
 * Turns a zod result into form messages: the first issue of each field path, keyed by the dotted
 * path (`travelDocument.expiry`), optionally renamed to the form's own field (`depart.zone` is
 * fixed in the "From" place field). Domain messages already say how to fix the input; they are
 * said in the coordinator's language (./domain-messages.ts).
 */
import type { z } from 'zod';
import type { FieldError } from '../../domain/result';
import { domainMessage } from './domain-messages';
import type { FieldErrors } from './use-record-form';

export function schemaErrors(
  result: z.ZodSafeParseResult<unknown>,
  rename: Readonly<Record<string, string>> = {},
): FieldErrors {
  const out: FieldErrors = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    const key = rename[path] ?? path;
    if (!(key in out)) out[key] = domainMessage(issue.message);
  }
  return out;
}

/** Adds domain validator errors (`FieldError[]`) that are not already there. */
export function addFieldErrors(
  into: FieldErrors,
  errors: readonly FieldError[],
  rename: Readonly<Record<string, string>> = {},
): FieldErrors {
  for (const e of errors) {
    const key = rename[e.field] ?? e.field;
    if (!(key in into)) into[key] = domainMessage(e.message);
  }
  return into;
}
