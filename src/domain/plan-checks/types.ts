/**
 * The shapes of the plan checks: what goes in (`PlanCheckInput`, `PlanCheckOptions`) and what comes
 * out (`Finding`). A finding names the record it is about (`fix`: store, id and field); which
 * screen opens that record is the UI's business (features/cases/finding-links.ts).
 */
import type { Case } from '../entities/case';
import type { Checkpoint } from '../entities/checkpoint';
import type { Extension } from '../entities/extension';
import type { HostLocation } from '../entities/host';
import type { LegMode, TravelLeg } from '../entities/leg';
import type { Person } from '../entities/person';
import type { Stay } from '../entities/stay';
import type { EntityStoreName } from '../entities/store-names';
import type { Visa } from '../entities/visa';
import type { CaseId, HostId } from '../ids';
import type { Money } from '../money';
import type { IsoDate } from '../time';
import type { BudgetItem } from '../budget/items';
import type { CapUsage } from '../budget/caps';
import type { PerDiemGap } from '../budget/per-diem';
import type { RateBook } from '../budget/rates';

/** What the budget checks read, built by `budgetCheckInput` (domain/budget). */
export interface BudgetCheckInput {
  /** This case's budget items (derived lines with overrides, and manual lines). */
  readonly items: readonly BudgetItem[];
  readonly book: RateBook;
  /** Every cap with its use by every case (so a funder's total across cases is known). */
  readonly caps: readonly CapUsage[];
  readonly perDiemGaps: readonly PerDiemGap[];
}

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'document_missing',
  'document_expires_too_soon',
  'visa_not_granted',
  'visa_not_valid_on_entry',
  'visa_expires_during_stay',
  'leg_time_invalid',
  'leg_time_ambiguous',
  'leg_arrives_before_departure',
  'legs_do_not_connect',
  'connection_too_short',
  'traveller_double_booked',
  'stay_host_missing',
  'stay_over_capacity',
  'stay_outside_availability',
  'host_overbooked',
  'stay_start_mismatch',
  'traveller_without_stay',
  'no_return_leg',
  'nights_without_stay',
  'return_leg_before_end',
  'leg_to_rebook',
  'no_checkpoint_before_end',
  'checkpoint_overdue',
  'budget_over_cap',
  'budget_currency_mismatch',
  'budget_rate_missing',
  'budget_case_over_funder_cap',
  'budget_funder_over_total',
  'budget_per_diem_rate_missing',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The record a finding is about, and the field to correct. */
export interface FindingFix {
  /** Store of the record to open (`cases` when the fix is to add a record to the case). */
  readonly entity: EntityStoreName;
  readonly id: string;
  /** Dotted field path to focus, or null when the fix is to add a record. */
  readonly field: string | null;
}

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** English text; translations rebuild it from `code` and `params`. */
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly fix: FindingFix;
}

/** A stay of another case at one of this case's hosts: only what capacity needs. */
export interface OtherStay {
  readonly hostId: HostId;
  readonly caseId?: CaseId;
  readonly checkIn: IsoDate;
  readonly checkOut: IsoDate;
  readonly peopleCount: number;
}

export interface PlanCheckInput {
  readonly case: Case;
  readonly people: readonly Person[];
  readonly legs: readonly TravelLeg[];
  readonly stays: readonly Stay[];
  readonly visas: readonly Visa[];
  readonly checkpoints: readonly Checkpoint[];
  readonly extensions: readonly Extension[];
  readonly hosts: ReadonlyMap<HostId, HostLocation> | readonly HostLocation[];
  readonly otherStaysAtHosts?: readonly OtherStay[];
  /** Total of the case's budget in its reporting currency. */
  readonly budgetTotalInReporting?: Money | null;
  readonly funderCap?: Money | null;
  /** The case's budget (derived and stored lines), the rates and the caps: see domain/budget. */
  readonly budget?: BudgetCheckInput | null;
  /** The coordinator's calendar day. */
  readonly today: IsoDate;
}

export interface PlanCheckOptions {
  /** Minimum minutes between arriving and the next departure, by mode (the larger of both legs' applies). */
  readonly minConnectionMinutes?: Partial<Record<LegMode, number>>;
  /** Two places closer than this are the same place. Default 50 km. */
  readonly samePlaceKm?: number;
  /** Months a travel document must stay valid after the return. Default 6. */
  readonly documentValidityMonths?: number;
  /** Within this many days of departure or of the end, missing visas and return legs become errors. Default 14. */
  readonly urgentDays?: number;
}

export const DEFAULT_MIN_CONNECTION_MINUTES: Readonly<Record<LegMode, number>> = {
  flight: 60,
  train: 15,
  bus: 15,
  ferry: 30,
  car: 0,
  other: 0,
};

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** The areas of the plan a check looks at (one file each in this folder). */
export type CheckArea = 'legs' | 'timeline' | 'stays' | 'people' | 'checkpoints' | 'budget';
