/** The e2e pack case (tests/e2e/harness/pack-case.ts) as a planning index, parsed through the schemas. */
import { ENTITY_SCHEMAS } from '../../../../src/domain/entities';
import type { HostLocation } from '../../../../src/domain/entities';
import {
  groupByCase,
  hostMap,
  type CaseBundle,
  type PlanningData,
} from '../../../../src/domain/planning';
import { packCaseIds, packCaseRecords, type PackCaseIds } from '../../../e2e/harness/pack-case';

export function packFixture(): {
  ids: PackCaseIds;
  bundles: Map<string, CaseBundle>;
  hosts: Map<string, HostLocation>;
} {
  let n = 0;
  const newId = () => `id${String(++n).padStart(30, '0')}`;
  const ids = packCaseIds(newId);
  const data: Record<string, unknown[]> = {
    cases: [],
    hosts: [],
    people: [],
    legs: [],
    stays: [],
    visas: [],
    checkpoints: [],
    extensions: [],
    budgetLines: [],
  };
  for (const { store, record } of packCaseRecords(ids, newId))
    data[store]?.push(ENTITY_SCHEMAS[store].parse(record));
  const planning = data as unknown as PlanningData;
  return { ids, bundles: groupByCase(planning), hosts: hostMap(planning.hosts) };
}
