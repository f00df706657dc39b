/**
 * The plaintext guard: a Dexie DBCore middleware that refuses any write that is not a sealed row.
 * In a record store a value must be exactly `{ id: 32 hex, v: number, c: bytes }` (nothing else,
 * so no stray plaintext field can reach the disk); in "meta" only a schema-valid vault header.
 * It is synchronous on purpose: no WebCrypto is awaited inside a transaction or a middleware.
 */
import type Dexie from 'dexie';
import type { DBCoreMutateRequest } from 'dexie';
import { PlaintextGuardError } from './errors';
import { isRecordId } from './crypto/bytes';
import { headerSchema } from './header';
import { META_STORE, RECORD_STORES } from './stores';

const RECORD_STORE_SET = new Set<string>(RECORD_STORES);
const MIN_C_BYTES = 12 + 16;

function isBytes(c: unknown): number {
  if (c instanceof Uint8Array) return c.length;
  if (c instanceof ArrayBuffer) return c.byteLength;
  return -1;
}

/** Why `value` is not a sealed row, or null when it is one. (Runs for every row written: no allocation.) */
export function sealedRowProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  if (Object.getPrototypeOf(value) !== Object.prototype) return 'not a plain object';
  const row = value as { id?: unknown; v?: unknown; c?: unknown };
  let count = 0;
  for (const k in row) {
    if (k !== 'id' && k !== 'v' && k !== 'c')
      return `unexpected field "${k}" (only {id, v, c} may be stored)`;
    count++;
  }
  if (count !== 3) return 'fields must be exactly {id, v, c}';
  if (!isRecordId(row.id)) return 'id is not a 32-hex random id';
  if (typeof row.v !== 'number' || !Number.isInteger(row.v) || row.v < 1)
    return 'v is not a format version';
  if (isBytes(row.c) < MIN_C_BYTES) return 'c is not a ciphertext';
  return null;
}

function headerProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object') return 'not an object';
  if ((value as { id?: unknown }).id !== 'header')
    return 'only the vault header may be written to meta';
  // The header's exact schema (strict: no extra field can carry plaintext into meta).
  const r = headerSchema.safeParse(value);
  return r.success ? null : 'not a valid vault header';
}

function check(table: string, req: DBCoreMutateRequest): void {
  if (req.type !== 'add' && req.type !== 'put') return; // deletes carry no data
  const isRecord = RECORD_STORE_SET.has(table);
  if (!isRecord && table !== META_STORE) {
    throw new PlaintextGuardError(`Write to unknown store "${table}" refused.`);
  }
  if (req.keys && req.keys.length > 0) {
    throw new PlaintextGuardError(`Write to "${table}" with out-of-line keys refused.`);
  }
  for (const value of req.values) {
    const problem = isRecord ? sealedRowProblem(value) : headerProblem(value);
    if (problem) throw new PlaintextGuardError(`Unsealed write to "${table}" refused: ${problem}.`);
  }
}

export function installPlaintextGuard(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'HavenPlaintextGuard',
    // Lowest level = closest to IndexedDB: runs after every other middleware has shaped the write.
    level: -100,
    create(down) {
      return {
        ...down,
        table(name) {
          const t = down.table(name);
          return {
            ...t,
            mutate(req) {
              try {
                check(name, req);
              } catch (e) {
                return Promise.reject(e);
              }
              return t.mutate(req);
            },
          };
        },
      };
    },
  });
}
