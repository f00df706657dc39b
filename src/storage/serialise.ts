/**
 * Checking a record before it is sealed: an object with a random id, valid against its store's
 * schema (the map the vault was created with, see schemas.ts), and JSON that is exactly itself.
 * Only the JSON text is kept (it is what gets sealed and cached).
 */
import type { z } from 'zod';
import { isRecordId } from './crypto/bytes';
import { RecordValidationError } from './errors';
import type { StoredRecord } from './repository';
import type { RecordStore } from './stores';

/** A checked record and the JSON text that will be sealed. */
export interface Serialised {
  value: StoredRecord;
  json: string;
}

/** Whether JSON.stringify of `v` is exactly its own enumerable fields, with `id` as a plain string field. */
function isPlainRecord(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  if ('toJSON' in v) return false;
  const d = Object.getOwnPropertyDescriptor(v, 'id');
  return !!d && 'value' in d && d.enumerable === true && typeof d.value === 'string';
}

function checkSchema(store: RecordStore, value: StoredRecord, schema: z.ZodType): StoredRecord {
  const r = schema.safeParse(value);
  if (!r.success) {
    // Paths only: never echo a value into an error message.
    const where = r.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
      .join('; ');
    throw new RecordValidationError(`Invalid ${store} record (${where}).`);
  }
  const v = r.data as StoredRecord;
  if (!v || typeof v !== 'object' || v.id !== value.id) {
    throw new RecordValidationError(`The ${store} schema must keep the id.`);
  }
  return v;
}

/**
 * Checks a record for a store (object, random id, `schema` when the store has one) and serialises
 * it. `value` is the schema's output, still shared with the caller: only the JSON text is kept.
 */
export function serialise(
  store: RecordStore,
  value: StoredRecord,
  schema: z.ZodType | undefined,
): Serialised {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new RecordValidationError(`A ${store} record must be an object.`);
  }
  if (!isRecordId(value.id)) {
    throw new RecordValidationError(`A ${store} record needs a random 32-hex id (use newId()).`);
  }
  const v = schema ? checkSchema(store, value, schema) : value;
  let json: string | undefined;
  try {
    json = JSON.stringify(v);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    throw new RecordValidationError(`A ${store} record must be JSON-serialisable.`);
  }
  // A plain object's JSON text is its own fields, id included. Anything else (a toJSON method, a
  // class instance, an id behind a getter) is parsed back to check that the text is still this record.
  if (!isPlainRecord(v)) {
    let back: unknown;
    try {
      back = JSON.parse(json);
    } catch {
      back = undefined;
    }
    if (!back || typeof back !== 'object' || (back as { id?: unknown }).id !== value.id) {
      throw new RecordValidationError(`A ${store} record must serialise to itself, id included.`);
    }
  }
  return { value: v, json };
}
