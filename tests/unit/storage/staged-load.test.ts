/**
 * Staged unlock (src/storage/staged-load.ts, issue 15): the stores the first screen needs are open
 * when unlock() returns; the others are opened afterwards in chunks, with a turn of the event loop
 * after each chunk; when it is done every record reads exactly as after a single-pass unlock, and
 * a write made while it runs is kept, with nothing from before lost.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  LockedError,
  RECORD_STORES,
  Vault,
  newId,
  type RecordStore,
  type Slicer,
  type StoredRecord,
} from '../../../src/storage';
import { createPlanningSession } from '../../../src/storage/planning';
import { nextChunkRows } from '../../../src/storage/staged-load';
import { PASSPHRASE, newVault, rejectsWith } from './helpers';

const PEOPLE = 23;
const CASES = 4;

/** A slicer that counts its yields and what was still loading at each. */
function countingSlicer(chunkRows: number, pageRows: number) {
  const seen: (readonly RecordStore[])[] = [];
  let vault: Vault | null = null;
  const slicer: Slicer = {
    chunkRows,
    pageRows,
    yieldNow: () => {
      seen.push(vault?.loadingStores() ?? []);
      return new Promise((r) => setTimeout(r, 0));
    },
  };
  return { slicer, seen, watch: (v: Vault) => (vault = v) };
}

/** Yields a paged, chunked read of `n` rows makes: one after each page read, one after each chunk. */
function yieldsFor(n: number, chunkRows: number, pageRows: number): number {
  let yields = 0;
  for (let left = n; left > 0; left -= pageRows)
    yields += 1 + Math.ceil(Math.min(left, pageRows) / chunkRows);
  return yields;
}

function everything(v: Vault): Record<string, StoredRecord[]> {
  const all = v.allRecords();
  return Object.fromEntries(
    RECORD_STORES.map((st) => [st, [...all[st]].sort((a, b) => a.id.localeCompare(b.id))]),
  );
}

describe('staged unlock', () => {
  let dbName: string;
  let whole: Record<string, StoredRecord[]>;
  const opened: Vault[] = [];
  const open = (v: Vault) => (opened.push(v), v);
  afterEach(() => {
    for (const v of opened.splice(0)) v.lock();
  });

  beforeAll(async () => {
    const made = await newVault('staged');
    dbName = made.dbName;
    const v = made.vault;
    const caseIds = Array.from({ length: CASES }, () => newId());
    await v.transaction(
      caseIds.map((id, i) => ({ op: 'put', store: 'cases', value: { id, codeName: `Case ${i}` } })),
    );
    // One write per person: the audit store gets a row each, as it does in real use.
    for (let i = 0; i < PEOPLE; i++) {
      await v.repo('people').put({ id: newId(), caseId: caseIds[i % CASES], codeName: `P${i}` });
    }
    v.lock();
    const plain = open(new Vault({ dbName }));
    await plain.unlock(PASSPHRASE);
    whole = everything(plain);
    plain.lock();
  });

  it('Given first stores, When unlocked, Then they are readable at once, the rest arrive in chunks with a yield after each, and then every record reads as after a single-pass unlock', async () => {
    const c = countingSlicer(5, 10);
    const v = open(new Vault({ dbName, firstStores: ['cases'], slicer: c.slicer }));
    c.watch(v);
    await v.unlock(PASSPHRASE);
    expect(v.list('cases')).toHaveLength(CASES);
    expect(v.list('people')).toHaveLength(0);
    expect(v.loadingStores()).toEqual(expect.arrayContaining(['people', 'audit']));
    expect(v.loadingStores()).not.toContain('cases');
    await v.whenLoaded();
    expect(v.loadingStores()).toEqual([]);
    expect(everything(v)).toEqual(whole);
    // The audit rows as stored include the integrity manifest (one more row than audit entries).
    const later = RECORD_STORES.filter((st) => st !== 'cases');
    const rows = later.map((st) => (st === 'audit' ? whole.audit!.length + 1 : whole[st]!.length));
    // A yield after each page read and each chunk, one before the first (the first screen renders first), one
    // before the integrity check, and one between making stores readable and announcing them
    // (twice: the rest of the stores, then the audit store after the check).
    const expected = rows.reduce((n, r) => n + yieldsFor(r, 5, 10), 0) + 4;
    expect(c.seen).toHaveLength(expected);
    // Work was spread over many turns while people were still loading.
    expect(c.seen.filter((pending) => pending.includes('people')).length).toBeGreaterThanOrEqual(
      Math.ceil(PEOPLE / 5),
    );
    expect(v.damageReport().changed).toEqual([]);
    expect(v.damageReport().manifest).toBe('ok');
  });

  it('Given a staged unlock still running, When records are written in loaded and loading stores, Then both writes are kept and nothing from before is lost', async () => {
    const c = countingSlicer(3, 6);
    const v = open(new Vault({ dbName, firstStores: ['cases'], slicer: c.slicer }));
    await v.unlock(PASSPHRASE);
    expect(v.loadingStores()).toContain('people');
    const firstCase = v.list('cases')[0]!;
    const person = { id: newId(), caseId: firstCase.id, codeName: 'Written while loading' };
    const renamed = { ...firstCase, codeName: 'Renamed while loading' };
    const value = { ...person };
    const writes = Promise.all([
      v.repo('people').put(value),
      v.transaction([{ op: 'put', store: 'cases', value: renamed }]),
    ]);
    value.codeName = 'changed by the caller after the call';
    await writes;
    expect(v.loadingStores()).toEqual([]);
    expect(v.get('people', person.id)).toEqual(person);
    expect(v.list('people')).toHaveLength(whole.people!.length + 1);
    v.lock();

    const again = open(new Vault({ dbName }));
    await again.unlock(PASSPHRASE);
    const now = everything(again);
    expect(now.people).toEqual([...whole.people!, person].sort((a, b) => a.id.localeCompare(b.id)));
    expect(now.cases!.find((x) => x.id === firstCase.id)).toEqual(renamed);
    expect(again.auditFor(person.id).map((e) => e.action)).toEqual(['create']);
    expect(again.damageReport().changed).toEqual([]);
    // Undo, so the other tests see the same vault.
    await again.transaction([
      { op: 'delete', store: 'people', id: person.id },
      { op: 'put', store: 'cases', value: firstCase },
    ]);
    whole = everything(again);
  });

  it('Given a staged unlock with people still loading, Then the planning index says it is not complete; When people arrive, Then its listener sees the people and complete together', async () => {
    const c = countingSlicer(5, 10);
    const v = open(new Vault({ dbName, firstStores: ['cases'], slicer: c.slicer }));
    await v.unlock(PASSPHRASE);
    const session = createPlanningSession(v);
    const early = session.index();
    expect(early.complete).toBe(false);
    expect(early.data.cases).toHaveLength(CASES);
    expect(early.data.people).toHaveLength(0);
    const seen: { people: number; complete: boolean }[] = [];
    const off = session.subscribe(() => {
      const i = session.index();
      seen.push({ people: i.data.people.length, complete: i.complete });
    });
    await v.whenLoaded();
    off();
    const late = session.index();
    expect(late.complete).toBe(true);
    expect(late.data.people).toHaveLength(PEOPLE);
    // Never complete with a planning list still short: complete arrives with the last of them.
    for (const s of seen) if (s.complete) expect(s.people).toBe(PEOPLE);
    expect(seen.some((s) => s.complete)).toBe(true);
    session.dispose();
  });

  it('Given people and stays both still loading, When the rest arrives, Then every listener already sees both, and the planning index is derived once for them', async () => {
    const made = await newVault('staged-together');
    const caseId = newId();
    await made.vault.transaction([
      { op: 'put', store: 'cases', value: { id: caseId, codeName: 'Heron' } },
      ...Array.from({ length: 6 }, (_, i) => ({
        op: 'put' as const,
        store: 'people' as const,
        value: { id: newId(), caseId, codeName: `P${i}` },
      })),
      ...Array.from({ length: 4 }, () => ({
        op: 'put' as const,
        store: 'stays' as const,
        value: { id: newId(), caseId },
      })),
    ]);
    made.vault.lock();
    const c = countingSlicer(5, 10);
    const v = open(new Vault({ dbName: made.dbName, firstStores: ['cases'], slicer: c.slicer }));
    await v.unlock(PASSPHRASE);
    const session = createPlanningSession(v);
    expect(session.index().data.people).toHaveLength(0);
    const seen: { people: number; stays: number; index: object }[] = [];
    const offs = (['people', 'stays'] as const).map((store) =>
      v.subscribe(store, () => {
        const i = session.index();
        seen.push({ people: i.data.people.length, stays: i.data.stays.length, index: i });
      }),
    );
    await v.whenLoaded();
    for (const off of offs) off();
    // Told once per store, each time with both stores whole: never people without their stays.
    expect(seen.map(({ people, stays }) => [people, stays])).toEqual([
      [6, 4],
      [6, 4],
    ]);
    expect(new Set(seen.map((x) => x.index)).size).toBe(1);
    session.dispose();
  });

  it('Given the rest of a staged unlock, When its stores become readable, Then whoever derives from them is told a turn before their listeners, with every record readable, and the listeners get what was built then', async () => {
    const c = countingSlicer(5, 10);
    const v = open(new Vault({ dbName, firstStores: ['cases'], slicer: c.slicer }));
    c.watch(v);
    await v.unlock(PASSPHRASE);
    const session = createPlanningSession(v);
    const readable: { turn: number; stores: readonly RecordStore[]; people: number }[] = [];
    let built: unknown = null;
    const offReadable = v.onStoresReadable((stores) => {
      readable.push({ turn: c.seen.length, stores, people: v.list('people').length });
      built = session.index().bundles;
    });
    const told: { turn: number; same: boolean }[] = [];
    const off = v.subscribe('people', () =>
      told.push({ turn: c.seen.length, same: session.index().bundles === built }),
    );
    await v.whenLoaded();
    off();
    offReadable();
    // The rest first (people among them), then the audit store once the integrity check is in.
    expect(readable.map((r) => r.stores.includes('people'))).toEqual([true, false]);
    expect(readable[1]!.stores).toEqual(['audit']);
    expect(readable[0]!.people).toBe(PEOPLE);
    // People's listeners were told once, on a later turn, and read the bundles built before.
    expect(told).toHaveLength(1);
    expect(told[0]!.turn).toBeGreaterThan(readable[0]!.turn);
    expect(told[0]!.same).toBe(true);
    expect(everything(v)).toEqual(whole);
    session.dispose();
  });

  it('Given a staged unlock still running, When the vault locks, Then loading stops, waiting writes fail as locked, and the next unlock reads everything', async () => {
    const c = countingSlicer(2, 4);
    const v = open(new Vault({ dbName, firstStores: ['cases'], slicer: c.slicer }));
    await v.unlock(PASSPHRASE);
    const loaded = v.whenLoaded();
    const write = v.repo('people').put({ id: newId(), caseId: 'x', codeName: 'never written' });
    v.lock();
    await rejectsWith(loaded, LockedError);
    await rejectsWith(write, LockedError);
    const yieldsAtLock = c.seen.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(c.seen.length).toBeLessThanOrEqual(yieldsAtLock + 1);
    await v.unlock(PASSPHRASE);
    await v.whenLoaded();
    expect(everything(v)).toEqual(whole);
  });
});

describe('chunks that adapt to the time they take (Slicer.sliceMs)', () => {
  const slicer: Slicer = { pageRows: 500, chunkRows: 400, sliceMs: 10, yieldNow: async () => {} };

  it('Given a chunk over its time, Then the next holds as many rows as fit at that pace, never under 16', () => {
    expect(nextChunkRows(400, 400, 40, slicer)).toBe(100);
    expect(nextChunkRows(100, 100, 25, slicer)).toBe(40);
    expect(nextChunkRows(40, 40, 400, slicer)).toBe(16);
  });

  it('Given chunks well under their time, Then they grow back, at most doubling, up to chunkRows', () => {
    expect(nextChunkRows(16, 16, 1, slicer)).toBe(32);
    expect(nextChunkRows(300, 300, 2, slicer)).toBe(400);
    expect(nextChunkRows(400, 400, 0, slicer)).toBe(400);
  });

  it('Given a short last chunk of a page, Then the pace it shows sets the next, not its size', () => {
    // 50 rows in 2 ms: 250 fit in 10 ms, and the step of 200 may double to 400.
    expect(nextChunkRows(200, 50, 2, slicer)).toBe(250);
  });

  it('Given a slicer without sliceMs, Then every chunk is chunkRows', () => {
    const fixed: Slicer = { pageRows: 10, chunkRows: 5, yieldNow: async () => {} };
    expect(nextChunkRows(5, 5, 1000, fixed)).toBe(5);
    expect(nextChunkRows(5, 2, 0, fixed)).toBe(5);
  });
});
