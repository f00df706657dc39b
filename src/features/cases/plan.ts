/**
 * The planning records of the whole vault as the case screens read them, grouped per case, and
 * the input of the domain's plan checks for one case (its records, its hosts, and the other
 * cases' stays at those hosts, so overbooking across cases is found).
 */
import type {
  Case,
  Checkpoint,
  Extension,
  HostLocation,
  Person,
  Stay,
  TravelLeg,
  Visa,
} from '../../domain/entities';
import type { HostId } from '../../domain/ids';
import type { OtherStay, PlanCheckInput } from '../../domain/plan-checks';
import type { IsoDate } from '../../domain/time';
import { useRecords } from '../../storage';

export interface PlanningData {
  readonly cases: readonly Case[];
  readonly people: readonly Person[];
  readonly legs: readonly TravelLeg[];
  readonly stays: readonly Stay[];
  readonly visas: readonly Visa[];
  readonly checkpoints: readonly Checkpoint[];
  readonly extensions: readonly Extension[];
  readonly hosts: readonly HostLocation[];
}

/** Every planning record, re-rendering when any of them changes. */
export function usePlanningData(): PlanningData {
  return {
    cases: useRecords<Case>('cases'),
    people: useRecords<Person>('people'),
    legs: useRecords<TravelLeg>('legs'),
    stays: useRecords<Stay>('stays'),
    visas: useRecords<Visa>('visas'),
    checkpoints: useRecords<Checkpoint>('checkpoints'),
    extensions: useRecords<Extension>('extensions'),
    hosts: useRecords<HostLocation>('hosts'),
  };
}

/** One case and the records that belong to it. */
export interface CaseBundle {
  case: Case;
  people: Person[];
  legs: TravelLeg[];
  stays: Stay[];
  visas: Visa[];
  checkpoints: Checkpoint[];
  extensions: Extension[];
}

/** Groups the records by case in one pass over each store. */
export function groupByCase(data: PlanningData): Map<string, CaseBundle> {
  const out = new Map<string, CaseBundle>();
  for (const c of data.cases)
    out.set(c.id, {
      case: c,
      people: [],
      legs: [],
      stays: [],
      visas: [],
      checkpoints: [],
      extensions: [],
    });
  const put = <K extends Exclude<keyof CaseBundle, 'case'>>(
    key: K,
    list: readonly (CaseBundle[K][number] & { caseId: string })[],
  ): void => {
    for (const r of list) (out.get(r.caseId)?.[key] as (typeof r)[] | undefined)?.push(r);
  };
  put('people', data.people);
  put('legs', data.legs);
  put('stays', data.stays);
  put('visas', data.visas);
  put('checkpoints', data.checkpoints);
  put('extensions', data.extensions);
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
  return {
    case: bundle.case,
    people: bundle.people,
    legs: bundle.legs,
    stays: bundle.stays,
    visas: bundle.visas,
    checkpoints: bundle.checkpoints,
    extensions: bundle.extensions,
    hosts,
    otherStaysAtHosts: others,
    today: todayDate,
  };
}
