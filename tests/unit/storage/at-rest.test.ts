/**
 * What sits on disk: the metadata allowlist (security.md test 2), the plaintext guard (test 9),
 * nonce uniqueness and padding (test 8), and the migrations being numbered and frozen.
 */
import type Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENTITY_STORES,
  MIGRATIONS,
  PlaintextGuardError,
  RECORD_STORES,
  TamperError,
  newId,
  type Vault,
} from '../../../src/storage';
import { createDatabase } from '../../../src/storage/db';
import { deriveRecordKey, generateDataKey } from '../../../src/storage/crypto/keys';
import { PAD_MIN, open, paddedLength, seal } from '../../../src/storage/crypto/seal';
import { newVault, rawDump, rawOpen } from './helpers';

const CANARY = 'Canary-Żółć-7f3a';

describe('metadata allowlist: only allowed databases, stores, indexes and keys exist', () => {
  let vault: Vault;
  let dbName: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    ({ vault, dbName } = await newVault('allowlist'));
    for (const store of ENTITY_STORES) {
      const id = newId();
      ids.set(store, id);
      await vault.repo(store).put({
        id,
        status: 'open',
        country: 'XX',
        note: `${CANARY} ${store}`,
        createdAt: '2026-01-01',
      });
    }
    vault.lock();
  });
  afterAll(() => vault.lock());

  it('Given a vault with one record in every store, When listing databases, Then only the vault database is there', async () => {
    const dbs = (await indexedDB.databases()).map((d) => d.name);
    expect(dbs).toContain(dbName);
    // Other test files use their own names; in this file's worker only this vault exists.
    expect(dbs.filter((n) => n && !n.startsWith('haven-test-'))).toEqual([]);
  });

  it('Given that vault, When listing stores and indexes, Then they are exactly meta + RECORD_STORES, with no index', async () => {
    const db = await rawOpen(dbName);
    try {
      expect([...db.objectStoreNames].sort()).toEqual(['meta', ...RECORD_STORES].sort());
      const tx = db.transaction([...db.objectStoreNames], 'readonly');
      for (const name of db.objectStoreNames) {
        const s = tx.objectStore(name);
        expect(s.keyPath, name).toBe('id');
        expect(s.autoIncrement, name).toBe(false);
        expect([...s.indexNames], name).toEqual([]);
      }
    } finally {
      db.close();
    }
  });

  it('Given that vault, When reading every raw row, Then meta holds only the header and every other row is exactly {id, v, c} with a random id', async () => {
    const dump = await rawDump(dbName);
    expect(dump.meta!.map((r) => r.key)).toEqual(['header']);
    let rows = 0;
    for (const store of RECORD_STORES) {
      for (const { key, value } of dump[store] ?? []) {
        rows++;
        expect(key).toMatch(/^[0-9a-f]{32}$/);
        expect(Object.keys(value as object).sort()).toEqual(['c', 'id', 'v']);
        const row = value as { id: string; v: number; c: Uint8Array };
        expect(row.id).toBe(key);
        expect(row.v).toBe(1);
        expect(row.c).toBeInstanceOf(Uint8Array);
        // No canary and no low-cardinality value in the clear.
        const text = Buffer.from(row.c).toString('latin1');
        expect(text).not.toContain('Canary');
        expect(text).not.toContain('open');
      }
    }
    // 12 entity records + 12 audit rows + the sealed integrity manifest (integrity.ts).
    expect(rows).toBe(ENTITY_STORES.length * 2 + 1);
    const header = JSON.stringify(dump.meta![0]!.value);
    expect(header).not.toContain('Canary');
  });
});

describe('plaintext guard on the header store', () => {
  it('Given a vault header, When it is rewritten through Dexie with an extra field, Then the guard refuses it; unchanged, it is accepted', async () => {
    const { vault, dbName } = await newVault('guard-meta');
    vault.lock();
    const db = createDatabase(dbName);
    await db.open();
    try {
      const header = (await db.table('meta').get('header')) as Record<string, unknown>;
      await expect(db.table('meta').put({ ...header, note: 'coordinator: Jane' })).rejects.toThrow(
        PlaintextGuardError,
      );
      await expect(db.table('meta').put({ ...header, id: 'other' })).rejects.toThrow(
        PlaintextGuardError,
      );
      await db.table('meta').put(header);
    } finally {
      db.close();
    }
  });
});

describe('migrations', () => {
  it('Given the migration list, When inspected, Then versions are numbered from 1 without gaps, frozen, and declare id-only stores', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(Object.isFrozen(MIGRATIONS)).toBe(true);
    for (const m of MIGRATIONS) {
      expect(Object.isFrozen(m.stores)).toBe(true);
      for (const spec of Object.values(m.stores)) expect(spec).toBe('id');
    }
    expect(Object.keys(MIGRATIONS[0]!.stores).sort()).toEqual(['meta', ...RECORD_STORES].sort());
  });
});

describe('plaintext guard', () => {
  let db: Dexie;
  let row: { id: string; v: number; c: Uint8Array };

  beforeAll(async () => {
    db = createDatabase(`haven-test-guard-${Math.random()}`);
    await db.open();
    const key = await deriveRecordKey(generateDataKey());
    const id = newId();
    row = (await seal(key, { id, name: 'x' }, 'cases', id)) as typeof row;
  });
  afterAll(() => db.close());

  const bad: [string, () => unknown][] = [
    ['a plain object', () => ({ id: newId(), name: 'Jane Doe' })],
    ['a sealed row with an extra visible field', () => ({ ...row, status: 'open' })],
    ['a row without c', () => ({ id: newId(), v: 1 })],
    [
      'c as a base64 string',
      () => ({ id: newId(), v: 1, c: Buffer.from(row.c).toString('base64') }),
    ],
    ['a readable id', () => ({ ...row, id: 'case-1' })],
    ['a too-short c', () => ({ ...row, c: new Uint8Array(8) })],
  ];

  it.each(bad)(
    'Given %s, When written through Dexie put, Then the write is refused and nothing is stored',
    async (_name, make) => {
      const value = make();
      await expect(db.table('cases').put(value)).rejects.toThrow(PlaintextGuardError);
      await expect(db.table('cases').bulkAdd([value])).rejects.toThrow();
      expect(await db.table('cases').count()).toBe(0);
    },
  );

  it('Given a plain object inside a transaction with a valid row, When committed, Then the whole transaction is refused', async () => {
    await expect(
      db.transaction('rw', 'cases', async () => {
        await db.table('cases').put(row);
        await db.table('cases').put({ id: newId(), name: 'Jane Doe' });
      }),
    ).rejects.toThrow(PlaintextGuardError);
    expect(await db.table('cases').count()).toBe(0);
  });

  it('Given a non-header value, When written to meta, Then it is refused', async () => {
    await expect(db.table('meta').put({ id: 'notes', text: 'hello' })).rejects.toThrow(
      PlaintextGuardError,
    );
  });

  it('Given a sealed row, When written, Then it is accepted (the guard is not a blanket refusal)', async () => {
    await db.table('cases').put(row);
    expect(await db.table('cases').count()).toBe(1);
    await db.table('cases').clear();
  });
});

describe('sealing', () => {
  let key: CryptoKey;
  beforeAll(async () => {
    key = await deriveRecordKey(generateDataKey());
  });

  it('Given the same object sealed 1,000 times, When compared, Then every nonce and every ciphertext is distinct', async () => {
    const id = newId();
    const obj = { id, name: 'same', n: 1 };
    const rows = await Promise.all(Array.from({ length: 1000 }, () => seal(key, obj, 'cases', id)));
    const nonces = new Set(rows.map((r) => Buffer.from(r.c.subarray(0, 12)).toString('hex')));
    const cts = new Set(rows.map((r) => Buffer.from(r.c.subarray(12)).toString('hex')));
    expect(nonces.size).toBe(1000);
    expect(cts.size).toBe(1000);
    expect(await open(key, rows[999], 'cases')).toEqual(obj);
  });

  it('Given small objects of different sizes, When sealed, Then their ciphertexts all have the same length (256-byte minimum)', async () => {
    const id = newId();
    const a = await seal(key, { id, n: 'a' }, 'cases', id);
    const b = await seal(key, { id, n: 'a'.repeat(150) }, 'cases', id);
    const c = await seal(key, { id, n: 'a'.repeat(300) }, 'cases', id);
    expect(a.c.length).toBe(12 + PAD_MIN + 16);
    expect(b.c.length).toBe(a.c.length);
    expect(c.c.length).toBe(12 + paddedLength(300 + 49) + 16);
    expect(c.c.length).toBeGreaterThan(a.c.length);
  });

  it('Given any length, When padded (Padmé), Then the overhead is at most 12.5 % and few distinct sizes remain', () => {
    const sizes = new Set<number>();
    for (let len = 1; len <= 100_000; len++) {
      const p = paddedLength(len);
      expect(p).toBeGreaterThanOrEqual(len);
      expect(p).toBeGreaterThanOrEqual(PAD_MIN);
      if (len > PAD_MIN) expect(p / len).toBeLessThanOrEqual(1.125);
      sizes.add(p);
    }
    // 100,000 lengths collapse into a few hundred padded sizes (a 256-byte block would leave 391).
    expect(sizes.size).toBeLessThan(200);
    expect(paddedLength(256)).toBe(256);
    expect(paddedLength(300)).toBe(304);
  });

  it('Given a row sealed for one store, When opened as another store, Then a TamperError names the store and id', async () => {
    const id = newId();
    const row = await seal(key, { id, x: 1 }, 'cases', id);
    const err = await open(key, row, 'people').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TamperError);
    expect((err as TamperError).store).toBe('people');
    expect((err as TamperError).id).toBe(id);
  });
});
