/**
 * The stay form: host, check-in, check-out, who stays. Validated by the domain schema (dates in a
 * sensible range, check-out after check-in) and the domain's `validateStay` (the stay's rules, beside its schema) against the chosen
 * host (no more people than its beds); a failure is shown at the field and nothing is saved.
 */
import {
  StayInputSchema,
  type HostLocation,
  type Stay,
  type StayInput,
} from '../../domain/entities';
import { worstOverbooking, type Overbooking } from '../../domain/occupancy';
import { validateStay } from '../../domain/entities';
import { isIsoDate } from '../../domain/time';
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

/**
 * `overbooked` is the message for the host's other stays leaving more people than beds (see
 * `stayOverbooking`); it blocks saving under the key `occupancy`, which the dialog shows at
 * Check-in as the values change (a wrapper of the dates carries `data-field="occupancy"`).
 */
export function validateStayForm(
  caseId: string,
  v: StayFormValues,
  host: HostLocation | undefined,
  overbooked: string | null = null,
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
  if (overbooked && !errors.checkIn && !errors.checkOut && !errors.personIds)
    errors.occupancy = overbooked;
  return errors;
}

/**
 * The worst overbooked night of the stay being typed, with every other stay at the chosen host
 * (this case's other stays and other cases'), or null when it fits or the values are not a stay yet.
 */
export function stayOverbooking(
  v: StayFormValues,
  host: Pick<HostLocation, 'id' | 'capacityBeds'> | undefined,
  allStays: readonly Pick<
    Stay,
    'id' | 'caseId' | 'hostId' | 'checkIn' | 'checkOut' | 'personIds'
  >[],
  editingId: string | null,
): Overbooking | null {
  if (!host || !isIsoDate(v.checkIn) || !isIsoDate(v.checkOut)) return null;
  const others = allStays
    .filter((s) => s.hostId === host.id && s.id !== editingId)
    .map((s) => ({
      caseId: s.caseId,
      checkIn: s.checkIn,
      checkOut: s.checkOut,
      people: s.personIds.length,
    }));
  return worstOverbooking(
    { checkIn: v.checkIn, checkOut: v.checkOut, people: v.personIds.length },
    others,
    host.capacityBeds,
  );
}
