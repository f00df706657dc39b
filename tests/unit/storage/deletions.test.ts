/**
 * Deletions in the audit trail: a deleted record that belonged to a case keeps its deletion
 * findable by that case (ids only, no values), and a restorable write puts a deletion and its
 * cascade back as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Vault, commitRestorable, newId } from '../../../src/storage';
import { newVault, rawDump } from './helpers';

describe('deletions', () => {
  let vault: Vault;
  let dbName: string;
  beforeAll(async () => {
    ({ vault, dbName } = await newVault('deletions'));
  });
  afterAll(() => vault.lock());

  it('Given a leg of a case, When deleted, Then the case finds the deletion by its id, with the kind of record and no values', async () => {
    const caseId = newId();
    const leg = { id: newId(), caseId, carrier: 'Secret Air', number: 'TK383' };
    const other = { id: newId(), caseId: newId(), carrier: 'Other' };
    await vault.transaction([
      { op: 'put', store: 'legs', value: leg },
      { op: 'put', store: 'legs', value: other },
    ]);
    await vault.transaction([
      { op: 'delete', store: 'legs', id: leg.id },
      { op: 'delete', store: 'legs', id: other.id },
    ]);
    const gone = vault.deletionsIn(caseId);
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({
      store: 'legs',
      entityId: leg.id,
      action: 'delete',
      fields: [],
      caseId,
    });
    expect(vault.auditFor(leg.id).map((e) => e.action)).toEqual(['create', 'delete']);
    expect(JSON.stringify(vault.list('audit'))).not.toContain('Secret Air');
    // The audit rows on disk are sealed like every other row.
    const dump = await rawDump(dbName);
    expect(JSON.stringify(dump.audit)).not.toContain(caseId);
  });

  it('Given a person deleted with a cascade, When the restorable write is undone, Then every record is back as it was', async () => {
    const caseId = newId();
    const person = { id: newId(), caseId, codeName: 'Cedar' };
    const alone = { id: newId(), caseId, travellerIds: [person.id] };
    const shared = { id: newId(), caseId, travellerIds: [person.id, 'p-2'] };
    await vault.transaction([
      { op: 'put', store: 'people', value: person },
      { op: 'put', store: 'legs', value: alone },
      { op: 'put', store: 'legs', value: shared },
    ]);
    const undo = await commitRestorable(
      [
        { op: 'delete', store: 'legs', id: alone.id },
        { op: 'put', store: 'legs', value: { ...shared, travellerIds: ['p-2'] } },
        { op: 'delete', store: 'people', id: person.id },
      ],
      vault,
    );
    expect(vault.get('people', person.id)).toBeUndefined();
    expect(vault.get('legs', shared.id)).toMatchObject({ travellerIds: ['p-2'] });
    expect(
      vault
        .deletionsIn(caseId)
        .map((e) => e.store)
        .sort(),
    ).toEqual(['legs', 'people']);
    await undo();
    expect(vault.get('people', person.id)).toEqual(person);
    expect(vault.get('legs', alone.id)).toEqual(alone);
    expect(vault.get('legs', shared.id)).toEqual(shared);
    expect(vault.auditFor(person.id).map((e) => e.action)).toEqual(['create', 'delete', 'restore']);
  });
});
