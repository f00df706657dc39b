/** The arithmetic of a budget item in words ("90 nights × EUR 60.00"), for exports and as the UI's fallback. */
import { toDecimalString } from '../money';
import type { DerivedLine } from './derive';
import type { BudgetItem } from './items';

export function moneyText(amount: number, currency: string): string {
  return `${currency} ${toDecimalString(amount, currency)}`;
}

function derivedText(d: DerivedLine, quantity: number, unit: number): string {
  const u = moneyText(unit, d.currency);
  const e = d.explain;
  switch (e.code) {
    case 'accommodation':
      return `${quantity} ${quantity === 1 ? 'night' : 'nights'} × ${u} at ${e.host}`;
    case 'per_diem':
      return `${quantity} person-days × ${u} (${e.people} ${e.group === 'child' ? (e.people === 1 ? 'child' : 'children') : e.people === 1 ? 'adult' : 'adults'}, ${e.from} to ${e.to}, counted as ${e.convention === 'nights' ? 'nights' : 'nights + 1'})`;
    case 'travel':
      return `${quantity} × ${u}: leg ${e.leg}`;
    case 'visa':
      return `${quantity} × ${u}: visa fee of ${e.person} for ${e.country}`;
  }
}

/** Where the item comes from and how its amount is computed. */
export function explainItem(i: BudgetItem): string {
  if (i.derived && !i.override) return derivedText(i.derived, i.quantity, i.unitAmount);
  const own = `${i.quantity} × ${moneyText(i.unitAmount, i.currency)}`;
  if (!i.override) return own;
  if (i.override.orphaned) return `Overridden: ${own} (no longer in the plan)`;
  const base = i.line?.derivedFrom;
  const was = base
    ? ` in place of ${base.quantity} × ${moneyText(base.unitAmount, base.currency)}`
    : '';
  const now =
    i.override.differs && i.derived
      ? `; the plan now derives ${derivedText(i.derived, i.derived.quantity, i.derived.unitAmount)}`
      : '';
  return `Overridden: ${own}${was}${now}`;
}
