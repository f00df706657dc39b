/** Budget writes: lines, overrides, imported actuals, exchange and per diem rates, funder caps. */
import type { DerivedLine, FunderCap } from '../../domain/budget';
import { overrideInput } from '../../domain/budget';
import type {
  BudgetLine,
  BudgetLineInput,
  ExchangeRate,
  ExchangeRateInput,
  PerDiemRate,
  PerDiemRateInput,
} from '../../domain/entities';
import {
  BudgetLineInputSchema,
  ExchangeRateInputSchema,
  PerDiemRateInputSchema,
} from '../../domain/entities';
import type { CaseId } from '../../domain/ids';
import type { MinorUnits } from '../../domain/money';
import { isoInstant } from '../../domain/time';
import { commitRestorable, newId, saveRecord, vault, type Restore } from '../../storage';
import { saveSettings } from '../settings';

export async function saveLine(input: BudgetLineInput, existing?: BudgetLine): Promise<void> {
  await saveRecord('budgetLines', BudgetLineInputSchema.parse(input), existing);
}

export function deleteLine(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'budgetLines', id }]);
}

/** Overrides a derived line (or changes an override), keeping the derived figure it replaces. */
export async function saveOverride(
  caseId: CaseId,
  derived: DerivedLine,
  figure: { quantity: number; unitAmount: MinorUnits },
  extra: { funder: string; grantCode: string; notes: string },
  existing?: BudgetLine,
): Promise<void> {
  const input = overrideInput(caseId, derived, figure, extra);
  await saveRecord('budgetLines', BudgetLineInputSchema.parse(input), existing);
}

/** Several records in one transaction: all written or none. */
async function putAll(
  store: 'budgetLines' | 'exchangeRates' | 'perDiemRates',
  values: readonly object[],
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const now = isoInstant(Date.now());
  onProgress?.(0.2);
  await vault.transaction(
    values.map((v) => ({
      op: 'put' as const,
      store,
      value: { ...v, id: newId(), createdAt: now, updatedAt: now },
    })),
  );
  onProgress?.(1);
}

export function importActualLines(
  inputs: readonly BudgetLineInput[],
  onProgress?: (fraction: number) => void,
): Promise<void> {
  return putAll(
    'budgetLines',
    inputs.map((i) => BudgetLineInputSchema.parse(i)),
    onProgress,
  );
}

export async function saveExchangeRate(input: ExchangeRateInput, existing?: ExchangeRate) {
  await saveRecord('exchangeRates', ExchangeRateInputSchema.parse(input), existing);
}
export function importExchangeRates(inputs: readonly ExchangeRateInput[]): Promise<void> {
  return putAll(
    'exchangeRates',
    inputs.map((i) => ExchangeRateInputSchema.parse(i)),
  );
}
export function deleteExchangeRate(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'exchangeRates', id }]);
}

export async function savePerDiemRate(input: PerDiemRateInput, existing?: PerDiemRate) {
  await saveRecord('perDiemRates', PerDiemRateInputSchema.parse(input), existing);
}
export function importPerDiemRates(inputs: readonly PerDiemRateInput[]): Promise<void> {
  return putAll(
    'perDiemRates',
    inputs.map((i) => PerDiemRateInputSchema.parse(i)),
  );
}
export function deletePerDiemRate(id: string): Promise<Restore> {
  return commitRestorable([{ op: 'delete', store: 'perDiemRates', id }]);
}

export function saveCaps(caps: FunderCap[]): Promise<void> {
  return saveSettings({ funderCaps: caps });
}
