/**
 * The vault's record API and key management: repositories with their audit trail and atomic
 * transactions, passphrase change and key rotation (security.md test 11), and the passphrase
 * strength estimate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  RECORD_STORES,
  RecordValidationError,
  Vault,
  WrongSecretError,
  newId,
  passphraseStrength,
  type StoredRecord,
} from '../../../src/storage';
import { activeDatabase } from '../../../src/storage/rekey';
import { OTHER_PASSPHRASE, PASSPHRASE, newVault, rawDump, rawGet, rejectsWith } from './helpers';

const CaseSchema = z.strictObject({
  id: z.string(),
  codeName: z.string().min(1),
  status: z.enum(['open', 'closed']),
});
type Case = z.infer<typeof CaseSchema>;

describe('repositories', () => {
  let vault: Vault;
  let dbName: string;
  beforeAll(async () => {
    ({ vault, dbName } = await newVault('repo'));
  });
  afterAll(() => vault.lock());

  it('Given a new record, When put, Then it is listed, sealed on disk, and a create audit event names its fields (not their values)', async () => {
    const cases = vault.repo<Case>('cases', CaseSchema);
    const c: Case = { id: newId(), codeName: 'Heron', status: 'open' };
    const stored = await cases.put(c);
    expect(stored).toEqual(c);
    expect(cases.list()).toContainEqual(c);
    const row = await rawGet<{ c: Uint8Array }>(dbName, 'cases', c.id);
    expect(Buffer.from(row.c).toString('latin1')).not.toContain('Heron');
    const audit = vault.auditFor(c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ store: 'cases', entityId: c.id, action: 'create' });
    expect(audit[0]!.fields.sort()).toEqual(['codeName', 'status']);
    expect(JSON.stringify(audit)).not.toContain('Heron');
  });

  it('Given an existing record, When one field changes, Then the update audit event lists only that field; delete is audited too', async () => {
    const cases = vault.repo<Case>('cases');
    const c: Case = { id: newId(), codeName: 'Ibis', status: 'open' };
    await cases.put(c);
    await cases.put({ ...c, status: 'closed' });
    await cases.delete(c.id);
    expect(cases.get(c.id)).toBeUndefined();
    const audit = vault.auditFor(c.id);
    expect(audit.map((a) => [a.action, a.fields])).toEqual([
      ['create', expect.arrayContaining(['codeName', 'status'])],
      ['update', ['status']],
      ['delete', []],
    ]);
    const dump = await rawDump(dbName);
    expect(dump.cases!.map((r) => r.key)).not.toContain(c.id);
  });

  it('Given a record that fails the schema, When put, Then RecordValidationError names the field but not the value, and nothing is written', async () => {
    const cases = vault.repo<Case>('cases', CaseSchema);
    const before = (await rawDump(dbName)).cases!.length;
    const err = await rejectsWith(
      cases.put({ id: newId(), codeName: 'Secret Name', status: 'weird' as 'open' }),
      RecordValidationError,
    );
    expect(err.message).toContain('status');
    expect(err.message).not.toContain('weird');
    expect(err.message).not.toContain('Secret Name');
    await rejectsWith(
      cases.put({ id: 'case-1', codeName: 'x', status: 'open' }),
      RecordValidationError,
    );
    expect((await rawDump(dbName)).cases!.length).toBe(before);
  });

  it('Given a transaction with a bad op, When committed, Then nothing of it is written (all or nothing)', async () => {
    const a = { id: newId(), codeName: 'A', status: 'open' as const };
    const before = await rawDump(dbName);
    await rejectsWith(
      vault.transaction([
        { op: 'put', store: 'cases', value: a },
        { op: 'put', store: 'cases', value: { id: newId(), codeName: '', status: 'open' } },
      ]),
      RecordValidationError,
    );
    expect(vault.repo('cases').get(a.id)).toBeUndefined();
    expect((await rawDump(dbName)).cases!.length).toBe(before.cases!.length);
    expect((await rawDump(dbName)).audit!.length).toBe(before.audit!.length);
  });

  it('Given records whose JSON form is not themselves (toJSON with another id or no object, an id behind a getter), When put, Then each is refused and nothing is written', async () => {
    const before = await rawDump(dbName);
    const id = newId();
    const odd: StoredRecord[] = [
      { id, codeName: 'J', toJSON: () => ({ id: newId(), codeName: 'J' }) },
      { id, toJSON: () => 5 },
      Object.defineProperty({ codeName: 'G' }, 'id', {
        get: () => id,
        enumerable: false,
      }) as unknown as StoredRecord,
    ];
    for (const value of odd) {
      await rejectsWith(
        vault.transaction([{ op: 'put', store: 'people', value }]),
        RecordValidationError,
      );
    }
    expect(vault.repo('people').get(id)).toBeUndefined();
    expect((await rawDump(dbName)).people!.length).toBe(before.people!.length);
    expect((await rawDump(dbName)).audit!.length).toBe(before.audit!.length);
  });

  it('Given a record put, When the caller then changes its object, Then the stored record and its copy in memory keep what was written', async () => {
    const tags = ['a'];
    const p = { id: newId(), alias: 'Kestrel', tags };
    const pending = vault.transaction([{ op: 'put', store: 'people', value: p }]);
    p.alias = 'Changed';
    tags.push('b');
    await pending;
    expect(vault.repo('people').get(p.id)).toEqual({ id: p.id, alias: 'Kestrel', tags: ['a'] });
    expect(Object.isFrozen(vault.repo('people').get(p.id))).toBe(true);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(vault.repo('people').get(p.id)).toEqual({ id: p.id, alias: 'Kestrel', tags: ['a'] });
  });

  it('Given records just written, When read by id and listed, Then each is one frozen object equal to what was written, the same instance every time', async () => {
    const written = Array.from({ length: 5 }, (_, i) => ({ id: newId(), alias: `R${i}`, at: [i] }));
    await vault.transaction(
      written.map((value) => ({ op: 'put' as const, store: 'people' as const, value })),
    );
    const first = vault.repo('people').get(written[0]!.id)!;
    expect(first).toEqual(written[0]);
    expect(first).not.toBe(written[0]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(vault.repo('people').get(written[0]!.id)).toBe(first);
    const listed = vault.list('people').filter((r) => written.some((w) => w.id === r.id));
    expect(listed).toEqual(written);
    expect(listed.every((r) => Object.isFrozen(r))).toBe(true);
    expect(listed[0]).toBe(first);
  });

  it('Given one write that creates, updates and deletes in two stores, When committed, Then the audit row groups them by store, action and fields in order', async () => {
    const a = { id: newId(), alias: 'A', n: 1 };
    const b = { id: newId(), alias: 'B', n: 1 };
    await vault.transaction([
      { op: 'put', store: 'people', value: a },
      { op: 'put', store: 'people', value: b },
    ]);
    const c = { id: newId(), codeName: 'C', status: 'open' as const };
    await vault.transaction([
      { op: 'put', store: 'people', value: { ...a, n: 2 } },
      { op: 'put', store: 'cases', value: c },
      { op: 'put', store: 'people', value: { ...b, n: 2 } },
      { op: 'delete', store: 'people', id: a.id },
    ]);
    const row = vault
      .list('audit')
      .find((r) =>
        (r.groups as { entityIds: string[] }[]).some((g) => g.entityIds.includes(c.id)),
      )!;
    expect(row.groups).toEqual([
      { store: 'people', action: 'update', fields: ['n'], entityIds: [a.id, b.id] },
      { store: 'cases', action: 'create', fields: ['codeName', 'status'], entityIds: [c.id] },
      { store: 'people', action: 'delete', fields: [], entityIds: [a.id] },
    ]);
    expect(vault.repo('people').get(a.id)).toBeUndefined();
    expect(vault.repo('people').get(b.id)).toMatchObject({ n: 2 });
  });

  it('Given new records of two shapes interleaved, When created in one write, Then the audit row has one create group per shape, in order of first appearance', async () => {
    const short = (i: number) => ({ id: newId(), alias: `S${i}` });
    const long = (i: number) => ({ id: newId(), alias: `L${i}`, n: i });
    const recs = [short(0), long(0), short(1), short(2), long(1)];
    await vault.transaction(
      recs.map((value) => ({ op: 'put' as const, store: 'people' as const, value })),
    );
    const row = vault
      .list('audit')
      .find((r) =>
        (r.groups as { entityIds: string[] }[]).some((g) => g.entityIds.includes(recs[0]!.id)),
      )!;
    expect(row.groups).toEqual([
      {
        store: 'people',
        action: 'create',
        fields: ['alias'],
        entityIds: [recs[0]!.id, recs[2]!.id, recs[3]!.id],
      },
      {
        store: 'people',
        action: 'create',
        fields: ['alias', 'n'],
        entityIds: [recs[1]!.id, recs[4]!.id],
      },
    ]);
  });

  it('Given a transaction over two stores, When committed, Then both records and one audit row are written together', async () => {
    const auditBefore = (await rawDump(dbName)).audit!.length;
    const caseId = newId();
    const personId = newId();
    await vault.transaction([
      { op: 'put', store: 'cases', value: { id: caseId, codeName: 'Crane', status: 'open' } },
      { op: 'put', store: 'people', value: { id: personId, alias: 'P', caseId } },
    ]);
    expect(vault.repo('people').get(personId)).toMatchObject({ caseId });
    expect((await rawDump(dbName)).audit!.length).toBe(auditBefore + 1);
    expect(vault.auditFor(personId)[0]!.action).toBe('create');
  });

  it('Given a write over two stores, When listeners are told, Then a listener of either already reads both records', async () => {
    const caseId = newId();
    const personId = newId();
    // Both lists read before, as a screen showing them would: their snapshots are cached.
    vault.list('cases');
    vault.list('people');
    const seen: string[] = [];
    const look = (store: string) => () => {
      const hasCase = vault.list('cases').some((r) => r.id === caseId);
      const hasPerson = vault.list('people').some((r) => r.id === personId);
      seen.push(`${store}: case ${hasCase}, person ${hasPerson}`);
    };
    const offs = [
      vault.subscribe('cases', look('cases')),
      vault.subscribe('people', look('people')),
    ];
    await vault.transaction([
      { op: 'put', store: 'cases', value: { id: caseId, codeName: 'Wren', status: 'open' } },
      { op: 'put', store: 'people', value: { id: personId, alias: 'W', caseId } },
    ]);
    for (const off of offs) off();
    expect(seen).toEqual(['cases: case true, person true', 'people: case true, person true']);
  });

  it('Given a bulk write of 100 records, When committed, Then exactly one audit row is written and every record has its create event', async () => {
    const auditBefore = (await rawDump(dbName)).audit!.length;
    const many = Array.from({ length: 100 }, (_, i) => ({
      id: newId(),
      codeName: `B${i}`,
      status: 'open' as const,
    }));
    await vault.repo<Case>('cases').bulkPut(many);
    expect((await rawDump(dbName)).audit!.length).toBe(auditBefore + 1);
    for (const c of many) expect(vault.auditFor(c.id).map((a) => a.action)).toEqual(['create']);
    const row = vault
      .list('audit')
      .find((r) => (r.groups as { entityIds: string[] }[])[0]!.entityIds.includes(many[0]!.id))!;
    expect(row.groups).toHaveLength(1);
  });

  it('Given a transaction with a named audit action, When committed, Then the audit trail uses that name', async () => {
    const id = newId();
    await vault.transaction(
      [{ op: 'put', store: 'cases', value: { id, codeName: 'T', status: 'open' } }],
      { auditAction: 'transition' },
    );
    expect(vault.auditFor(id).map((a) => a.action)).toEqual(['transition']);
  });

  it('Given a subscriber, When the store changes, Then it is notified and list() returns a new frozen array', async () => {
    const people = vault.repo('people');
    const first = people.list();
    let calls = 0;
    const off = people.subscribe(() => calls++);
    await people.put({ id: newId(), alias: 'Q' });
    off();
    await people.put({ id: newId(), alias: 'R' });
    expect(calls).toBe(1);
    const second = people.list();
    expect(second).not.toBe(first);
    expect(people.list()).toBe(people.list());
    expect(Object.isFrozen(second)).toBe(true);
    expect(() => {
      (second[0] as StoredRecord).alias = 'changed';
    }).toThrow();
  });

  it('Given records written, When locked and unlocked again, Then the same records come back from disk', async () => {
    const snapshot = Object.fromEntries(
      RECORD_STORES.map((s) => [s, [...vault.list(s)].sort((a, b) => a.id.localeCompare(b.id))]),
    );
    vault.lock();
    await vault.unlock(PASSPHRASE);
    for (const s of RECORD_STORES) {
      expect(
        [...vault.list(s)].sort((a, b) => a.id.localeCompare(b.id)),
        s,
      ).toEqual(snapshot[s]);
    }
  });
});

describe('vault creation', () => {
  it('Given no KDF parameters, When creating a vault, Then it calibrates (never below the floor), reports progress, and the header records the parameters', async () => {
    const dbName = `haven-test-calibrate-${Math.random()}`;
    const v = new Vault({ dbName, calibrationTargetMs: 1 });
    const progress: number[] = [];
    await v.createVault(PASSPHRASE, { onProgress: (f) => progress.push(f) });
    const header = await rawGet<{
      slots: { passphrase: { kdf: { m: number; t: number; p: number } } };
    }>(dbName, 'meta', 'header');
    expect(header.slots.passphrase.kdf).toEqual({ algorithm: 'argon2id', m: 65_536, t: 3, p: 4 });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    v.lock();
  });

  it('Given KDF parameters below the floor, When creating a vault, Then it is refused and nothing is written', async () => {
    const dbName = `haven-test-weakkdf-${Math.random()}`;
    const v = new Vault({ dbName });
    await expect(
      v.createVault(PASSPHRASE, { kdfParams: { m: 19_456, t: 2, p: 1 } }),
    ).rejects.toThrow(/below the security floor/);
    expect(await v.vaultExists()).toBe(false);
  });
});

describe('passphrase change and key rotation', () => {
  let vault: Vault;
  let dbName: string;
  let recoveryCode: string;
  const records = Array.from({ length: 20 }, (_, i) => ({
    id: newId(),
    codeName: `R${i}`,
    status: 'open',
  }));

  beforeAll(async () => {
    ({ vault, dbName, recoveryCode } = await newVault('keys'));
    await vault.repo('cases').bulkPut(records);
  });
  afterAll(() => vault.lock());

  it('Given a wrong current passphrase, When changing it, Then WrongSecretError and the header is unchanged but for the failure count', async () => {
    const slotsOf = async () => {
      const { attempts: _attempts, ...rest } = await rawGet<Record<string, unknown>>(
        dbName,
        'meta',
        'header',
      );
      return JSON.stringify(rest);
    };
    const before = await slotsOf();
    await rejectsWith(vault.changePassphrase(OTHER_PASSPHRASE, OTHER_PASSPHRASE), WrongSecretError);
    expect(await slotsOf()).toBe(before);
  });

  it('Given a confirmed passphrase change, When unlocking, Then the old passphrase and recovery code fail, the new ones work, and every record is re-encrypted', async () => {
    const rowsBefore = (await rawDump(dbName)).cases;
    const { recoveryCode: newCode } = await vault.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    await vault.confirmRekey();
    const active = await activeDatabase(dbName);
    expect(active).not.toBe(dbName);
    const rowsAfter = (await rawDump(active)).cases!;
    expect(rowsAfter).toHaveLength(rowsBefore!.length);
    for (const row of rowsAfter) {
      const was = rowsBefore!.find((r) => r.key === row.key)!.value as { c: Uint8Array };
      expect(Buffer.from((row.value as { c: Uint8Array }).c).equals(Buffer.from(was.c))).toBe(
        false,
      );
    }
    vault.lock();
    const v = new Vault({ dbName });
    await rejectsWith(v.unlock(PASSPHRASE), WrongSecretError);
    await v.unlock(OTHER_PASSPHRASE);
    expect(v.repo('cases').list()).toHaveLength(20);
    v.lock();
    await rejectsWith(v.unlockWithRecoveryCode(recoveryCode, PASSPHRASE), WrongSecretError);
    // The new recovery code sets the passphrase back.
    await v.unlockWithRecoveryCode(newCode, PASSPHRASE);
    expect(v.repo('cases').list()).toHaveLength(20);
    v.lock();
    recoveryCode = newCode;
    await rejectsWith(new Vault({ dbName }).unlock(OTHER_PASSPHRASE), WrongSecretError);
    vault = new Vault({ dbName });
    await vault.unlock(PASSPHRASE);
  });

  it('Given a key rotation, When confirmed, Then every ciphertext changed, data is intact, the old recovery code fails and the new one works', async () => {
    const oldDb = await activeDatabase(dbName);
    const before = await rawDump(oldDb);
    const hexOf = (rows: { key: IDBValidKey; value: unknown }[]) =>
      new Map(
        rows.map((r) => [
          r.key as string,
          Buffer.from((r.value as { c: Uint8Array }).c).toString('hex'),
        ]),
      );
    await rejectsWith(vault.rotateKey(OTHER_PASSPHRASE), WrongSecretError);
    const progress: number[] = [];
    const { recoveryCode: newCode } = await vault.rotateKey(PASSPHRASE, (f) => progress.push(f));
    expect(progress.at(-1)).toBe(1);
    expect(newCode).not.toBe(recoveryCode);
    await vault.confirmRekey();
    const active = await activeDatabase(dbName);
    expect(active).not.toBe(oldDb);
    const after = await rawDump(active);
    for (const store of RECORD_STORES) {
      const b = hexOf(before[store]!);
      const a = hexOf(after[store]!);
      for (const [id, c] of b) expect(a.get(id), `${store}/${id}`).not.toBe(c);
    }
    vault.lock();
    const v = new Vault({ dbName });
    await rejectsWith(v.unlockWithRecoveryCode(recoveryCode, OTHER_PASSPHRASE), WrongSecretError);
    await v.unlockWithRecoveryCode(newCode, OTHER_PASSPHRASE);
    expect([...v.repo('cases').list()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...records].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(v.tampered()).toEqual([]);
    const now = await activeDatabase(dbName);
    const vaultId = (await rawGet<{ vaultId: string }>(now, 'meta', 'header')).vaultId;
    // Each recovery-code unlock re-keys too (with the same code).
    expect(v.auditFor(vaultId).map((e) => e.action)).toEqual([
      'change-passphrase',
      'recover',
      'rotate-key',
      'recover',
    ]);
    v.lock();
  });
});

describe('key rotation racing writes', () => {
  it('Given writes started just before and during a rotation, When all settle, Then every record opens with the new key (none sealed with the old one)', async () => {
    const { vault, dbName } = await newVault('rotate-race');
    const cases = vault.repo('cases');
    const a = { id: newId(), codeName: 'before' };
    const b = { id: newId(), codeName: 'after' };
    const pa = cases.put(a);
    // The second write starts at the last moment: right before the fresh database is written.
    let pb: Promise<unknown> = Promise.resolve();
    const rotation = vault.rotateKey(PASSPHRASE, (f) => {
      if (f >= 0.7 && f < 1) pb = cases.put(b);
    });
    await rotation;
    await vault.confirmRekey();
    await Promise.all([pa, pb]);
    vault.lock();
    const v = new Vault({ dbName });
    const result = await v.unlock(PASSPHRASE);
    expect(result.tampered).toEqual([]);
    expect(v.repo('cases').get(a.id)).toEqual(a);
    expect(v.repo('cases').get(b.id)).toEqual(b);
    v.lock();
  });
});

describe('passphrase strength', () => {
  it.each([
    ['', 0],
    ['password', 0],
    ['Password123!', 0],
    ['correct horse battery staple', 0],
    ['aaaaaaaaaaaaaaaaaaaaaaaa', 0],
    ['qwertyuiopasdfghjkl', 0],
    ['cat dog sun', 0],
  ])('Given the weak passphrase %j, When estimated, Then it is not acceptable', (p) => {
    const s = passphraseStrength(p);
    expect(s.acceptable).toBe(false);
    expect(s.bits).toBeLessThan(64);
    expect(s.score).toBeLessThan(4);
  });

  it.each([
    'ochre lantern velvet basin quarry thimble',
    'walnut-glacier-pepper-tundra-mosaic-falcon',
    'k7#Qz!p2Lw9$Xv4@',
  ])('Given the strong passphrase %j, When estimated, Then it is acceptable with score 4', (p) => {
    const s = passphraseStrength(p);
    expect(s.acceptable).toBe(true);
    expect(s.score).toBe(4);
    expect(s.hintKey).toBe('good');
  });

  it('Given four random words, When estimated, Then it falls short of the five-word minimum', () => {
    const s = passphraseStrength('ochre lantern velvet basin');
    expect(s.acceptable).toBe(false);
    expect(s.bits).toBeGreaterThanOrEqual(40);
  });

  it('Given a repeated word, When estimated, Then the repeat adds almost nothing and the hint says so', () => {
    const once = passphraseStrength('ochre lantern velvet basin');
    const repeated = passphraseStrength('ochre lantern velvet basin basin basin');
    expect(repeated.bits - once.bits).toBeLessThanOrEqual(2);
    expect(repeated.hintKey).toBe('avoid-repeats');
  });

  it('Given common words, When estimated, Then they count far less than rare ones', () => {
    expect(passphraseStrength('the and for you with this').bits).toBeLessThan(
      passphraseStrength('ochre lantern velvet basin quarry thimble').bits - 30,
    );
  });
});

describe('large writes', () => {
  let vault: Vault;
  let dbName: string;
  beforeAll(async () => {
    ({ vault, dbName } = await newVault('pipelined'));
  });
  afterAll(() => vault.lock());

  it('Given 4,500 records in one transaction, When written, Then every one is on disk and reopens after unlock', async () => {
    const records = Array.from({ length: 4_500 }, (_, i) => ({
      id: newId(),
      codeName: `Wren ${i}`,
      status: 'open',
    }));
    await vault.transaction(
      records.map((value) => ({ op: 'put' as const, store: 'people' as const, value })),
    );
    expect((await rawDump(dbName)).people).toHaveLength(4_500);
    vault.lock();
    await vault.unlock(PASSPHRASE);
    expect(vault.list('people')).toHaveLength(4_500);
    expect(vault.get('people', records[4_499]!.id)).toEqual(records[4_499]);
  });

  it('Given a write where sealing fails part-way, When the transaction runs, Then nothing at all is written and the cache is unchanged', async () => {
    const before = await rawDump(dbName);
    const listed = vault.list('hosts').length;
    const subtle = globalThis.crypto.subtle;
    const encrypt = subtle.encrypt.bind(subtle);
    let calls = 0;
    const failing = (...args: Parameters<SubtleCrypto['encrypt']>) => {
      calls += 1;
      return calls > 3_000
        ? Promise.reject(new Error('injected sealing failure'))
        : encrypt(...args);
    };
    Object.defineProperty(subtle, 'encrypt', {
      value: failing,
      configurable: true,
      writable: true,
    });
    try {
      const records = Array.from({ length: 4_500 }, (_, i) => ({
        id: newId(),
        codeName: `Kite ${i}`,
      }));
      await expect(
        vault.transaction(
          records.map((value) => ({ op: 'put' as const, store: 'hosts' as const, value })),
        ),
      ).rejects.toThrow('injected sealing failure');
    } finally {
      Object.defineProperty(subtle, 'encrypt', {
        value: encrypt,
        configurable: true,
        writable: true,
      });
    }
    expect(calls).toBeGreaterThan(3_000);
    expect(await rawDump(dbName)).toEqual(before);
    expect(vault.list('hosts')).toHaveLength(listed);
  });
});
