/**
 * Stay: some of a case's people at a host location from check-in to check-out (calendar days;
 * nights = days between them). The stay's rules live once here (`stayRuleViolations`, reason
 * codes): the schema applies those that need no other record; `validateStay` (for the form) adds
 * the host's beds. Availability and overbooking are plan checks.
 */
import { z } from 'zod';
import type { CaseId, HostId, PersonId, StayId } from '../ids';
import type { FieldError } from '../result';
import type { IsoDate } from '../time';
import { addIssue, idList, idSchema, planDate, entitySchemas, type IssueSink } from './common';
import type { HostLocation } from './host';

export type StayRuleReason = 'check_out_not_after_check_in' | 'no_people' | 'over_capacity';

export type StayRuleViolation =
  | { readonly field: 'checkOut'; readonly reason: 'check_out_not_after_check_in' }
  | { readonly field: 'personIds'; readonly reason: 'no_people' }
  | {
      readonly field: 'personIds';
      readonly reason: 'over_capacity';
      readonly host: string;
      readonly beds: number;
      readonly people: number;
    };

type StayHost = Pick<HostLocation, 'codeName' | 'capacityBeds'>;
/** What the stay's rules look at. */
type StayDates = Readonly<{ checkIn: IsoDate; checkOut: IsoDate; personIds: readonly string[] }>;

/** What is wrong with a stay by the stay's own rules, and by the host's beds when a host is given. */
export function stayRuleViolations(
  stay: StayDates,
  host: StayHost | null | undefined,
): StayRuleViolation[] {
  const out: StayRuleViolation[] = [];
  if (stay.checkOut <= stay.checkIn)
    out.push({ field: 'checkOut', reason: 'check_out_not_after_check_in' });
  if (stay.personIds.length === 0) out.push({ field: 'personIds', reason: 'no_people' });
  if (host && stay.personIds.length > host.capacityBeds)
    out.push({
      field: 'personIds',
      reason: 'over_capacity',
      host: host.codeName,
      beds: host.capacityBeds,
      people: stay.personIds.length,
    });
  return out;
}

const NO_PEOPLE = 'Choose at least one person who stays here';

/** The English sentence for a violation: what is wrong and how to fix it. */
export function stayRuleMessage(v: StayRuleViolation): string {
  switch (v.reason) {
    case 'check_out_not_after_check_in':
      return 'Check-out must be at least one day after check-in';
    case 'no_people':
      return NO_PEOPLE;
    case 'over_capacity':
      return `${v.host} has ${v.beds} ${v.beds === 1 ? 'bed' : 'beds'} for ${v.people} people; choose fewer people or another host`;
  }
}

/** Field errors that block saving a stay: dates in the wrong order, more people than the host's beds. */
export function validateStay(stay: StayDates, host: StayHost | null | undefined): FieldError[] {
  return stayRuleViolations(stay, host).map((v) => ({
    field: v.field,
    message: stayRuleMessage(v),
  }));
}

const stayFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  hostId: idSchema<HostId>('Host'),
  checkIn: planDate('the check-in date'),
  checkOut: planDate('the check-out date'),
  personIds: idList<PersonId>('Person', 1, NO_PEOPLE),
});

function stayRules(v: z.infer<typeof stayFields>, ctx: IssueSink): void {
  for (const violation of stayRuleViolations(v, null))
    addIssue(ctx, violation.field, stayRuleMessage(violation));
}

export const { input: StayInputSchema, record: StaySchema } = entitySchemas(
  stayFields,
  idSchema<StayId>('Stay'),
  stayRules,
);
export type StayInput = z.input<typeof StayInputSchema>;
export type Stay = z.output<typeof StaySchema>;
