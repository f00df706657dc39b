/**
 * Every store is validated on write and on restore (issue 16): the vault is created with the
 * schema map (VAULT_SCHEMAS, as the app's instance is), so an invalid budget line or an invalid
 * audit row is refused with a message, through the vault and through a restore, and nothing is
 * written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  RecordValidationError,
  VAULT_SCHEMAS,
  createBackup,
  newId,
  readBackup,
  restoreBackup,
  type AuditRow,
  type StoredRecord,
  type Vault,
} from '../../../src/storage';
import { backupPortOf } from '../../../src/storage/backup-port';
import { newVault, rawDump, rejectsWith } from './helpers';
import { validRecords } from './records';

const PASS = 'backup passphrase for validation tests';
const WF = 10;

/** A budget line with a category the schema does not know (everything else valid). */
function invalidBudgetLine(): StoredRecord {
  const line = validRecords(1).budgetLines[0]!;
  return { ...line, id: newId(), category: 'snacks' };
}

/** An audit row whose action is not an action name (upper case and a space). */
function invalidAuditRow(): AuditRow {
  return {
    id: newId(),
    at: new Date().toISOString(),
    groups: [{ store: 'cases', action: 'Drop Table', fields: [], entityIds: [newId()] }],
    m: 1,
  };
}

async function rowCounts(dbName: string): Promise<Record<string, number>> {
  const dump = await rawDump(dbName);
  return Object.fromEntries(Object.entries(dump).map(([s, rows]) => [s, rows.length]));
}

/** A backup holding `records`, made from a vault created without schemas (as an old or edited file could be). */
async function backupHolding(
  prefix: string,
  write: (source: Vault) => Promise<void>,
): Promise<Uint8Array> {
  const { vault: source } = await newVault(prefix);
  try {
    await write(source);
    return await createBackup(source, PASS, { scryptWorkFactor: WF });
  } finally {
    source.lock();
  }
}

describe('every store validated on write and restore', () => {
  let vault: Vault;
  let dbName: string;
  beforeAll(async () => {
    ({ vault, dbName } = await newVault('validation', { schemas: VAULT_SCHEMAS }));
  });
  afterAll(() => vault.lock());

  it('Given an invalid budget line, When written through the vault, Then RecordValidationError names the field and nothing is written', async () => {
    const before = await rowCounts(dbName);
    const err = await rejectsWith(
      vault.repo('budgetLines').put(invalidBudgetLine()),
      RecordValidationError,
    );
    expect(err.message).toContain('budgetLines');
    expect(err.message).toContain('category');
    expect(err.message).not.toContain('snacks');
    expect(await rowCounts(dbName)).toEqual(before);
    expect(vault.list('budgetLines')).toEqual([]);
  });

  it("Given a write over several stores with two invalid records, When committed, Then the error is the first invalid op's in op order and nothing is written", async () => {
    // Stores are validated (and sealed) one after another: cases first here, as the first op is
    // a case, though its invalid case comes after the invalid budget line.
    const recs = validRecords(1);
    const before = await rowCounts(dbName);
    const err = await rejectsWith(
      vault.transaction([
        { op: 'put', store: 'cases', value: { ...recs.cases[0]!, id: newId() } },
        { op: 'put', store: 'budgetLines', value: invalidBudgetLine() },
        { op: 'put', store: 'people', value: { ...recs.people[0]!, id: newId() } },
        { op: 'put', store: 'cases', value: { ...recs.cases[0]!, id: newId(), status: 'lost' } },
      ]),
      RecordValidationError,
    );
    expect(err.message).toContain('budgetLines');
    expect(err.message).not.toContain('status');
    expect(await rowCounts(dbName)).toEqual(before);
    expect(vault.list('cases')).toEqual([]);
    expect(vault.list('people')).toEqual([]);
    // The later invalid op alone is reported by itself.
    const alone = await rejectsWith(
      vault.transaction([
        { op: 'put', store: 'people', value: { ...recs.people[0]!, id: newId() } },
        { op: 'put', store: 'cases', value: { ...recs.cases[0]!, id: newId(), status: 'lost' } },
      ]),
      RecordValidationError,
    );
    expect(alone.message).toContain('cases');
    expect(alone.message).toContain('status');
    expect(await rowCounts(dbName)).toEqual(before);
  });

  it('Given an invalid audit row, When written through the vault (a restore write, or as a record), Then it is refused with a message and nothing is written', async () => {
    const before = await rowCounts(dbName);
    const port = backupPortOf(vault);
    const err = await rejectsWith(
      port.writeRaw(
        { audit: [invalidAuditRow() as unknown as StoredRecord] },
        port.newAuditRow([]),
      ),
      RecordValidationError,
    );
    expect(err.message).toContain('audit');
    expect(err.message).toContain('action');
    await rejectsWith(
      vault.transaction([
        {
          op: 'put',
          store: 'audit' as 'cases',
          value: invalidAuditRow() as unknown as StoredRecord,
        },
      ]),
      RecordValidationError,
    );
    expect(await rowCounts(dbName)).toEqual(before);
  });

  it('Given a backup with an invalid budget line, When read for restore, Then BackupError says which record and field, and nothing is written', async () => {
    const file = await backupHolding('validation-src-budget', async (source) => {
      await source.repo('budgetLines').put(invalidBudgetLine());
    });
    const before = await rowCounts(dbName);
    const err = await rejectsWith(readBackup(vault, file, PASS), BackupError);
    expect(err.reason).toBe('schema');
    expect(err.message).toContain('budgetLines');
    expect(err.message).toContain('Choose a budget category');
    expect(await rowCounts(dbName)).toEqual(before);
  });

  it('Given a backup with an invalid audit row, When read for restore, Then BackupError says which record, and nothing is written', async () => {
    const file = await backupHolding('validation-src-audit', async (source) => {
      const port = backupPortOf(source);
      await port.writeRaw(
        { audit: [invalidAuditRow() as unknown as StoredRecord] },
        port.newAuditRow([]),
      );
    });
    const before = await rowCounts(dbName);
    const err = await rejectsWith(readBackup(vault, file, PASS), BackupError);
    expect(err.reason).toBe('schema');
    expect(err.message).toContain('of audit');
    expect(err.message).toContain('The audit action is unknown');
    expect(await rowCounts(dbName)).toEqual(before);
  });

  it('Given a vault whose History holds a deletion inside a case, When backed up and restored into a vault with every schema, Then the audit rows pass and the deletion is there', async () => {
    const records = validRecords(1);
    const caseId = records.cases[0]!.id;
    const legId = records.legs[0]!.id;
    const file = await backupHolding('validation-src-deleted', async (source) => {
      await source.repo('cases').put(records.cases[0]!);
      await source.repo('people').put(records.people[0]!);
      await source.repo('legs').put(records.legs[0]!);
      await source.repo('legs').delete(legId);
    });
    const { vault: target } = await newVault('validation-target', { schemas: VAULT_SCHEMAS });
    try {
      const plan = await readBackup(target, file, PASS);
      await restoreBackup(target, plan, { mode: 'empty' });
      expect(target.deletionsIn(caseId).map((e) => e.entityId)).toEqual([legId]);
    } finally {
      target.lock();
    }
  });
});
