/**
 * Branded identifiers. Every record id is a string at run time, but `CaseId` and `PersonId` are
 * different types, so a person id can never be passed where a case id is expected.
 * New ids are 128 random bits as 32 lowercase hex characters (WebCrypto, no Node import).
 */

declare const brandTag: unique symbol;
/** `T` tagged with a compile-time-only brand `B` (Excalidraw's `Radians` pattern). */
export type Brand<T, B extends string> = T & { readonly [brandTag]: B };

export type CaseId = Brand<string, 'CaseId'>;
export type PersonId = Brand<string, 'PersonId'>;
export type HostId = Brand<string, 'HostId'>;
export type StayId = Brand<string, 'StayId'>;
export type LegId = Brand<string, 'LegId'>;
export type VisaId = Brand<string, 'VisaId'>;
export type CheckpointId = Brand<string, 'CheckpointId'>;
export type ExtensionId = Brand<string, 'ExtensionId'>;
export type BudgetLineId = Brand<string, 'BudgetLineId'>;
export type ExchangeRateId = Brand<string, 'ExchangeRateId'>;
export type PerDiemRateId = Brand<string, 'PerDiemRateId'>;
export type AuditEventId = Brand<string, 'AuditEventId'>;

/** Any record id. */
export type AnyId =
  | CaseId
  | PersonId
  | HostId
  | StayId
  | LegId
  | VisaId
  | CheckpointId
  | ExtensionId
  | BudgetLineId
  | ExchangeRateId
  | PerDiemRateId
  | AuditEventId;

/** Shape of ids made by `newId()`. */
export const NEW_ID_PATTERN = /^[0-9a-f]{32}$/;
/**
 * Shape accepted when reading ids (schemas): letters, digits, `-` and `_`, 1 to 64 characters.
 * Wider than `NEW_ID_PATTERN` so that fixtures and imported data with readable ids still load,
 * narrow enough that an id can never carry markup or a path.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A new random 128-bit id as 32 hex characters. `newId<PersonId>()` gives a typed id. */
export function newId<T extends string = string>(): T {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out as T;
}

/** True when `value` is a string an id schema accepts. */
export function isIdString(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
