/** Money and arithmetic as the budget screens show them. */
import type { TFunction } from 'i18next';
import type { BudgetItem, DerivedLine } from '../../domain/budget';
import { formatMoney, type CurrencyCode, type MinorUnits } from '../../domain/money';

export function fmt(amount: number, currency: string): string {
  return formatMoney({ amount: amount as MinorUnits, currency: currency as CurrencyCode });
}

function derivedText(t: TFunction, d: DerivedLine, quantity: number, unit: number): string {
  const u = fmt(unit, d.currency);
  const e = d.explain;
  switch (e.code) {
    case 'accommodation':
      return t('budget.explain.accommodation', { count: quantity, unit: u, host: e.host });
    case 'per_diem':
      return t('budget.explain.perDiem', {
        count: quantity,
        unit: u,
        people: e.people,
        group: t(`budget.groups.${e.group}`, { count: e.people }),
        from: e.from,
        to: e.to,
        convention: t(`budget.conventions.${e.convention}`),
      });
    case 'travel':
      return t('budget.explain.travel', { count: quantity, unit: u, leg: e.leg });
    case 'visa':
      return t('budget.explain.visa', { unit: u, person: e.person, country: e.country });
  }
}

/** "90 nights × €60.00 at Linden", or the manual line's "3 × €90.00". */
export function arithmetic(t: TFunction, i: BudgetItem): string {
  if (i.derived && !i.override) return derivedText(t, i.derived, i.quantity, i.unitAmount);
  return t('budget.explain.manual', { count: i.quantity, unit: fmt(i.unitAmount, i.currency) });
}

/** For an override whose plan moved: what the plan derives now. */
export function derivedNow(t: TFunction, i: BudgetItem): string | null {
  if (!i.override?.differs || !i.derived) return null;
  return derivedText(t, i.derived, i.derived.quantity, i.derived.unitAmount);
}
