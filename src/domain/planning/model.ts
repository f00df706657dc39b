/**
 * The planning model: the planning records of the whole vault, grouped per case, and the input of
 * the plan checks for one case (its records, its hosts, and the other cases' stays at those hosts,
 * so overbooking across cases is found). Pure: the storage layer's planning index builds it from
 * the vault's snapshots, the screens read it.
 */
import type { Case } from '../entities/case';
import type { HostLocation } from '../entities/host';
import type { Stay } from '../entities/stay';
import type { EntityOf } from '../entities/stores';
import type { HostId } from '../ids';
import type { OtherStay, PlanCheckInput } from '../plan-checks';
import { sameItems } from '../memoize';
import type { IsoDate } from '../time';
import { CASE_OWNED_STORES, type CaseOwnedStore } from './stores';

/** Every planning record of the vault, one list per store. */
export type PlanningData = {
  readonly cases: readonly Case[];
  readonly hosts: readonly HostLocation[];
} & { readonly [S in CaseOwnedStore]: readonly EntityOf<S>[] };

/** One case and the records that belong to it. */
export type CaseBundle = { case: Case } & { [S in CaseOwnedStore]: EntityOf<S>[] };

/** A case with none of its records yet. */
export function emptyBundle(c: Case): CaseBundle {
  const bundle = { case: c } as Record<string, unknown>;
  for (const store of CASE_OWNED_STORES) bundle[store] = [];
  return bundle as CaseBundle;
}

/** One case-owned store's records grouped by case id. */
export type StoreGroups = { readonly [S in CaseOwnedStore]: ReadonlyMap<string, EntityOf<S>[]> };

/**
 * One store's records by case id, in one pass (store order kept). Where a case's list holds the
 * same records in the same order as its list in `previous` (the grouping of the store's last
 * snapshot), that earlier list is kept, so a write to one case leaves every other case's lists,
 * and so its bundle, as they were.
 */
export function groupStore<T extends { readonly caseId: string }>(
  records: readonly T[],
  previous?: ReadonlyMap<string, T[]>,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of records) {
    let list = out.get(r.caseId);
    if (!list) out.set(r.caseId, (list = []));
    list.push(r);
  }
  if (previous)
    for (const [caseId, list] of out) {
      const before = previous.get(caseId);
      if (before && sameItems(before, list)) out.set(caseId, before);
    }
  return out;
}

/**
 * The bundle of each case from the stores' groupings. A case whose record and lists are all those
 * of its bundle in `previous` keeps that bundle object (what is derived per bundle stays valid).
 */
export function assembleBundles(
  cases: readonly Case[],
  groups: StoreGroups,
  previous?: ReadonlyMap<string, CaseBundle>,
): Map<string, CaseBundle> {
  const out = new Map<string, CaseBundle>();
  for (const c of cases) {
    const before = previous?.get(c.id);
    let same = before?.case === c;
    const bundle = { case: c } as Record<string, unknown>;
    for (const store of CASE_OWNED_STORES) {
      const earlier = before?.[store] as unknown[] | undefined;
      const list =
        (groups[store].get(c.id) as unknown[] | undefined) ??
        (earlier && earlier.length === 0 ? earlier : []);
      if (list !== earlier) same = false;
      bundle[store] = list;
    }
    out.set(c.id, same && before ? before : (bundle as CaseBundle));
  }
  return out;
}

/** Groups the records by case in one pass over each store (store order kept). */
export function groupByCase(data: PlanningData): Map<string, CaseBundle> {
  const groups = Object.fromEntries(
    CASE_OWNED_STORES.map((store) => [
      store,
      groupStore(data[store] as readonly { caseId: string }[]),
    ]),
  ) as unknown as StoreGroups;
  return assembleBundles(data.cases, groups);
}

/** How many records of each case-owned store belong to the case (what goes with it on delete). */
export function caseDependents(caseId: string, data: PlanningData): Record<CaseOwnedStore, number> {
  const out = {} as Record<CaseOwnedStore, number>;
  for (const store of CASE_OWNED_STORES)
    out[store] = (data[store] as readonly { caseId: string }[]).filter(
      (r) => r.caseId === caseId,
    ).length;
  return out;
}

/** Stays per host, for capacity across cases. */
export function staysByHost(stays: readonly Stay[]): Map<string, Stay[]> {
  const out = new Map<string, Stay[]>();
  for (const s of stays) {
    let list = out.get(s.hostId);
    if (!list) out.set(s.hostId, (list = []));
    list.push(s);
  }
  return out;
}

export function hostMap(hosts: readonly HostLocation[]): Map<HostId, HostLocation> {
  return new Map(hosts.map((h) => [h.id, h]));
}

/** The plan-check input of one case. */
export function planCheckInput(
  bundle: CaseBundle,
  hosts: ReadonlyMap<HostId, HostLocation>,
  byHost: ReadonlyMap<string, readonly Stay[]>,
  todayDate: IsoDate,
): PlanCheckInput {
  const others: OtherStay[] = [];
  const seen = new Set<string>();
  for (const s of bundle.stays) {
    if (seen.has(s.hostId)) continue;
    seen.add(s.hostId);
    for (const o of byHost.get(s.hostId) ?? []) {
      if (o.caseId === bundle.case.id) continue;
      others.push({
        hostId: o.hostId,
        caseId: o.caseId,
        checkIn: o.checkIn,
        checkOut: o.checkOut,
        peopleCount: o.personIds.length,
      });
    }
  }
  return { ...bundle, hosts, otherStaysAtHosts: others, today: todayDate };
}
