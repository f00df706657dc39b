/**
 * The backup file's inner format (versioned JSON inside an age file, see backup.ts) and its limits.
 */
import { z } from 'zod';
import { RECORD_ID_PATTERN } from './crypto/bytes';
import type { StoredRecord } from './repository';
import { RECORD_STORES, type RecordStore } from './stores';

export const BACKUP_FORMAT = 'haven-backup';
export const BACKUP_VERSION = 1;
/** age's own default. */
export const DEFAULT_SCRYPT_WORK_FACTOR = 18;

export interface BackupLimits {
  /** Largest accepted file, in bytes (default 200 MB). */
  maxBytes: number;
  /** Largest accepted scrypt work factor log2(N) (default 20, as age itself). */
  maxScryptWorkFactor: number;
  /** Most records per store (default 500,000). */
  maxRecordsPerStore: number;
  /** Longest string anywhere in a record (default 1,000,000 characters). */
  maxStringLength: number;
  /** Deepest nesting inside a record (default 32). */
  maxDepth: number;
}

export const DEFAULT_BACKUP_LIMITS: BackupLimits = Object.freeze({
  maxBytes: 200 * 1024 * 1024,
  maxScryptWorkFactor: 20,
  maxRecordsPerStore: 500_000,
  maxStringLength: 1_000_000,
  maxDepth: 32,
});

/** A damaged row carried as it is stored (unreadable; kept as evidence, never restored). */
export interface OpaqueRow {
  id: string;
  v: number;
  /** The row's ciphertext, base64. */
  c: string;
}

export interface BackupContent {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  stores: Partial<Record<RecordStore, StoredRecord[]>>;
  /** Damaged rows the coordinator chose to include sealed (see createBackup). */
  sealed?: Partial<Record<RecordStore, OpaqueRow[]>>;
}

export interface BackupSummary {
  createdAt: string;
  /** Records per store in the file. */
  counts: Partial<Record<RecordStore, number>>;
  total: number;
  /** Records present both in the file and in the open vault with different content (merge). */
  conflicts: { store: RecordStore; id: string }[];
  /** Records present in both with identical content. */
  identical: number;
  /** Damaged rows carried sealed in the file (not restored). */
  sealedDamaged: number;
}

/** A validated backup, ready to restore. Holds decrypted records in memory: drop it when done. */
export interface BackupPlan {
  readonly summary: BackupSummary;
  /** @internal */
  readonly content: BackupContent;
}

export type RestoreMode = 'empty' | 'merge';

export interface RestoreOptions {
  /** "empty": the open vault must have no records (a new vault); "merge": add to the open vault. */
  mode: RestoreMode;
  /** In merge mode, which side wins when a record exists on both sides (default: keep the local one). */
  onConflict?: 'keep-local' | 'take-backup';
}

export interface RestoreResult {
  written: number;
  skipped: number;
}

export const recordSchema = z.looseObject({ id: z.string().regex(RECORD_ID_PATTERN) });
export const opaqueRowSchema = z.strictObject({
  id: z.string().regex(RECORD_ID_PATTERN),
  v: z.number().int().min(1),
  c: z.base64(),
});

export function contentSchema(limits: BackupLimits) {
  const storesShape = Object.fromEntries(
    RECORD_STORES.map((s) => [s, z.array(recordSchema).max(limits.maxRecordsPerStore).optional()]),
  ) as Record<RecordStore, z.ZodOptional<z.ZodArray<typeof recordSchema>>>;
  const sealedShape = Object.fromEntries(
    RECORD_STORES.map((s) => [
      s,
      z.array(opaqueRowSchema).max(limits.maxRecordsPerStore).optional(),
    ]),
  ) as Record<RecordStore, z.ZodOptional<z.ZodArray<typeof opaqueRowSchema>>>;
  return z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.iso.datetime(),
    stores: z.strictObject(storesShape),
    sealed: z.strictObject(sealedShape).optional(),
  });
}

/** Canonical JSON (sorted keys): equal records give equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}
