/**
 * The checks a backup passes before anything is restored (backup.ts readBackup): size, the age
 * header's scrypt work factor (refused before any decryption), decryption, JSON limits (depth,
 * string length, records per store) and the file's schema, then every record against its store's
 * schema (VAULT_SCHEMAS) and every reference against the backup and the open vault.
 */
import { Decrypter, armor } from 'age-encryption';
import type { z } from 'zod';
import { contentSchema, type BackupContent, type BackupLimits } from './backup-format';
import { BackupError } from './errors';
import type { StoredRecord } from './repository';
import { VAULT_SCHEMAS } from './schemas';
import { RECORD_STORES, type RecordStore } from './stores';

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

/** Decrypts a backup file and checks its content against the limits and the file's schema. */
export async function decryptContent(
  file: Uint8Array,
  passphrase: string,
  limits: BackupLimits,
): Promise<BackupContent> {
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
  return parsed.data as BackupContent;
}

/**
 * Every record against the schema of its store (no repeated ids), then every reference against
 * the backup and `local`, the open vault's records. Throws BackupError naming the record.
 */
export function checkRecords(
  content: BackupContent,
  local: Record<RecordStore, StoredRecord[]>,
): void {
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
}
