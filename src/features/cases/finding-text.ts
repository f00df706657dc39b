/**
 * A plan-check finding in the UI language, rebuilt from its code and parameters (the domain's
 * English `message` is for logs and tests). Money, durations and lists of names are formatted in
 * the UI locale; English reproduces the domain's message word for word.
 */
import type { TFunction } from 'i18next';
import { NAME_LIST_SEPARATOR, type Finding } from '../../domain/plan-checks';
import type { CurrencyCode, MinorUnits } from '../../domain/money';
import { formatters } from '../../shared/ui/format';

type Params = Record<string, string | number>;

function str(p: Params, key: string): string {
  const v = p[key];
  return v === undefined ? '' : String(v);
}

function num(p: Params, key: string): number {
  const v = p[key];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

export function findingText(t: TFunction, f: Finding, language: string): string {
  const fmt = formatters(language);
  const p: Params = { ...f.params };
  // Names joined in the language's own way; English keeps the domain's "A, B and C".
  if (language !== 'en' && typeof p.names === 'string') {
    const joined = fmt.list(p.names.split(NAME_LIST_SEPARATOR));
    if ('person' in p) p.person = joined;
    if ('people' in p) p.people = joined;
  }
  const count = num(p, 'count');
  switch (f.code) {
    case 'document_expires_too_soon':
      return t(
        str(p, 'expiry') < str(p, 'returnDate')
          ? 'findings.document_expires_too_soon.beforeReturn'
          : 'findings.document_expires_too_soon.tooClose',
        p,
      );
    case 'visa_not_granted': {
      const daysLeft = num(p, 'daysLeft');
      const inDays = daysLeft >= 0 ? t('findings.inDays', { count: daysLeft }) : '';
      return t(`findings.visa_not_granted.${str(p, 'status')}`, { ...p, inDays });
    }
    case 'visa_not_valid_on_entry':
      return t('findings.visa_not_valid_on_entry', {
        ...p,
        validFrom: str(p, 'validFrom') || '…',
        validTo: str(p, 'validTo') || '…',
      });
    case 'leg_time_invalid':
      return t(`findings.leg_time_invalid.${str(p, 'reason') || 'invalid_local'}`, {
        ...p,
        localText: str(p, 'local').replace('T', ' '),
        suggestionText: str(p, 'suggestion').replace('T', ' '),
      });
    case 'leg_time_ambiguous':
      return t('findings.leg_time_ambiguous', {
        ...p,
        localText: str(p, 'local').replace('T', ' '),
      });
    case 'leg_arrives_before_departure':
      return t('findings.leg_arrives_before_departure', p);
    case 'connection_too_short':
      return t('findings.connection_too_short', {
        ...p,
        gap: fmt.duration(num(p, 'minutes')),
        min: fmt.duration(num(p, 'minimum')),
      });
    case 'traveller_double_booked':
      return 'from' in p
        ? t('findings.traveller_double_booked.stays', p)
        : t('findings.traveller_double_booked.legs', { ...p, count });
    case 'stay_over_capacity':
      return t('findings.stay_over_capacity', { ...p, count: num(p, 'beds') });
    case 'checkpoint_overdue':
      return t('findings.checkpoint_overdue', {
        ...p,
        count: num(p, 'daysOverdue'),
        kindText: t(`findings.checkpointKind.${str(p, 'kind')}`),
      });
    case 'budget_over_cap': {
      const currency = str(p, 'currency') as CurrencyCode;
      const money = (key: string) => fmt.money({ amount: num(p, key) as MinorUnits, currency });
      return t('findings.budget_over_cap', {
        ...p,
        total: 'totalMinor' in p ? money('totalMinor') : str(p, 'total'),
        cap: 'capMinor' in p ? money('capMinor') : str(p, 'cap'),
        over: money('overMinor'),
      });
    }
    case 'legs_do_not_connect':
    case 'traveller_without_stay':
      return t(`findings.${f.code}`, { ...p, count });
    case 'document_missing':
    case 'visa_expires_during_stay':
    case 'stay_host_missing':
    case 'stay_outside_availability':
    case 'host_overbooked':
    case 'stay_start_mismatch':
    case 'no_return_leg':
    case 'no_checkpoint_before_end':
    case 'budget_currency_mismatch':
    case 'return_leg_before_end':
    case 'leg_to_rebook':
    case 'budget_case_over_funder_cap':
      return t(`findings.${f.code}`, p);
    case 'nights_without_stay':
      return t('findings.nights_without_stay', { ...p, count: num(p, 'nights') });
    case 'budget_rate_missing':
      return t('findings.budget_rate_missing', { ...p, count: num(p, 'lines') });
    case 'budget_funder_over_total':
      return t('findings.budget_funder_over_total', { ...p, count: num(p, 'cases') });
    case 'budget_per_diem_rate_missing':
      return t('findings.budget_per_diem_rate_missing', {
        ...p,
        count: num(p, 'people'),
        place: str(p, 'city') ? `${str(p, 'city')}, ${str(p, 'country')}` : str(p, 'country'),
      });
  }
}
