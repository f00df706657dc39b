/**
 * Storage benchmark page, run in real Chromium by bench/storage/run.mjs. Each round, on fresh
 * databases, paired against plain Dexie doing the same operations without encryption:
 *   - write: 5,000 cases (~1 KB) + 50,000 related records (~300 B) over 3 more stores, in one
 *     transaction whose bulkPuts are all issued before any is awaited (sealed: through
 *     vault.transaction, i.e. validation, sealing of every row and of one audit row, then that
 *     same write transaction, then the in-memory cache update);
 *   - read + decrypt + parse: plain = open + toArray of the 4 stores; sealed = vault.unlock() minus
 *     the time spent in Argon2id (measured by wrapping the KDF runner), i.e. open, header, unwrap,
 *     read every store and decrypt + parse every row into memory. The same figure is the
 *     "unlock -> all data decrypted in memory, KDF excluded" metric.
 * Every timed phase starts after the same pause (see settle()).
 * Where the runner can read it (Linux /proc), each write also records the CPU time all of
 * Chromium's processes spent during it, to show how busy the machine was (see cpuMs()).
 * Also reported: the sealing layer alone (seal all, one transaction; read, open all), without the
 * vault's validation, audit row and cache, i.e. the method of security.md's table.
 */
import Dexie from 'dexie';
import { KDF_FLOOR, Vault, newId, type AnyWriteOp } from '../../src/storage';
import { createDatabase } from '../../src/storage/db';
import { deriveRecordKey, generateDataKey } from '../../src/storage/crypto/keys';
import { openMany, sealJsonBatch } from '../../src/storage/crypto/seal';
import { deriveWrappingKey, type KdfRunner } from '../../src/storage/crypto/kdf-client';
import { cryptoThroughput, profile } from './profile';

const PASS = 'ochre lantern velvet basin quarry thimble';
const RELATED = ['people', 'stays', 'legs'] as const;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function text(r: () => number, len: number): string {
  const words = [
    'alpha',
    'bravo',
    'delta',
    'harbor',
    'meadow',
    'signal',
    'cobalt',
    'ember',
    'quiver',
    'lantern',
    'Nairobi',
    'Kraków',
    'Tbilisi',
    'São Paulo',
  ];
  let s = '';
  while (s.length < len) s += words[Math.floor(r() * words.length)] + ' ';
  return s.slice(0, len);
}

interface Data {
  cases: Record<string, unknown>[];
  related: Record<string, Record<string, unknown>[]>;
}

function makeData(nCases: number, nRelated: number): Data {
  const r = rng(42);
  const cases = Array.from({ length: nCases }, (_, i) => ({
    id: newId(),
    codeName: `Case ${i}`,
    status: ['open', 'closed', 'planned'][i % 3],
    country: ['KE', 'GE', 'BR', 'PL'][i % 4],
    startDate: '2026-03-01',
    endDate: '2026-06-30',
    summary: text(r, 620),
    notes: text(r, 200),
    tags: ['urgent', 'family', 'medical'].slice(0, i % 4),
    budget: { currency: 'EUR', amountMinor: Math.floor(r() * 1e7) },
  }));
  const related: Data['related'] = {};
  RELATED.forEach((store, k) => {
    const per = Math.floor(nRelated / RELATED.length) + (k < nRelated % RELATED.length ? 1 : 0);
    related[store] = Array.from({ length: per }, (_, i) => ({
      id: newId(),
      caseId: cases[i % cases.length]!.id,
      kind: store,
      date: '2026-04-0' + (1 + (i % 9)),
      label: text(r, 150),
      amountMinor: i * 13,
    }));
  });
  return { cases, related };
}

const STORES = ['cases', ...RELATED] as const;

/**
 * A pause before every timed phase, the same for both sides: the previous phase leaves work
 * behind (the browser compacting or deleting the last database, the KDF worker's memory being
 * freed), and without the pause that work lands on whichever phase happens to come next. One
 * second at 5,000 cases; runBench scales it down with the data (that leftover work shrinks too),
 * so small sizes can afford more rounds.
 */
let settleMs = 1000;
const settle = () => new Promise((r) => setTimeout(r, settleMs));

/**
 * CPU time (ms, every thread of every Chromium process) so far, from the runner (bench/storage/run.mjs
 * reads /proc); NaN where the runner cannot tell. Read outside the timed spans: it is a round trip.
 */
async function cpuMs(): Promise<number> {
  const f = (window as unknown as { __benchCpuMs?: () => Promise<number | null> }).__benchCpuMs;
  const v = f ? await f() : null;
  return typeof v === 'number' ? v : NaN;
}

async function plainRound(
  name: string,
  data: Data,
): Promise<{ write: number; writeCpu: number; read: number; count: number }> {
  await Dexie.delete(name);
  const db = new Dexie(name);
  db.version(1).stores(Object.fromEntries(STORES.map((s) => [s, 'id'])));
  await db.open();
  await settle();
  const cpu0 = await cpuMs();
  let t0 = performance.now();
  // The same Dexie operations as the vault's write: every bulkPut issued, then awaited together.
  await db.transaction('rw', [...STORES], () =>
    Promise.all(
      STORES.map((s) => db.table(s).bulkPut(s === 'cases' ? data.cases : data.related[s]!)),
    ),
  );
  const write = performance.now() - t0;
  const writeCpu = (await cpuMs()) - cpu0;
  db.close();
  await settle();
  t0 = performance.now();
  const db2 = new Dexie(name);
  db2.version(1).stores(Object.fromEntries(STORES.map((s) => [s, 'id'])));
  await db2.open();
  const lists = await db2.transaction('r', [...STORES], () =>
    Promise.all(STORES.map((s) => db2.table(s).toArray())),
  );
  const read = performance.now() - t0;
  const count = lists.reduce((n, l) => n + l.length, 0);
  db2.close();
  await Dexie.delete(name);
  return { write, writeCpu, read, count };
}

async function sealedRound(
  name: string,
  data: Data,
): Promise<{
  write: number;
  writeCpu: number;
  read: number;
  kdf: number;
  count: number;
  unlockTotal: number;
}> {
  await Dexie.delete(name);
  let kdfMs = 0;
  const kdf: KdfRunner = async (pw, salt, params) => {
    const t = performance.now();
    try {
      return await deriveWrappingKey(pw, salt, params);
    } finally {
      kdfMs += performance.now() - t;
    }
  };
  const vault = new Vault({ dbName: name, kdf });
  await vault.createVault(PASS, { kdfParams: KDF_FLOOR });
  const ops: AnyWriteOp[] = [];
  for (const value of data.cases)
    ops.push({ op: 'put', store: 'cases', value: value as { id: string } });
  for (const s of RELATED)
    for (const value of data.related[s]!)
      ops.push({ op: 'put', store: s, value: value as { id: string } });
  await settle();
  const cpu0 = await cpuMs();
  let t0 = performance.now();
  await vault.transaction(ops);
  const write = performance.now() - t0;
  const writeCpu = (await cpuMs()) - cpu0;
  vault.lock();
  await settle();
  kdfMs = 0;
  t0 = performance.now();
  await vault.unlock(PASS);
  const unlockTotal = performance.now() - t0;
  const count = STORES.reduce((n, s) => n + vault.list(s).length, 0);
  vault.lock();
  await Dexie.delete(name);
  return { write, writeCpu, read: unlockTotal - kdfMs, kdf: kdfMs, count, unlockTotal };
}

/**
 * The sealing layer alone (no vault: no validation copy, no audit row, no cache), the method
 * security.md measured: seal everything, then one write transaction; read, then open every row.
 */
async function sealOnlyRound(
  name: string,
  data: Data,
): Promise<{ write: number; seal: number; read: number; count: number }> {
  await Dexie.delete(name);
  const key = await deriveRecordKey(generateDataKey());
  const db = createDatabase(name);
  await db.open();
  await settle();
  let t0 = performance.now();
  const sealed = await Promise.all(
    STORES.map((s) => {
      const list = s === 'cases' ? data.cases : data.related[s]!;
      return sealJsonBatch(
        key,
        s,
        list.map((v) => v.id as string),
        list.map((v) => JSON.stringify(v)),
      );
    }),
  );
  const seal = performance.now() - t0;
  await db.transaction('rw', [...STORES], () =>
    Promise.all(STORES.map((s, i) => db.table(s).bulkPut(sealed[i]!))),
  );
  const write = performance.now() - t0;
  db.close();
  await settle();
  t0 = performance.now();
  const db2 = createDatabase(name);
  await db2.open();
  const opened = await Promise.all(
    STORES.map((s) =>
      db2
        .table(s)
        .toArray()
        .then((rows) => openMany(key, rows, s)),
    ),
  );
  const read = performance.now() - t0;
  const count = opened.reduce((n, o) => n + o.records.length, 0);
  db2.close();
  await Dexie.delete(name);
  return { write, seal, read, count };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function runBench(opts: { rounds?: number; cases?: number; related?: number } = {}) {
  const rounds = opts.rounds ?? 5;
  const data = makeData(opts.cases ?? 5000, opts.related ?? 50_000);
  settleMs = Math.max(250, Math.min(1000, data.cases.length / 5));
  const caseBytes = JSON.stringify(data.cases).length / data.cases.length;
  const relBytes = JSON.stringify(data.related.people).length / data.related.people!.length;
  // Warm-up (JIT, WASM compile, worker start), not counted.
  const warm = makeData(200, 2000);
  await plainRound('bench-warm-plain', warm);
  await sealedRound('bench-warm-sealed', warm);
  const per: Record<string, number>[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate the order so neither side always runs on a warmer/colder engine.
    const first = i % 2 === 0 ? 'plain' : 'sealed';
    let plain: Awaited<ReturnType<typeof plainRound>>;
    let sealed: Awaited<ReturnType<typeof sealedRound>>;
    if (first === 'plain') {
      plain = await plainRound(`bench-plain-${i}`, data);
      sealed = await sealedRound(`bench-sealed-${i}`, data);
    } else {
      sealed = await sealedRound(`bench-sealed-${i}`, data);
      plain = await plainRound(`bench-plain-${i}`, data);
    }
    const sealOnly = await sealOnlyRound(`bench-sealonly-${i}`, data);
    if (plain.count !== sealed.count || plain.count !== sealOnly.count) {
      throw new Error(`count mismatch ${plain.count} vs ${sealed.count} vs ${sealOnly.count}`);
    }
    per.push({
      plainWriteMs: plain.write,
      sealedWriteMs: sealed.write,
      writeRatio: sealed.write / plain.write,
      plainReadMs: plain.read,
      sealedReadMs: sealed.read,
      readRatio: sealed.read / plain.read,
      kdfMs: sealed.kdf,
      sealOnlyWriteMs: sealOnly.write,
      sealOnlySealMs: sealOnly.seal,
      sealOnlyWriteRatio: sealOnly.write / plain.write,
      sealOnlyReadMs: sealOnly.read,
      sealOnlyReadRatio: sealOnly.read / plain.read,
      unlockTotalMs: sealed.unlockTotal,
      plainWriteCpuMs: plain.writeCpu,
      sealedWriteCpuMs: sealed.writeCpu,
      plainWriteCoresBusy: plain.writeCpu / plain.write,
      sealedWriteRatioBound: sealed.writeCpu / navigator.hardwareConcurrency / plain.write,
    });
  }
  const med = (k: string) => median(per.map((p) => p[k]!));
  return {
    records: {
      cases: data.cases.length,
      related: RELATED.reduce((n, s) => n + data.related[s]!.length, 0),
      stores: STORES.length,
    },
    avgJsonBytes: { case: Math.round(caseBytes), related: Math.round(relBytes) },
    rounds,
    settleMs,
    median: {
      plainWriteMs: med('plainWriteMs'),
      sealedWriteMs: med('sealedWriteMs'),
      writeRatio: med('writeRatio'),
      plainReadMs: med('plainReadMs'),
      sealedReadMs: med('sealedReadMs'),
      readRatio: med('readRatio'),
      unlockToDataMsKdfExcluded: med('sealedReadMs'),
      kdfMs: med('kdfMs'),
    },
    /** CPU time of every Chromium process during the writes (NaN where the runner cannot read it). */
    cpu: {
      cores: navigator.hardwareConcurrency,
      plainWriteCpuMs: med('plainWriteCpuMs'),
      sealedWriteCpuMs: med('sealedWriteCpuMs'),
      /** How many cores were busy on average during the plain write. */
      plainWriteCoresBusy: med('plainWriteCoresBusy'),
      /**
       * The write ratio the sealed write's CPU time would give if it were spread over every core
       * with no idle moment: no scheduling of the same work can do better on this machine.
       */
      sealedWriteRatioBound: med('sealedWriteRatioBound'),
    },
    /** The sealing layer alone (no validation copy, audit row or cache), for comparison with security.md's table. */
    sealOnlyMedian: {
      writeMs: med('sealOnlyWriteMs'),
      /** Of which: serialising and sealing every row, before the write transaction opens. */
      sealMs: med('sealOnlySealMs'),
      writeRatio: med('sealOnlyWriteRatio'),
      readMs: med('sealOnlyReadMs'),
      readRatio: med('sealOnlyReadRatio'),
    },
    perRound: per,
  };
}

declare global {
  interface Window {
    runBench: typeof runBench;
  }
}
window.runBench = runBench;
(window as unknown as { cryptoThroughput: unknown }).cryptoThroughput = cryptoThroughput;
let kept: Vault | null = null;
(window as unknown as { prepare: unknown }).prepare = async (n = 5000, m = 50_000) => {
  await Dexie.delete('bench-unlock');
  const data = makeData(n, m);
  kept = new Vault({ dbName: 'bench-unlock' });
  await kept.createVault(PASS, { kdfParams: KDF_FLOOR });
  const ops: AnyWriteOp[] = [];
  for (const value of data.cases)
    ops.push({ op: 'put', store: 'cases', value: value as { id: string } });
  for (const s of RELATED)
    for (const value of data.related[s]!)
      ops.push({ op: 'put', store: s, value: value as { id: string } });
  await kept.transaction(ops);
  kept.lock();
  return 'ok';
};
(window as unknown as { unlockOnce: unknown }).unlockOnce = async () => {
  const t = performance.now();
  await kept!.unlock(PASS);
  const ms = performance.now() - t;
  kept!.lock();
  return { ms };
};
(window as unknown as { sealedOnce: unknown }).sealedOnce = (n = 5000, m = 50_000) =>
  sealedRound('bench-profile', makeData(n, m));
(window as unknown as { plainOnce: unknown }).plainOnce = (n = 5000, m = 50_000) =>
  plainRound('bench-profile-plain', makeData(n, m));
(window as unknown as { profileStorage: unknown }).profileStorage = (n = 5000, m = 50_000) =>
  profile(makeData(n, m));
document.getElementById('out')!.textContent = 'ready';
