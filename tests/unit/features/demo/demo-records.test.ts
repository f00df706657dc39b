import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ENTITY_SCHEMAS } from '../../../../src/domain/entities';
import { buildDemoRecords } from '../../../../src/features/demo/demo-records';
import { newId } from '../../../../src/storage';

describe('the demo vault sample data', () => {
  const records = buildDemoRecords('2026-11-25', newId);

  it('given today, when built, then every record is valid for its store and ids are storage ids', () => {
    for (const { store, record } of records) {
      expect(ENTITY_SCHEMAS[store].safeParse(record).success, `${store} ${record.id}`).toBe(true);
      expect(record.id).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('holds several cases in different states, with family members, and no legal names', () => {
    const cases = records.filter((r) => r.store === 'cases').map((r) => r.record);
    expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(5);
    const people = records.filter((r) => r.store === 'people').map((r) => r.record);
    expect(people.some((p) => p.role === 'dependant')).toBe(true);
    expect(people.every((p) => p.legalName === null)).toBe(true);
  });

  it('links every foreign key to a record that exists', () => {
    const ids = new Set(records.map((r) => r.record.id));
    for (const { record } of records) {
      for (const key of ['caseId', 'hostId', 'personId'] as const) {
        if (typeof record[key] === 'string') expect(ids.has(record[key] as string), key).toBe(true);
      }
      for (const key of ['personIds', 'travellerIds'] as const) {
        for (const id of (record[key] as string[] | undefined) ?? [])
          expect(ids.has(id), key).toBe(true);
      }
    }
  });
});
