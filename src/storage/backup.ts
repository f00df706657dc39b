/**
 * Encrypted backups: one file in the age format (https://age-encryption.org/v1), encrypted with a
 * passphrase (age's scrypt recipient), so anyone can check or decrypt it with the standard `age`
 * tool. age authenticates its header (HMAC) and its payload in 64 KiB STREAM chunks with a final
 * chunk flag, so bit flips and truncation are detected. Inside, versioned JSON:
 *   { format: "haven-backup", version: 1, createdAt, stores: { <store>: records[] } }
 * with the decrypted records of every store (audit trail included). Nothing is written anywhere by
 * this module: the caller saves the bytes (platform layer).
 *
 * Import never trusts the file: size limit first, then the age header's scrypt work factor (a
 * huge one would freeze the machine; refused before any decryption), then decryption, then JSON
 * limits (depth, string length, records per store) and the zod schema, then the per-store record
 * schemas. Only then is a plan with a summary returned; restoring it seals everything first and
 * commits all rows in one transaction: a bad file changes nothing.
 */
import { Decrypter, Encrypter, armor } from 'age-encryption';
import { z } from 'zod';
import { RECORD_STORES, ENTITY_STORES, type RecordStore } from './db';
import { BackupError, StorageError } from './errors';
import { RECORD_ID_PATTERN, utf8 } from './crypto/bytes';
import type { StoredRecord } from './repository';
import type { Vault } from './vault';

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

export interface BackupContent {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  stores: Partial<Record<RecordStore, StoredRecord[]>>;
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

const recordSchema = z.looseObject({ id: z.string().regex(RECORD_ID_PATTERN) });

function contentSchema(limits: BackupLimits) {
  const storesShape = Object.fromEntries(
    RECORD_STORES.map((s) => [s, z.array(recordSchema).max(limits.maxRecordsPerStore).optional()]),
  ) as Record<RecordStore, z.ZodOptional<z.ZodArray<typeof recordSchema>>>;
  return z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.iso.datetime(),
    stores: z.strictObject(storesShape),
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

/** Encrypts every record of the open vault into an age file. */
export async function createBackup(
  vault: Vault,
  passphrase: string,
  opts: { scryptWorkFactor?: number } = {},
): Promise<Uint8Array> {
  if (vault.tampered().length > 0) {
    throw new BackupError(
      'Some records failed their integrity check; a backup now would silently leave them out.',
      'tampered-vault',
    );
  }
  const all = vault.allRecords();
  const content: BackupContent = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    stores: {},
  };
  for (const store of RECORD_STORES) content.stores[store] = all[store];
  const e = new Encrypter();
  e.setScryptWorkFactor(opts.scryptWorkFactor ?? DEFAULT_SCRYPT_WORK_FACTOR);
  e.setPassphrase(passphrase.normalize('NFC'));
  return e.encrypt(utf8.encode(JSON.stringify(content)));
}

const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/**
 * Reads the age header's stanzas without decrypting and refuses anything but a single scrypt
 * stanza with a sane work factor. Exported for tests.
 */
export function checkAgeHeader(file: Uint8Array, maxWorkFactor: number): void {
  const head = new TextDecoder('latin1').decode(file.subarray(0, 4096));
  if (!head.startsWith(AGE_MAGIC))
    throw new BackupError('This is not an age-encrypted Haven backup.', 'not-age');
  const lines = head.slice(AGE_MAGIC.length).split('\n');
  let scrypt = 0;
  for (const line of lines) {
    if (line.startsWith('---')) break;
    if (!line.startsWith('-> ')) continue; // body lines of a stanza (base64)
    const args = line.slice(3).split(' ');
    if (args[0] !== 'scrypt') {
      throw new BackupError(
        'This backup is not passphrase-encrypted (unexpected age recipient).',
        'not-age',
      );
    }
    scrypt++;
    const logN = args[2] ?? '';
    if (args.length !== 3 || !/^[1-9][0-9]?$/.test(logN)) {
      throw new BackupError('The backup header is malformed (scrypt work factor).', 'not-age');
    }
    if (Number(logN) > maxWorkFactor) {
      throw new BackupError(
        `The backup asks for a scrypt work factor of 2^${logN}, above the allowed 2^${maxWorkFactor}; refused before decrypting.`,
        'work-factor',
      );
    }
  }
  if (scrypt !== 1)
    throw new BackupError(
      'The backup header is malformed (expected one scrypt recipient).',
      'not-age',
    );
}

function checkLimits(value: unknown, limits: BackupLimits, depth: number): void {
  if (depth > limits.maxDepth) throw new BackupError('The backup nests data too deeply.', 'limits');
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength)
      throw new BackupError('The backup holds an over-long text.', 'limits');
  } else if (Array.isArray(value)) {
    for (const v of value) checkLimits(v, limits, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.length > limits.maxStringLength)
        throw new BackupError('The backup holds an over-long key.', 'limits');
      checkLimits(v, limits, depth + 1);
    }
  }
}

/**
 * Decrypts and validates a backup against the open vault and returns a plan with its summary.
 * Writes nothing. Throws BackupError with a reason on any problem.
 */
export async function readBackup(
  vault: Vault,
  file: Uint8Array,
  passphrase: string,
  limitsIn: Partial<BackupLimits> = {},
): Promise<BackupPlan> {
  const limits = { ...DEFAULT_BACKUP_LIMITS, ...limitsIn };
  if (file.length > limits.maxBytes) {
    throw new BackupError(
      `The backup is larger than the ${Math.round(limits.maxBytes / 1e6)} MB limit.`,
      'too-large',
    );
  }
  let bytes = file;
  const start = new TextDecoder('latin1').decode(file.subarray(0, ARMOR_BEGIN.length));
  if (start === ARMOR_BEGIN) {
    try {
      bytes = armor.decode(new TextDecoder('latin1').decode(file));
    } catch {
      throw new BackupError('The armored backup is malformed.', 'not-age');
    }
  }
  checkAgeHeader(bytes, limits.maxScryptWorkFactor);
  let plain: Uint8Array;
  try {
    const d = new Decrypter();
    d.addPassphrase(passphrase.normalize('NFC'));
    plain = await d.decrypt(bytes, 'uint8array');
  } catch {
    throw new BackupError(
      'The backup could not be decrypted: wrong passphrase, or the file is damaged or truncated.',
      'decrypt',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new BackupError('The backup content is not valid JSON.', 'json');
  }
  checkLimits(json, { ...limits, maxDepth: limits.maxDepth + 3 }, 0);
  const parsed = contentSchema(limits).safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`)
      .join('; ');
    throw new BackupError(`The backup content is invalid (${where}).`, 'schema');
  }
  const content = parsed.data as BackupContent;
  const counts: BackupSummary['counts'] = {};
  const conflicts: BackupSummary['conflicts'] = [];
  let total = 0;
  let identical = 0;
  const local = vault.allRecords();
  for (const store of RECORD_STORES) {
    const list = content.stores[store];
    if (!list) continue;
    const ids = new Set<string>();
    const localById = new Map(local[store].map((r) => [r.id, r]));
    list.forEach((rec, i) => {
      if (ids.has(rec.id))
        throw new BackupError(`The backup repeats a record id in ${store}.`, 'schema');
      ids.add(rec.id);
      let valid: StoredRecord;
      try {
        valid = vault.validateRecord(store, rec);
      } catch (e) {
        if (e instanceof StorageError)
          throw new BackupError(`The backup holds an invalid record: ${e.message}`, 'schema');
        throw e;
      }
      list[i] = valid;
      const mine = localById.get(rec.id);
      if (mine) {
        if (canonicalJson(mine) === canonicalJson(valid)) identical++;
        else conflicts.push({ store, id: rec.id });
      }
    });
    counts[store] = list.length;
    total += list.length;
  }
  return {
    summary: { createdAt: content.createdAt, counts, total, conflicts, identical },
    content,
  };
}

/** Restores a validated plan in one transaction (everything sealed first). */
export async function restoreBackup(
  vault: Vault,
  plan: BackupPlan,
  opts: RestoreOptions,
): Promise<RestoreResult> {
  const local = vault.allRecords();
  if (opts.mode === 'empty') {
    const nonEmpty = ENTITY_STORES.filter((s) => local[s].length > 0);
    if (nonEmpty.length > 0) {
      throw new BackupError(
        'Restoring into a new vault needs an empty vault; use merge instead.',
        'not-empty',
      );
    }
  }
  const takeBackup = opts.onConflict === 'take-backup';
  const toWrite: Partial<Record<RecordStore, StoredRecord[]>> = {};
  let written = 0;
  let skipped = 0;
  for (const store of RECORD_STORES) {
    const list = plan.content.stores[store];
    if (!list) continue;
    const localById = new Map(local[store].map((r) => [r.id, r]));
    const out: StoredRecord[] = [];
    for (const rec of list) {
      const mine = localById.get(rec.id);
      if (mine && (!takeBackup || canonicalJson(mine) === canonicalJson(rec))) {
        skipped++;
        continue;
      }
      out.push(rec);
    }
    written += out.length;
    toWrite[store] = out;
  }
  const audit = vault.newAuditRow([
    {
      store: 'meta',
      entityId: 'backup',
      action: opts.mode === 'empty' ? 'restore-backup' : 'merge-backup',
      fields: RECORD_STORES.filter((s) => (toWrite[s]?.length ?? 0) > 0),
    },
  ]);
  await vault.writeRaw(toWrite, audit);
  return { written, skipped };
}
