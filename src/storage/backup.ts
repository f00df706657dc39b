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
import { backupPortOf } from './backup-port';
import { BackupError, StorageError } from './errors';
import { RECORD_ID_PATTERN, utf8 } from './crypto/bytes';
import { b64 } from './header';
import { damagedCount, isPending } from './integrity';
import type { StoredRecord } from './repository';
import type { Vault } from './vault';
import { VAULT_SCHEMAS } from './schemas';

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

const recordSchema = z.looseObject({ id: z.string().regex(RECORD_ID_PATTERN) });
const opaqueRowSchema = z.strictObject({
  id: z.string().regex(RECORD_ID_PATTERN),
  v: z.number().int().min(1),
  c: z.base64(),
});

function contentSchema(limits: BackupLimits) {
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

function schemaOf(store: RecordStore): z.ZodType {
  return VAULT_SCHEMAS[store];
}

/** References a record makes to records of other stores: field name, target store, ids. */
type Ref = { field: string; target: RecordStore; ids: unknown[] };
function referencesOf(store: RecordStore, r: Record<string, unknown>): Ref[] {
  const one = (field: string, target: RecordStore): Ref => ({ field, target, ids: [r[field]] });
  const many = (field: string, target: RecordStore): Ref => ({
    field,
    target,
    ids: Array.isArray(r[field]) ? (r[field] as unknown[]) : [],
  });
  switch (store) {
    case 'stays':
      return [one('caseId', 'cases'), one('hostId', 'hosts'), many('personIds', 'people')];
    case 'legs':
      return [one('caseId', 'cases'), many('travellerIds', 'people')];
    case 'visas':
      return [one('caseId', 'cases'), one('personId', 'people')];
    case 'people':
    case 'checkpoints':
    case 'extensions':
    case 'budgetLines':
      return [one('caseId', 'cases')];
    default:
      return [];
  }
}

/** "travelDocument.expiry" -> "travel document expiry" (field names a coordinator can read). */
function readableField(path: readonly PropertyKey[]): string {
  const words = path
    .filter((p): p is string => typeof p === 'string')
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/Ids?\b/g, '')
    .toLowerCase()
    .trim();
  return words || 'record';
}

function invalidRecord(
  store: RecordStore,
  index: number,
  id: string,
  issue: z.core.$ZodIssue | undefined,
): BackupError {
  const field = readableField(issue?.path ?? []);
  // zod's own messages ("Invalid input: expected string ...") are jargon: only the schema's
  // written messages are shown.
  const message = issue?.message ?? '';
  const generic = !message || /^Invalid|^Too (big|small)|^Unrecognized/.test(message);
  const values = { store, n: index + 1, id: id.slice(0, 8), field, reason: generic ? '' : message };
  return new BackupError(
    `Record ${index + 1} of ${store} (${id.slice(0, 8)}) is not valid: ${field}${generic ? '' : `: ${message}`}. Nothing was restored.`,
    'schema',
    {
      key: generic ? 'integrity.restore.invalidField' : 'integrity.restore.invalid',
      values,
    },
  );
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
  opts: {
    scryptWorkFactor?: number;
    /**
     * What to do with rows that fail their integrity check, once the coordinator kept them
     * quarantined: carry them sealed (unreadable, as evidence) or leave them out. Without a
     * choice, a vault with damaged rows is not backed up.
     */
    damaged?: 'include-sealed' | 'leave-out';
  } = {},
): Promise<Uint8Array> {
  const port = backupPortOf(vault);
  const report = port.damageReport();
  const count = damagedCount(report);
  if (isPending(report)) {
    throw new BackupError(
      'Some records are damaged or changed outside Haven. Choose what to do in the notice at the top first (keep them quarantined, or delete them), then back up.',
      'tampered-vault',
      { key: 'integrity.backup.undecided', values: { count } },
    );
  }
  if (count > 0 && !opts.damaged) {
    throw new BackupError(
      `${count} damaged record(s) are kept quarantined. Choose whether the backup carries them sealed or leaves them out.`,
      'tampered-vault',
      { key: 'integrity.backup.chooseDamaged', values: { count } },
    );
  }
  const all = port.records();
  const content: BackupContent = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    stores: {},
  };
  for (const store of RECORD_STORES) content.stores[store] = all[store];
  if (count > 0 && opts.damaged === 'include-sealed') {
    const rows = await port.damagedRows();
    content.sealed = {};
    for (const store of RECORD_STORES) {
      const list = rows[store];
      if (list?.length)
        content.sealed[store] = list.map((r) => ({
          id: r.id,
          v: r.v,
          c: b64.encode(new Uint8Array(r.c)),
        }));
    }
  }
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
  } catch (e) {
    // age says "no identity matched" when the passphrase does not unwrap the file key; anything
    // later (header MAC, payload chunks, truncation) means the file itself is damaged. (A flip
    // inside the wrapped file key looks like a wrong passphrase: age cannot tell those apart.)
    const text = e instanceof Error ? e.message : '';
    if (/no identity matched/i.test(text)) {
      throw new BackupError(
        'The passphrase does not open this backup. Check it and try again (if you are sure it is right, the file may be damaged).',
        'wrong-passphrase',
        { key: 'integrity.restore.wrongPassphrase', values: {} },
      );
    }
    throw new BackupError(
      'The passphrase is right, but the backup file is damaged or incomplete (cut short or changed). Nothing was restored; use another copy of the backup.',
      'damaged-file',
      { key: 'integrity.restore.damagedFile', values: {} },
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
  const port = backupPortOf(vault);
  const local = port.records();
  // Every record against the schema of its store, before anything else looks at it.
  const known = new Map<RecordStore, Set<string>>();
  for (const store of RECORD_STORES) {
    // Damaged rows carried sealed still stand for their record: a reference to one is not dangling.
    const ids = new Set([
      ...local[store].map((r) => r.id),
      ...(content.sealed?.[store] ?? []).map((r) => r.id),
    ]);
    const list = content.stores[store] ?? [];
    const seen = new Set<string>();
    const schema = schemaOf(store);
    list.forEach((rec, i) => {
      if (seen.has(rec.id))
        throw new BackupError(`The backup repeats a record id in ${store}.`, 'schema', {
          key: 'integrity.restore.repeated',
          values: { store, n: i + 1, id: rec.id.slice(0, 8) },
        });
      seen.add(rec.id);
      ids.add(rec.id);
      const r = schema.safeParse(rec);
      if (!r.success) throw invalidRecord(store, i, rec.id, r.error.issues[0]);
    });
    known.set(store, ids);
  }
  // Then every reference (a stay's case, host and people; a leg's people; a visa's person ...),
  // against the backup and, for a merge, this vault.
  for (const store of RECORD_STORES) {
    (content.stores[store] ?? []).forEach((rec, i) => {
      for (const ref of referencesOf(store, rec)) {
        const targets = known.get(ref.target);
        for (const id of ref.ids) {
          if (typeof id === 'string' && targets?.has(id)) continue;
          const field = readableField([ref.field]);
          throw new BackupError(
            `Record ${i + 1} of ${store} (${rec.id.slice(0, 8)}) refers to a ${field} that is neither in the backup nor in this vault. Nothing was restored.`,
            'dangling-reference',
            {
              key: 'integrity.restore.dangling',
              values: { store, n: i + 1, id: rec.id.slice(0, 8), target: ref.target },
            },
          );
        }
      }
    });
  }
  for (const store of RECORD_STORES) {
    const list = content.stores[store];
    if (!list) continue;
    const localById = new Map(local[store].map((r) => [r.id, r]));
    list.forEach((rec, i) => {
      let valid: StoredRecord;
      try {
        valid = port.validate(store, rec);
      } catch (e) {
        if (e instanceof StorageError)
          throw new BackupError(`The backup holds an invalid record: ${e.message}`, 'schema', {
            key: 'integrity.restore.invalidField',
            values: { store, n: i + 1, id: rec.id.slice(0, 8), field: 'record', reason: '' },
          });
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
  let sealedDamaged = 0;
  for (const list of Object.values(content.sealed ?? {})) sealedDamaged += list.length;
  return {
    summary: { createdAt: content.createdAt, counts, total, conflicts, identical, sealedDamaged },
    content,
  };
}

/** Restores a validated plan in one transaction (everything sealed first). */
export async function restoreBackup(
  vault: Vault,
  plan: BackupPlan,
  opts: RestoreOptions,
): Promise<RestoreResult> {
  const port = backupPortOf(vault);
  const local = port.records();
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
  const audit = port.newAuditRow([
    {
      store: 'meta',
      entityId: 'backup',
      action: opts.mode === 'empty' ? 'restore-backup' : 'merge-backup',
      fields: RECORD_STORES.filter((s) => (toWrite[s]?.length ?? 0) > 0),
    },
  ]);
  await port.writeRaw(toWrite, audit);
  return { written, skipped };
}
