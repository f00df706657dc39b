/**
 * Resilience of the vault (issue 15):
 *  - 10,000 random edits through the repositories (fast-check), then a backup round trip into a
 *    new vault: the data is identical to a plain in-memory model of the same edits;
 *  - a full disk (IndexedDB raising QuotaExceededError) during a write: the write fails with the
 *    "disk is full" message, nothing of it is stored, nothing from before is lost, and the next
 *    write once there is room again succeeds.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Vault,
  canonicalJson,
  createBackup,
  newId,
  readBackup,
  restoreBackup,
  type AnyWriteOp,
  type StoredRecord,
} from '../../../src/storage';
import { errorMessage } from '../../../src/shared/ui/error-message';
import { makeCase, makeHost } from '../builders';
import { PASSPHRASE, newVault } from './helpers';

const STORES = ['cases', 'hosts'] as const;
type Store = (typeof STORES)[number];
const IDS = 60;
const EDITS = Number(process.env.FUZZ_EDITS ?? 10_000);
const PER_TRANSACTION = 100;

const WORDS = ['Cedar', 'Birch', 'Maple', 'Ünïcødé', '你好', 'Rowan "q"', 'Hazel\\', 'Alder 🕊'];

type Edit =
  | { kind: 'put'; store: Store; slot: number; name: string; n: number }
  | { kind: 'patch'; store: Store; slot: number; name: string }
  | { kind: 'delete'; store: Store; slot: number };

const nameArb = fc.tuple(fc.constantFrom(...WORDS), fc.nat(9999)).map(([w, n]) => `${w} ${n}`);

/** A valid record of `store` (a restore checks every record against its domain schema). */
function recordOf(store: Store, id: string, name: string, n: number): StoredRecord {
  return store === 'cases'
    ? makeCase({ id, codeName: name, notes: `n=${n}` })
    : makeHost({ id, codeName: name, capacityBeds: 1 + (Math.abs(n) % 20) });
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      store: fc.constantFrom(...STORES),
      slot: fc.nat(IDS - 1),
      name: nameArb,
      n: fc.integer({ min: -1000, max: 1000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('patch' as const),
      store: fc.constantFrom(...STORES),
      slot: fc.nat(IDS - 1),
      name: nameArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      store: fc.constantFrom(...STORES),
      slot: fc.nat(IDS - 1),
    }),
  },
);

const sorted = (xs: readonly StoredRecord[]) =>
  [...xs].map((r) => canonicalJson(r)).sort((a, b) => a.localeCompare(b));

function contents(v: Vault): Record<Store, string[]> {
  return { cases: sorted(v.list('cases')), hosts: sorted(v.list('hosts')) };
}

describe('random edits and a backup round trip', () => {
  const vaults: Vault[] = [];
  afterAll(() => {
    for (const v of vaults) v.lock();
  });

  it('Given 10,000 random puts, patches and deletes through the repositories, When backed up and restored into a new vault, Then both hold exactly what a plain model of the edits holds', async () => {
    const { vault } = await newVault('fuzz');
    vaults.push(vault);
    const ids: Record<Store, string[]> = {
      cases: Array.from({ length: IDS }, () => newId()),
      hosts: Array.from({ length: IDS }, () => newId()),
    };
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: EDITS, maxLength: EDITS }), async (edits) => {
        const model: Record<Store, Map<string, StoredRecord>> = {
          cases: new Map(),
          hosts: new Map(),
        };
        for (const st of STORES) {
          for (const r of vault.list(st)) model[st].set(r.id, r);
        }
        for (let at = 0; at < edits.length; at += PER_TRANSACTION) {
          const ops: AnyWriteOp[] = [];
          for (const e of edits.slice(at, at + PER_TRANSACTION)) {
            const id = ids[e.store][e.slot]!;
            const m = model[e.store];
            if (e.kind === 'delete') {
              m.delete(id);
              ops.push({ op: 'delete', store: e.store, id });
              continue;
            }
            const before = m.get(id);
            const next: StoredRecord =
              e.kind === 'put'
                ? recordOf(e.store, id, e.name, e.n)
                : { ...(before ?? recordOf(e.store, id, e.name, 0)), codeName: e.name };
            m.set(id, next);
            ops.push({ op: 'put', store: e.store, value: next });
          }
          await vault.transaction(ops);
        }
        const expected = {
          cases: sorted([...model.cases.values()]),
          hosts: sorted([...model.hosts.values()]),
        };
        expect(contents(vault)).toEqual(expected);

        const file = await createBackup(vault, PASSPHRASE, { scryptWorkFactor: 10 });
        const { vault: copy } = await newVault('fuzz-copy');
        vaults.push(copy);
        const plan = await readBackup(copy, file, PASSPHRASE, { maxScryptWorkFactor: 12 });
        await restoreBackup(copy, plan, { mode: 'empty' });
        expect(contents(copy)).toEqual(expected);
        copy.lock();
        await copy.unlock(PASSPHRASE);
        expect(contents(copy)).toEqual(expected);
      }),
      { numRuns: 1, endOnFailure: true },
    );
  }, 240_000);
});

describe('a full disk during a write', () => {
  let vault: Vault;
  let dbName: string;
  const realPut = IDBObjectStore.prototype.put;
  let full = false;

  beforeAll(async () => {
    ({ vault, dbName } = await newVault('quota'));
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args) {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    } as typeof realPut;
  });
  afterAll(() => {
    IDBObjectStore.prototype.put = realPut;
    vault.lock();
  });

  it('Given stored records, When the disk is full during a write, Then the write fails saying the disk is full, nothing of it is stored, and everything from before is still there after a restart', async () => {
    const before = [
      { id: newId(), name: 'Heron' },
      { id: newId(), name: 'Ibis' },
    ];
    await vault.transaction(before.map((value) => ({ op: 'put', store: 'cases', value })));
    const audit = vault.list('audit').length;

    full = true;
    let failure: unknown = null;
    try {
      await vault.transaction([
        { op: 'put', store: 'cases', value: { ...before[0]!, name: 'Renamed' } },
        { op: 'put', store: 'cases', value: { id: newId(), name: 'New' } },
        { op: 'delete', store: 'cases', id: before[1]!.id },
      ]);
    } catch (e) {
      failure = e;
    } finally {
      full = false;
    }
    expect(failure).not.toBeNull();
    expect(errorMessage(failure).key).toBe('errors.diskFull');
    expect(sorted(vault.list('cases'))).toEqual(sorted(before));
    expect(vault.list('audit')).toHaveLength(audit);

    vault.lock();
    const again = new Vault({ dbName });
    await again.unlock(PASSPHRASE);
    expect(sorted(again.list('cases'))).toEqual(sorted(before));
    expect(again.damageReport().changed).toEqual([]);
    const later = { id: newId(), name: 'Written once there was room' };
    await again.repo('cases').put(later);
    expect(sorted(again.list('cases'))).toEqual(sorted([...before, later]));
    again.lock();
    vault = again;
  });
});
