/**
 * Encrypted backups (security.md test 12): the round trip is identical; truncated, bit-flipped,
 * wrong-passphrase, huge-work-factor and invalid files are refused; randomly mutated files
 * (fast-check, 500 runs) fail cleanly and change nothing in the database; and the standard `age`
 * tool decrypts a backup made by the app. Tests use scrypt work factor 2^10 to stay fast (the app
 * uses age's default, 2^18).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Encrypter, armor } from 'age-encryption';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  ENTITY_STORES,
  RECORD_STORES,
  canonicalJson,
  createBackup,
  newId,
  readBackup,
  restoreBackup,
  type BackupLimits,
  type StoredRecord,
  type Vault,
} from '../../../src/storage';
import { newVault, rawSnapshot, rejectsWith } from './helpers';
import { validRecords } from './records';

const BACKUP_PASS = 'harbor copper meadow signal ember quiver';
const WF = 10;

function hashStores(vault: Vault, stores: readonly string[]): string {
  const all = vault.allRecords() as Record<string, StoredRecord[]>;
  const parts = stores.map((s) => `${s}:${[...all[s]!].map(canonicalJson).sort().join('\n')}`);
  return createHash('sha256').update(parts.join('\n--\n')).digest('hex');
}

async function ageFile(text: string, pass = BACKUP_PASS): Promise<Uint8Array> {
  const e = new Encrypter();
  e.setScryptWorkFactor(WF);
  e.setPassphrase(pass);
  return e.encrypt(text);
}

describe('backups', () => {
  let source: Vault;
  let file: Uint8Array;
  let target: Vault;
  let targetDb: string;
  const limits: Partial<BackupLimits> = { maxScryptWorkFactor: 12 };

  beforeAll(async () => {
    ({ vault: source } = await newVault('backup-src'));
    // Real records (a restore checks every store's schema and every reference).
    const records = validRecords(5);
    for (const store of ENTITY_STORES) await source.repo(store).bulkPut(records[store]);
    file = await createBackup(source, BACKUP_PASS, { scryptWorkFactor: WF });
    ({ vault: target, dbName: targetDb } = await newVault('backup-dst'));
  });
  afterAll(() => {
    source.lock();
    target.lock();
  });

  it('Given a backup, When inspected, Then it is an age file with one scrypt recipient at the requested work factor', () => {
    const head = Buffer.from(file.subarray(0, 200)).toString('latin1');
    expect(head.startsWith('age-encryption.org/v1\n-> scrypt ')).toBe(true);
    expect(head).toMatch(/-> scrypt \S+ 10\n/);
    expect(Buffer.from(file).toString('latin1')).not.toContain('Ünïcødé');
  });

  it('Given a backup restored into a new empty vault, When compared, Then every record is identical (canonical hash), also after lock and unlock', async () => {
    const plan = await readBackup(target, file, BACKUP_PASS, limits);
    expect(plan.summary.total).toBe(ENTITY_STORES.length * 5 + source.allRecords().audit.length);
    expect(plan.summary.counts.cases).toBe(5);
    expect(plan.summary.conflicts).toEqual([]);
    const res = await restoreBackup(target, plan, { mode: 'empty' });
    expect(res.written).toBe(plan.summary.total);
    expect(hashStores(target, ENTITY_STORES)).toBe(hashStores(source, ENTITY_STORES));
    // The source's audit trail came along (plus one restore event).
    const targetAudit = new Set(target.allRecords().audit.map(canonicalJson));
    for (const a of source.allRecords().audit) expect(targetAudit.has(canonicalJson(a))).toBe(true);
    target.lock();
    const { PASSPHRASE } = await import('./helpers');
    await target.unlock(PASSPHRASE);
    expect(hashStores(target, ENTITY_STORES)).toBe(hashStores(source, ENTITY_STORES));
  });

  it('Given a non-empty vault, When restoring in "empty" mode, Then it is refused; in merge mode conflicts are listed and local wins by default', async () => {
    const plan = await readBackup(target, file, BACKUP_PASS, limits);
    await rejectsWith(restoreBackup(target, plan, { mode: 'empty' }), BackupError);
    const someCase = target.repo('cases').list()[0]!;
    await target.repo('cases').put({ ...someCase, codeName: 'edited locally' });
    const plan2 = await readBackup(target, file, BACKUP_PASS, limits);
    expect(plan2.summary.conflicts).toEqual([{ store: 'cases', id: someCase.id }]);
    expect(plan2.summary.identical).toBeGreaterThan(0);
    const keep = await restoreBackup(target, plan2, { mode: 'merge' });
    expect(keep.written).toBe(0);
    expect(target.repo('cases').get(someCase.id)!.codeName).toBe('edited locally');
    await restoreBackup(target, plan2, { mode: 'merge', onConflict: 'take-backup' });
    expect(target.repo('cases').get(someCase.id)!.codeName).toBe(someCase.codeName);
  });

  it('Given an ASCII-armored backup, When read, Then it is accepted', async () => {
    const armored = new TextEncoder().encode(armor.encode(file));
    const plan = await readBackup(target, armored, BACKUP_PASS, limits);
    expect(plan.summary.counts.people).toBe(5);
  });

  describe('refusals (each leaves the database unchanged)', () => {
    let before: string;
    beforeAll(async () => {
      before = await rawSnapshot(targetDb);
    });

    const expectRefused = async (
      bytes: Uint8Array,
      reason: BackupError['reason'],
      pass = BACKUP_PASS,
      lim = limits,
    ) => {
      const err = await rejectsWith(readBackup(target, bytes, pass, lim), BackupError);
      expect(err.reason).toBe(reason);
      return err;
    };

    it('Given a wrong passphrase, When read, Then BackupError (wrong-passphrase)', async () => {
      await expectRefused(file, 'wrong-passphrase', 'harbor copper meadow signal ember quivers');
    });

    it.each([
      ['the last byte', (n: number) => n - 1],
      ['the last 16 bytes (the final tag)', (n: number) => n - 16],
      ['half the file', (n: number) => Math.floor(n / 2)],
    ])(
      'Given a backup truncated by %s, When read, Then BackupError (damaged-file)',
      async (_n, len) => {
        await expectRefused(file.slice(0, len(file.length)), 'damaged-file');
      },
    );

    it('Given a backup cut inside its header, When read, Then BackupError', async () => {
      await rejectsWith(readBackup(target, file.slice(0, 30), BACKUP_PASS, limits), BackupError);
    });

    it.each([
      ['the header MAC line', () => Buffer.from(file).indexOf('--- ') + 6],
      ['the wrapped file key', () => Buffer.from(file).indexOf('\n', 25) + 3],
      [
        'the payload nonce',
        () => Buffer.from(file).indexOf('\n', Buffer.from(file).indexOf('--- ')) + 3,
      ],
      ['the payload', (n = file.length) => n - 40],
    ])('Given a bit flipped in %s, When read, Then BackupError', async (_n, at) => {
      const bad = file.slice();
      bad[at()]! ^= 0x01;
      await rejectsWith(readBackup(target, bad, BACKUP_PASS, limits), BackupError);
    });

    it('Given a header asking for scrypt work factor 2^40 (or above the limit), When read, Then refused before decrypting', async () => {
      const text = Buffer.from(file).toString('latin1');
      for (const wf of ['40', '21', '13']) {
        const bad = new Uint8Array(
          Buffer.from(text.replace(/(-> scrypt \S+) 10\n/, `$1 ${wf}\n`), 'latin1'),
        );
        const err = await expectRefused(bad, 'work-factor', BACKUP_PASS, wf === '13' ? limits : {});
        expect(err.message).toContain(`2^${wf}`);
      }
    });

    it('Given a file larger than the size limit, When read, Then BackupError (too-large) at once', async () => {
      await expectRefused(file, 'too-large', BACKUP_PASS, { ...limits, maxBytes: 100 });
    });

    it('Given something that is not an age file, or an age file for a public key, When read, Then BackupError (not-age)', async () => {
      await expectRefused(new TextEncoder().encode('{"format":"haven-backup"}'), 'not-age');
      const e = new Encrypter();
      e.addRecipient('age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p');
      await expectRefused(await e.encrypt('{}'), 'not-age');
    });

    const base = () => ({
      format: 'haven-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      stores: {} as Record<string, unknown>,
    });
    const invalid: [string, () => string, BackupError['reason']][] = [
      ['JSON that is not JSON', () => 'not json {', 'json'],
      ['an unknown format', () => JSON.stringify({ ...base(), format: 'other' }), 'schema'],
      ['a future version', () => JSON.stringify({ ...base(), version: 2 }), 'schema'],
      ['an unknown store', () => JSON.stringify({ ...base(), stores: { secrets: [] } }), 'schema'],
      [
        'a readable record id',
        () => JSON.stringify({ ...base(), stores: { cases: [{ id: 'case-1' }] } }),
        'schema',
      ],
      [
        'a repeated id',
        () => {
          const id = newId();
          return JSON.stringify({ ...base(), stores: { cases: [{ id }, { id }] } });
        },
        'schema',
      ],
      [
        'an over-long string',
        () =>
          JSON.stringify({ ...base(), stores: { cases: [{ id: newId(), x: 'a'.repeat(2000) }] } }),
        'limits',
      ],
      [
        'too deep nesting',
        () =>
          JSON.stringify({
            ...base(),
            stores: { cases: [{ id: newId(), x: JSON.parse('['.repeat(60) + ']'.repeat(60)) }] },
          }),
        'limits',
      ],
      [
        'too many records',
        () =>
          JSON.stringify({
            ...base(),
            stores: { cases: Array.from({ length: 11 }, () => ({ id: newId() })) },
          }),
        'schema',
      ],
    ];
    it.each(invalid)(
      'Given a well-encrypted file with %s, When read, Then BackupError (%s)',
      async (_n, content, reason) => {
        await expectRefused(await ageFile(content()), reason, BACKUP_PASS, {
          ...limits,
          maxStringLength: 1000,
          maxRecordsPerStore: 10,
        });
      },
    );

    it('Given 500 random mutations of a valid backup (flips, truncations, insertions, deletions, overwrites), When each is read and restored, Then each is refused with a BackupError', async () => {
      const mutation = fc.oneof(
        fc.record({
          kind: fc.constant('flip' as const),
          at: fc.nat(),
          bit: fc.integer({ min: 0, max: 7 }),
        }),
        fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({
          kind: fc.constant('insert' as const),
          at: fc.nat(),
          bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
        }),
        fc.record({
          kind: fc.constant('delete' as const),
          at: fc.nat(),
          len: fc.integer({ min: 1, max: 64 }),
        }),
        fc.record({
          kind: fc.constant('overwrite' as const),
          at: fc.nat(),
          bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
        }),
      );
      type Mutation = { kind: string; at: number; bit?: number; bytes?: Uint8Array; len?: number };
      const apply = (mm: Mutation): Uint8Array => {
        const at = mm.at % file.length;
        switch (mm.kind) {
          case 'flip': {
            const b = file.slice();
            b[at]! ^= 1 << mm.bit!;
            return b;
          }
          case 'truncate':
            return file.slice(0, at);
          case 'insert':
            return new Uint8Array([...file.subarray(0, at), ...mm.bytes!, ...file.subarray(at)]);
          case 'delete':
            return new Uint8Array([...file.subarray(0, at), ...file.subarray(at + mm.len!)]);
          default: {
            const b = file.slice();
            b.set(mm.bytes!.subarray(0, b.length - at), at);
            return b;
          }
        }
      };
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const bad = apply(m);
          fc.pre(Buffer.compare(Buffer.from(bad), Buffer.from(file)) !== 0);
          let err: unknown = null;
          try {
            const plan = await readBackup(target, bad, BACKUP_PASS, limits);
            await restoreBackup(target, plan, { mode: 'merge', onConflict: 'take-backup' });
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(BackupError);
          refused++;
        }),
        { numRuns: 500, seed: 20261125 },
      );
      expect(refused).toBeGreaterThanOrEqual(450);
    }, 120_000);

    it('Given every refusal above, When the raw database is compared, Then not one stored byte changed', async () => {
      expect(await rawSnapshot(targetDb)).toBe(before);
    });
  });

  const ageCli = '/usr/bin/age';
  const python = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v python3'], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  })();
  const cliReason = !existsSync(ageCli)
    ? 'the age CLI (/usr/bin/age) is not installed'
    : !python
      ? 'python3 (used for a pseudo-terminal) is missing'
      : '';

  it.skipIf(cliReason !== '')(
    `Given a backup made by the app, When the standard age tool decrypts it with the passphrase, Then it yields the same JSON${cliReason ? ` (skipped: ${cliReason})` : ''}`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'haven-age-'));
      const input = join(dir, 'backup.age');
      const output = join(dir, 'backup.json');
      writeFileSync(input, file);
      // age reads passphrases from the terminal only: run it under a pseudo-terminal.
      execFileSync(
        python!,
        [join(__dirname, 'fixtures', 'age-decrypt-pty.py'), BACKUP_PASS, input, output],
        {
          timeout: 30_000,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const json = JSON.parse(readFileSync(output, 'utf8')) as {
        format: string;
        version: number;
        stores: Record<string, StoredRecord[]>;
      };
      expect(json.format).toBe('haven-backup');
      expect(json.version).toBe(1);
      for (const s of RECORD_STORES) {
        expect(json.stores[s]!.map(canonicalJson).sort(), s).toEqual(
          source.allRecords()[s].map(canonicalJson).sort(),
        );
      }
    },
  );
});
