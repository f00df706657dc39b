/** Development aids for tuning the storage layer (breakdowns of the sealed paths, raw WebCrypto throughput); not part of the report. */
import Dexie from 'dexie';
import { createDatabase } from '../../src/storage/db';
import { deriveRecordKey, generateDataKey } from '../../src/storage/crypto/keys';
import { seal, open } from '../../src/storage/crypto/seal';

export async function profile(data: {
  cases: Record<string, unknown>[];
  related: Record<string, Record<string, unknown>[]>;
}) {
  const out: Record<string, number> = {};
  const key = await deriveRecordKey(generateDataKey());
  const stores = ['cases', ...Object.keys(data.related)];
  const lists: Record<string, { id: string }[]> = { cases: data.cases as { id: string }[] };
  for (const s of Object.keys(data.related)) lists[s] = data.related[s] as { id: string }[];
  let t = performance.now();
  for (const s of stores) for (const v of lists[s]!) JSON.parse(JSON.stringify(v));
  out.jsonRoundTrip = performance.now() - t;
  t = performance.now();
  const sealed: Record<string, Awaited<ReturnType<typeof seal>>[]> = {};
  await Promise.all(
    stores.map(
      async (s) => (sealed[s] = await Promise.all(lists[s]!.map((v) => seal(key, v, s, v.id)))),
    ),
  );
  out.sealAll = performance.now() - t;
  await Dexie.delete('profile');
  const db = createDatabase('profile');
  await db.open();
  t = performance.now();
  await db.transaction('rw', stores, async () => {
    for (const s of stores) await db.table(s).bulkPut(sealed[s]!);
  });
  out.bulkPutSealed = performance.now() - t;
  db.close();
  const db2 = createDatabase('profile');
  t = performance.now();
  await db2.open();
  const rows = await db2.transaction('r', stores, () =>
    Promise.all(stores.map((s) => db2.table(s).toArray())),
  );
  out.readSealedRows = performance.now() - t;
  const all = rows.flatMap((r, i) => r.map((row) => [stores[i]!, row] as const));
  t = performance.now();
  await Promise.all(all.map(([s, row]) => open(key, row, s)));
  out.openAll = performance.now() - t;
  t = performance.now();
  await Promise.all(
    all.map(([, row]) =>
      crypto.subtle
        .decrypt(
          { name: 'AES-GCM', iv: row.c.subarray(0, 12), additionalData: new Uint8Array(8) },
          key,
          row.c.subarray(12),
        )
        .catch(() => null),
    ),
  );
  out.decryptOnlyFailing = performance.now() - t;
  db2.close();
  await Dexie.delete('profile');
  return out;
}

export async function cryptoThroughput(n = 55_000, size = 512) {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  const iv = new Uint8Array(12);
  const data = new Uint8Array(size);
  const out: Record<string, number> = {};
  let t = performance.now();
  await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array(size * n));
  out.oneBigOp = performance.now() - t;
  t = performance.now();
  await Promise.all(
    Array.from({ length: n }, () => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data)),
  );
  out.manyOpsParallel = performance.now() - t;
  t = performance.now();
  await Promise.all(Array.from({ length: n }, () => crypto.subtle.digest('SHA-256', data)));
  out.manyDigests = performance.now() - t;
  return out;
}
