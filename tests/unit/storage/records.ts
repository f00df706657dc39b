/**
 * Valid, consistent records for every store (each parsed through its domain schema, with random
 * ids), for the storage tests that restore backups: a backup is checked against the schemas and
 * its references, so its fixtures must be real records.
 */
import {
  BudgetLineSchema,
  ExchangeRateSchema,
  PerDiemRateSchema,
} from '../../../src/domain/entities';
import { newId, type EntityStore, type StoredRecord } from '../../../src/storage';
import {
  T0,
  makeCase,
  makeCheckpoint,
  makeExtension,
  makeHost,
  makeLeg,
  makePerson,
  makeStay,
  makeVisa,
} from '../builders';

const meta = { createdAt: T0, updatedAt: T0 };

/** `n` records per entity store (and settings), the i-th of each store tied to the i-th case. */
export function validRecords(
  n = 5,
  label = 'Ünïcødé — 你好 🕊',
): Record<EntityStore, StoredRecord[]> {
  const out = {} as Record<EntityStore, StoredRecord[]>;
  const push = (store: EntityStore, r: object) => (out[store] ??= []).push(r as StoredRecord);
  for (let i = 0; i < n; i++) {
    const caseId = newId();
    const personId = newId();
    const hostId = newId();
    push('cases', makeCase({ id: caseId, codeName: `${label} case ${i}` }));
    push('people', makePerson({ id: personId, caseId, codeName: `${label} person ${i}` }));
    push('hosts', makeHost({ id: hostId, codeName: `Host ${i}` }));
    push('stays', makeStay({ id: newId(), caseId, hostId, personIds: [personId] }));
    push('legs', makeLeg({ id: newId(), caseId, travellerIds: [personId] }));
    push('visas', makeVisa({ id: newId(), caseId, personId }));
    push('checkpoints', makeCheckpoint({ id: newId(), caseId }));
    push('extensions', makeExtension({ id: newId(), caseId }));
    push(
      'budgetLines',
      BudgetLineSchema.parse({
        id: newId(),
        caseId,
        category: 'travel',
        description: `Ticket ${i}`,
        quantity: 1,
        unitAmount: 12_000 + i,
        currency: 'EUR',
        kind: 'planned',
        date: '2026-03-28',
        ...meta,
      }),
    );
    push(
      'exchangeRates',
      ExchangeRateSchema.parse({
        id: newId(),
        from: 'USD',
        to: 'EUR',
        rate: `0.9${i}`,
        asOf: '2026-03-01',
        ...meta,
      }),
    );
    push(
      'perDiemRates',
      PerDiemRateSchema.parse({
        id: newId(),
        countryCode: 'FR',
        city: `City ${i}`,
        amount: 5_000,
        currency: 'EUR',
        validFrom: '2026-01-01',
        ...meta,
      }),
    );
    push('settings', { id: newId(), kind: 'app-settings', autoLockMinutes: 5 + i, demo: false });
  }
  return out;
}
