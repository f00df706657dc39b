/**
 * What a pack holds, in facts the screen words before printing ("2 travellers: Cedar, Acorn;
 * 4 legs; 2 stays; documents of Cedar, Acorn; no budget; host locations redacted"), computed from
 * the selection itself so the words cannot drift from what is printed.
 */
import type { PackContent } from './select';

export interface PackSummary {
  readonly variant: PackContent['variant']['kind'];
  readonly cases: readonly string[];
  readonly people: readonly string[];
  readonly legs: number;
  readonly stays: number;
  /** Code names of the people whose travel document is printed. */
  readonly documentsOf: readonly string[];
  readonly legalNamesOf: readonly string[];
  readonly budget: boolean;
  readonly hostLocations: 'shown' | 'redacted' | 'none';
}

export function packSummary(content: PackContent): PackSummary {
  const people = content.cases.flatMap((c) => c.people);
  const stays = content.cases.reduce((n, c) => n + c.stays.length, 0);
  const hasHosts = content.cases.some((c) => c.stays.some((s) => s.host !== null));
  return {
    variant: content.variant.kind,
    cases: content.cases.map((c) => c.codeName),
    people: people.map((p) => p.codeName),
    legs: content.cases.reduce((n, c) => n + c.legs.length, 0),
    stays,
    documentsOf: people
      .filter((p) => p.travelDocument || p.visas.length > 0)
      .map((p) => p.codeName),
    legalNamesOf: people.filter((p) => p.legalName !== null).map((p) => p.codeName),
    budget: content.cases.some((c) => c.budget !== null),
    hostLocations: !hasHosts ? 'none' : content.redactAddresses ? 'redacted' : 'shown',
  };
}
