/**
 * The case's budget as the screens and exports see it: the derived lines of the plan, each with
 * the coordinator's override when there is one, then the manual lines. An override is a stored
 * line with `origin: 'derived'` and the derived line's `sourceKey`; it keeps the derived figure it
 * replaced (`derivedFrom`), so when the plan changes the item says that the derived figure now
 * differs, and re-derivation never touches it. An override whose source left the plan stays
 * (marked `orphaned`) until the coordinator removes it.
 */
import type { BudgetCategory, BudgetKind, BudgetLine } from '../entities/budget';
import type { CurrencyCode, MinorUnits } from '../money';
import type { IsoDate } from '../time';
import type { DerivedLine } from './derive';

export interface BudgetItem {
  /** Stable key: the stored line's id, or `derived:<sourceKey>` for a derived line not overridden. */
  readonly key: string;
  readonly caseId: string;
  readonly category: BudgetCategory;
  readonly description: string;
  readonly quantity: number;
  readonly unitAmount: MinorUnits;
  readonly currency: CurrencyCode;
  readonly kind: BudgetKind;
  readonly date: IsoDate;
  readonly payee: string;
  readonly funder: string;
  readonly grantCode: string;
  readonly notes: string;
  readonly origin: 'derived' | 'manual';
  /** The current derivation (null for manual lines and orphaned overrides). */
  readonly derived: DerivedLine | null;
  /** The stored record (manual line or override), null for a derived line as derived. */
  readonly line: BudgetLine | null;
  readonly override: null | {
    /** The plan now derives another figure than the one the override replaced. */
    readonly differs: boolean;
    /** The plan no longer has what the line was derived from. */
    readonly orphaned: boolean;
  };
}

/** quantity × unit amount in minor units. */
export function itemTotal(i: Pick<BudgetItem, 'quantity' | 'unitAmount'>): number {
  return i.quantity * i.unitAmount;
}

function sameFigure(
  a: { quantity: number; unitAmount: number; currency: string },
  b: { quantity: number; unitAmount: number; currency: string },
): boolean {
  return a.quantity === b.quantity && a.unitAmount === b.unitAmount && a.currency === b.currency;
}

/** Merges the plan's derived lines with the stored lines of one case. */
export function budgetItems(
  caseRecord: { readonly id: string; readonly funder: string; readonly grantCode: string },
  derived: readonly DerivedLine[],
  stored: readonly BudgetLine[],
): BudgetItem[] {
  const overrides = new Map<string, BudgetLine>();
  const manual: BudgetLine[] = [];
  for (const l of stored) {
    if (l.origin === 'derived' && l.sourceKey) overrides.set(l.sourceKey, l);
    else manual.push(l);
  }
  const out: BudgetItem[] = [];
  for (const d of derived) {
    const o = overrides.get(d.sourceKey);
    overrides.delete(d.sourceKey);
    if (o) {
      out.push({
        ...fromLine(o),
        origin: 'derived',
        derived: d,
        override: { differs: !sameFigure(o.derivedFrom ?? o, d), orphaned: false },
      });
    } else {
      out.push({
        key: `derived:${d.sourceKey}`,
        caseId: caseRecord.id,
        category: d.category,
        description: d.description,
        quantity: d.quantity,
        unitAmount: d.unitAmount,
        currency: d.currency,
        kind: 'planned',
        date: d.date,
        payee: '',
        funder: caseRecord.funder,
        grantCode: caseRecord.grantCode,
        notes: '',
        origin: 'derived',
        derived: d,
        line: null,
        override: null,
      });
    }
  }
  for (const o of overrides.values())
    out.push({ ...fromLine(o), origin: 'derived', override: { differs: true, orphaned: true } });
  for (const l of manual) out.push({ ...fromLine(l), origin: 'manual', override: null });
  return out;
}

function fromLine(l: BudgetLine): Omit<BudgetItem, 'origin' | 'override'> {
  return {
    key: l.id,
    caseId: l.caseId,
    category: l.category,
    description: l.description,
    quantity: l.quantity,
    unitAmount: l.unitAmount,
    currency: l.currency,
    kind: l.kind,
    date: l.date,
    payee: l.payee,
    funder: l.funder,
    grantCode: l.grantCode,
    notes: l.notes,
    derived: null,
    line: l,
  };
}

/** The stored fields of an override of `d` with a new quantity and unit amount. */
export function overrideInput(
  caseId: string,
  d: DerivedLine,
  figure: { quantity: number; unitAmount: MinorUnits },
  extra: { funder: string; grantCode: string; notes: string },
) {
  return {
    caseId,
    category: d.category,
    description: d.description,
    quantity: figure.quantity,
    unitAmount: figure.unitAmount,
    currency: d.currency,
    kind: 'planned' as const,
    date: d.date,
    payee: '',
    funder: extra.funder,
    grantCode: extra.grantCode,
    notes: extra.notes,
    origin: 'derived' as const,
    sourceKey: d.sourceKey,
    derivedFrom: { quantity: d.quantity, unitAmount: d.unitAmount, currency: d.currency },
  };
}
