/**
 * The stay form: host, check-in, check-out, who stays. Validated by the domain schema (dates in a
 * sensible range, check-out after check-in) and the domain's `validateStay` against the chosen
 * host (no more people than its beds); a failure is shown at the field and nothing is saved.
 */
import {
  StayInputSchema,
  type HostLocation,
  type Stay,
  type StayInput,
} from '../../domain/entities';
import { validateStay } from '../../domain/plan-checks';
import { addFieldErrors, schemaErrors } from '../../shared/ui/schema-errors';
import type { FieldErrors } from '../../shared/ui/use-record-form';

export type StayFormValues = {
  hostId: string | null;
  checkIn: string;
  checkOut: string;
  personIds: string[];
};

export function stayFormValues(
  stay: Stay | null,
  defaults: { personIds: string[]; checkIn: string; checkOut: string },
): StayFormValues {
  return {
    hostId: stay?.hostId ?? null,
    checkIn: stay?.checkIn ?? defaults.checkIn,
    checkOut: stay?.checkOut ?? defaults.checkOut,
    personIds: [...(stay?.personIds ?? defaults.personIds)],
  };
}

export function stayInput(caseId: string, v: StayFormValues): StayInput {
  return {
    caseId: caseId as StayInput['caseId'],
    hostId: (v.hostId ?? '') as StayInput['hostId'],
    checkIn: v.checkIn as StayInput['checkIn'],
    checkOut: v.checkOut as StayInput['checkOut'],
    personIds: v.personIds as StayInput['personIds'],
  };
}

export function validateStayForm(
  caseId: string,
  v: StayFormValues,
  host: HostLocation | undefined,
): FieldErrors {
  const input = stayInput(caseId, v);
  const errors = schemaErrors(StayInputSchema.safeParse(input));
  // Already-reported date fields keep their own message; the bed count is checked whatever the dates.
  addFieldErrors(
    errors,
    validateStay(
      { checkIn: input.checkIn, checkOut: input.checkOut, personIds: input.personIds },
      host,
    ),
  );
  return errors;
}
