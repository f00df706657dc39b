/**
 * Building blocks for the entity schemas (zod 4). Every message says how to fix the input, because
 * forms show them verbatim. Branded types (ids, dates, money) come out of parsing already branded.
 */
import { z } from 'zod';
import { isLatitude, isLongitude } from '../geo';
import { isIdString } from '../ids';
import { err, ok, type FieldError, type Result } from '../result';
import {
  isCurrencyCode,
  isDecimalString,
  isMinorUnits,
  type CurrencyCode,
  type DecimalString,
  type MinorUnits,
} from '../money';
import {
  DOCUMENT_DATE_RANGE,
  PLAN_DATE_RANGE,
  dateErrorMessage,
  isIanaZone,
  isLocalDateTime,
  localDateTimeErrorMessage,
  parseIsoDate,
  parseLocalDateTime,
  type DateRange,
  type IanaZone,
  type IsoDate,
  type IsoInstant,
  type LocalDateTime,
} from '../time';

/** A record id of brand `T`; `label` names it in the message ("Host"). */
export function idSchema<T extends string>(label: string) {
  return z.custom<T>((v) => isIdString(v), {
    error: `${label} is missing or not a valid reference; pick it again from the list`,
  });
}

function dateSchema(range: DateRange, label: string) {
  return z.custom<IsoDate>((v) => typeof v === 'string' && parseIsoDate(v, range).ok, {
    error: (iss) => {
      if (typeof iss.input !== 'string' || iss.input === '') return `Enter ${label} as YYYY-MM-DD`;
      const r = parseIsoDate(iss.input, range);
      return r.ok ? undefined : `${capitalize(label)}: ${dateErrorMessage(r.error)}`;
    },
  });
}
/** A plan date (2000-01-01..2100-12-31). */
export const planDate = (label: string) => dateSchema(PLAN_DATE_RANGE, label);
/** A birth or document date (1900-01-01..2100-12-31). */
export const documentDate = (label: string) => dateSchema(DOCUMENT_DATE_RANGE, label);

export const instantSchema = z.custom<IsoInstant>(
  (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  { error: 'Timestamp must be an ISO 8601 instant such as 2026-03-29T01:35:00.000Z' },
);

/** A local plan date-time (`YYYY-MM-DDTHH:mm`, a real day in 2000..2100, hours 00..23). */
export const localDateTimeSchema = (label: string) =>
  z.custom<LocalDateTime>((v) => isLocalDateTime(v) && parseLocalDateTime(v, PLAN_DATE_RANGE).ok, {
    error: (iss) => {
      if (typeof iss.input !== 'string' || iss.input === '')
        return `Enter the ${label} date and time as YYYY-MM-DD HH:mm (24-hour clock)`;
      const r = parseLocalDateTime(iss.input, PLAN_DATE_RANGE);
      if (r.ok) return `Enter the ${label} date and time as YYYY-MM-DD HH:mm (24-hour clock)`;
      return `${capitalize(label)}: ${localDateTimeErrorMessage(r.error)}`;
    },
  });

export const zoneSchema = z.custom<IanaZone>((v) => isIanaZone(v), {
  error:
    'Time zone is unknown; pick the place from the list so its zone (e.g. Europe/Paris) is filled in',
});

export const currencySchema = z.custom<CurrencyCode>((v) => isCurrencyCode(v), {
  error: 'Choose a three-letter ISO 4217 currency code, for example EUR or USD',
});

export const minorUnitsSchema = z.custom<MinorUnits>((v) => isMinorUnits(v), {
  error: 'Amount must be a whole number of minor units (cents); enter it through the amount field',
});
export const nonNegativeMinorUnits = minorUnitsSchema.refine((v) => v >= 0, {
  error: 'Enter a positive amount (record refunds as a separate line)',
});

export const moneySchema = z.object({ amount: nonNegativeMinorUnits, currency: currencySchema });

export const decimalSchema = z.custom<DecimalString>((v) => isDecimalString(v) && Number(v) > 0, {
  error: 'Enter the rate as a positive decimal number with a dot, for example 0.9213',
});

/** ISO 3166-1 alpha-2, upper case ("FR"; "XK" for Kosovo is accepted). */
export const countryCodeSchema = z.string({ error: 'Choose a country' }).regex(/^[A-Z]{2}$/, {
  error: 'Choose a country from the list (two-letter ISO code such as FR)',
});

export const latitudeSchema = z.custom<number>((v) => isLatitude(v), {
  error: 'Latitude must be between -90 and 90',
});
export const longitudeSchema = z.custom<number>((v) => isLongitude(v), {
  error: 'Longitude must be between -180 and 180',
});

/** Required single-line text, trimmed, 1..max characters. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `Shorten ${label} to ${max} characters or fewer` });
}
/** Optional free text ('' when empty), trimmed. */
export function optionalText(label: string, max = 5000) {
  return z
    .string({ error: `${capitalize(label)} must be text` })
    .trim()
    .max(max, { error: `Shorten ${label} to ${max} characters or fewer` })
    .default('');
}
/** Optional text that is `null` when not given (a sensitive field that is better absent than empty). */
export function nullableText(label: string, max = 200) {
  return z
    .string({ error: `${capitalize(label)} must be text` })
    .trim()
    .max(max, { error: `Shorten ${label} to ${max} characters or fewer` })
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));
}

/** Fields every stored record carries besides its own. */
export const recordMeta = {
  createdAt: instantSchema,
  updatedAt: instantSchema,
};

/**
 * The two schemas of a stored entity: what its form edits (`input`: the fields) and what is stored
 * (`record`: the fields with the id and the timestamps), both held to the same cross-field rules.
 */
export function entitySchemas<Shape extends z.ZodRawShape, Id extends z.ZodType>(
  fields: z.ZodObject<Shape>,
  id: Id,
  rules?: (v: z.output<z.ZodObject<Shape>>, ctx: IssueSink) => void,
) {
  const record = fields.extend({ id, ...recordMeta });
  if (!rules) return { input: fields, record };
  // A record is its fields and more, so the fields' rules hold for it; TypeScript cannot see that
  // through the generic extend.
  const recordRules = rules as Parameters<typeof record.superRefine>[0];
  return { input: fields.superRefine(rules), record: record.superRefine(recordRules) };
}

/** A list of unique ids, at least `min`. */
export function idList<T extends string>(label: string, min: number, minMessage: string) {
  return z
    .array(idSchema<T>(label))
    .min(min, { error: minMessage })
    .refine((ids) => new Set(ids).size === ids.length, {
      error: `Each ${label.toLowerCase()} can be listed only once; remove the duplicate`,
    });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Minimal view of zod's refinement context used by the cross-field rules. */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void;
}

/** Reports a broken cross-field rule at `field` (a dotted path), with the sentence that says how to fix it. */
export function addIssue(ctx: IssueSink, field: string, message: string): void {
  ctx.addIssue({ code: 'custom', message, path: field.split('.') });
}

/** Zod issues as the form field errors the UI shows (`{ field: 'travelDocument.expiry', message }`). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/** Parses form input with `schema`; on failure, the field errors. */
export function validateInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
): Result<z.output<S>, FieldError[]> {
  const r = schema.safeParse(value);
  return r.success ? ok(r.data) : err(fieldErrors(r.error));
}
