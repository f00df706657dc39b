/** Writes the demo records and marks the vault as a demo, in one audited transaction. */
import { DateTime } from 'luxon';
import { newId, vault } from '../../storage';
import { saveSettings } from '../settings';
import { buildDemoRecords } from './demo-records';

export async function seedDemoVault(): Promise<void> {
  const today = DateTime.local().toISODate() ?? new Date().toISOString().slice(0, 10);
  const records = buildDemoRecords(today, newId);
  await vault.transaction(
    records.map(({ store, record }) => ({ op: 'put' as const, store, value: record })),
  );
  await saveSettings({ demo: true });
}
