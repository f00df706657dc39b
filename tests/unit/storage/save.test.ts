/** saveRecord: one audited write that stamps createdAt on create and updatedAt on every save. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VAULT_SCHEMAS, saveRecord, type EntityInput, type Vault } from '../../../src/storage';
import { makeHost } from '../builders';
import { newVault } from './helpers';

const T1 = Date.parse('2026-02-01T10:00:00.000Z');
const T2 = Date.parse('2026-02-03T12:30:00.000Z');

describe('saveRecord', () => {
  let vault: Vault;
  beforeAll(async () => {
    ({ vault } = await newVault('save', { schemas: VAULT_SCHEMAS }));
  });
  afterAll(() => vault.lock());

  it('Given a form input, When saved and saved again, Then the id and createdAt stay, updatedAt moves, and both saves are audited', async () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = makeHost();
    const id = await saveRecord('hosts', input as EntityInput<'hosts'>, undefined, {
      on: vault,
      nowMs: T1,
    });
    const created = vault.repo('hosts').get(id)!;
    expect(created).toMatchObject({
      ...input,
      id,
      createdAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
    });
    const again = await saveRecord(
      'hosts',
      { ...(input as EntityInput<'hosts'>), codeName: 'Renamed' },
      created as never,
      { on: vault, nowMs: T2 },
    );
    expect(again).toBe(id);
    expect(vault.repo('hosts').get(id)).toMatchObject({
      codeName: 'Renamed',
      createdAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-03T12:30:00.000Z',
    });
    expect(vault.auditFor(id).map((e) => e.action)).toEqual(['create', 'update']);
  });
});
