/**
 * Restore checks every store against its schema (budget lines, rates, settings and audit too) and
 * every reference (a stay's case, host and people; a leg's people; a visa's person) before
 * writing anything, with a message that names the record; and tells a wrong passphrase apart
 * from a damaged file.
 */
import { Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  ENTITY_STORES,
  createBackup,
  newId,
  readBackup,
  type StoredRecord,
  type Vault,
} from '../../../src/storage';
import { newVault, rawSnapshot, rejectsWith } from './helpers';
import { validRecords } from './records';

const PASS = 'harbor copper meadow signal ember quiver';
const WF = 10;

async function ageFile(stores: Record<string, StoredRecord[]>): Promise<Uint8Array> {
  const e = new Encrypter();
  e.setScryptWorkFactor(WF);
  e.setPassphrase(PASS);
  return e.encrypt(
    JSON.stringify({
      format: 'haven-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      stores,
    }),
  );
}

describe('restore refuses bad content before writing anything', () => {
  let target: Vault;
  let dbName: string;
  let before: string;
  const good = validRecords(2);
  const withChange = (store: string, i: number, patch: Record<string, unknown>) => ({
    ...good,
    [store]: good[store as keyof typeof good].map((r, j) => (j === i ? { ...r, ...patch } : r)),
  });

  beforeAll(async () => {
    ({ vault: target, dbName } = await newVault('restore-checks'));
    await target.repo('cases').put(validRecords(1).cases[0]!);
    before = await rawSnapshot(dbName);
  });
  afterAll(() => target.lock());

  it('Given the valid set, When read, Then it is accepted (the refusals below are caused by the edits)', async () => {
    const plan = await readBackup(target, await ageFile(good), PASS);
    expect(plan.summary.total).toBe(ENTITY_STORES.length * 2);
  });

  it.each([
    ['a budget line with a fractional quantity', 'budgetLines', 1, { quantity: 1.5 }, 'quantity'],
    ['an exchange rate from a currency to itself', 'exchangeRates', 0, { to: 'USD' }, 'to'],
    ['a per diem rate without a currency', 'perDiemRates', 0, { currency: 'euros' }, 'currency'],
    [
      'a settings record with 0 minutes of auto-lock',
      'settings',
      1,
      { autoLockMinutes: 0 },
      'auto lock minutes',
    ],
  ])(
    'Given %s, When read, Then BackupError names the store, the record number and the field',
    async (_name, store, i, patch, field) => {
      const err = await rejectsWith(
        readBackup(target, await ageFile(withChange(store, i, patch)), PASS),
        BackupError,
      );
      expect(err.reason).toBe('schema');
      expect(err.i18n?.values).toMatchObject({ store, n: i + 1, field });
      expect(err.message).not.toMatch(/invalid_type|too_small|custom/);
    },
  );

  it('Given an audit row with an unknown shape, When read, Then BackupError names the audit row', async () => {
    const audit = [
      {
        id: newId(),
        at: new Date().toISOString(),
        groups: [{ store: 'cases', action: 'create', fields: [], entityIds: [] }],
      },
      { id: newId(), at: 'yesterday', groups: [] },
    ];
    const err = await rejectsWith(
      readBackup(target, await ageFile({ ...good, audit }), PASS),
      BackupError,
    );
    expect(err.reason).toBe('schema');
    expect(err.i18n?.values).toMatchObject({ store: 'audit', n: 2, field: 'at' });
  });

  it.each([
    ['a stay whose host is not in the backup', 'stays', { hostId: newId() }, 'hosts'],
    ['a stay whose case is not in the backup', 'stays', { caseId: newId() }, 'cases'],
    [
      'a leg with a traveller who is not in the backup',
      'legs',
      { travellerIds: [newId()] },
      'people',
    ],
    ['a visa of a person who is not in the backup', 'visas', { personId: newId() }, 'people'],
  ])(
    'Given %s, When read, Then BackupError (dangling-reference) names the record and what is missing',
    async (_n, store, patch, target_) => {
      const err = await rejectsWith(
        readBackup(target, await ageFile(withChange(store, 1, patch)), PASS),
        BackupError,
      );
      expect(err.reason).toBe('dangling-reference');
      expect(err.i18n?.key).toBe('integrity.restore.dangling');
      expect(err.i18n?.values).toMatchObject({ store, n: 2, target: target_ });
    },
  );

  it('Given a stay whose case exists only in this vault, When merged, Then the reference is accepted', async () => {
    const local = target.repo('cases').list()[0]!;
    const plan = await readBackup(
      target,
      await ageFile(withChange('stays', 0, { caseId: local.id })),
      PASS,
    );
    expect(plan.summary.counts.stays).toBe(2);
  });

  it('Given a wrong passphrase, a damaged header and a damaged payload, When read, Then the first is "wrong passphrase" and the others "damaged file"', async () => {
    const file = await ageFile(good);
    const wrong = await rejectsWith(readBackup(target, file, `${PASS}s`), BackupError);
    expect(wrong.reason).toBe('wrong-passphrase');
    expect(wrong.i18n?.key).toBe('integrity.restore.wrongPassphrase');
    const mac = file.slice();
    mac[Buffer.from(file).indexOf('--- ') + 6]! ^= 0x01;
    const payload = file.slice();
    payload[payload.length - 40]! ^= 0x01;
    for (const bad of [mac, payload, file.slice(0, file.length - 1)]) {
      const err = await rejectsWith(readBackup(target, bad, PASS), BackupError);
      expect(err.reason).toBe('damaged-file');
      expect(err.i18n?.key).toBe('integrity.restore.damagedFile');
    }
  });

  it('Given every refusal above, When the raw database is compared, Then nothing was written', async () => {
    expect(await rawSnapshot(dbName)).toBe(before);
    // And a backup of the vault itself still restores its own references.
    const own = await createBackup(target, PASS, { scryptWorkFactor: WF });
    expect((await readBackup(target, own, PASS)).summary.identical).toBeGreaterThan(0);
  });
});
