/**
 * Stay: some of a case's people at a host location from check-in to check-out (calendar days;
 * nights = days between them). Capacity and availability against the host are checked by
 * `validateStay` and the plan checks, not here, because they need the host record.
 */
import { z } from 'zod';
import type { CaseId, HostId, PersonId, StayId } from '../ids';
import { idList, idSchema, planDate, recordMeta, type IssueSink } from './common';

const stayFields = z.object({
  caseId: idSchema<CaseId>('Case'),
  hostId: idSchema<HostId>('Host'),
  checkIn: planDate('the check-in date'),
  checkOut: planDate('the check-out date'),
  personIds: idList<PersonId>('Person', 1, 'Choose at least one person who stays here'),
});

function stayRules(v: z.infer<typeof stayFields>, ctx: IssueSink): void {
  if (v.checkOut <= v.checkIn) {
    ctx.addIssue({
      code: 'custom',
      message: 'Check-out must be at least one day after check-in',
      path: ['checkOut'],
    });
  }
}

export const StayInputSchema = stayFields.superRefine(stayRules);
export const StaySchema = stayFields
  .extend({ id: idSchema<StayId>('Stay'), ...recordMeta })
  .superRefine(stayRules);
export type StayInput = z.input<typeof StayInputSchema>;
export type Stay = z.output<typeof StaySchema>;
