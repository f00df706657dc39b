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

/** Groups the records by case in one pass over each store (store order kept). */
export function groupByCase(data: PlanningData): Map<string, CaseBundle> {
  const out = new Map<string, CaseBundle>();
  for (const c of data.cases) out.set(c.id, emptyBundle(c));
  for (const store of CASE_OWNED_STORES)
    for (const r of data[store] as readonly { caseId: string }[])
      (out.get(r.caseId)?.[store] as unknown[] | undefined)?.push(r);
  return out;
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
