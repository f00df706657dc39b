/**
 * Domain validation messages reach the screen through en/forms.json: every message the domain
 * words has a code there, English comes out exactly as the domain wrote it, and another language
 * translates both the sentence and the field's name in it.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { draftExtension } from '../../../../src/domain/duration';
import { ENTITY_SCHEMAS, stayRuleMessage, validateLeg } from '../../../../src/domain/entities';
import { moneyErrorMessage, type CurrencyCode } from '../../../../src/domain/money';
import {
  birthDateError,
  dateErrorMessage,
  isoDate,
  localDateTimeErrorMessage,
  timeErrorMessage,
  type LocalDateTime,
} from '../../../../src/domain/time';
import { resources } from '../../../../src/i18n';
import { domainMessage, domainMessageCode } from '../../../../src/shared/ui/domain-messages';
import { makeCase } from '../../builders';

/** What a wrong value of each kind makes the schemas say. */
const WRONG_VALUES: readonly unknown[] = [
  undefined,
  12345,
  '',
  'x'.repeat(6000),
  '1850-01-01',
  [1, 1],
  -3,
  2.5,
  '2027-02-30',
];

function schemaMessages(): string[] {
  const out: string[] = [];
  for (const schema of Object.values(ENTITY_SCHEMAS)) {
    const shape = (schema as unknown as z.ZodObject).shape;
    for (const value of WRONG_VALUES) {
      const record = Object.fromEntries(Object.keys(shape).map((key) => [key, value]));
      const r = schema.safeParse(record);
      if (!r.success) out.push(...r.error.issues.map((i) => i.message));
    }
    const empty = schema.safeParse({});
    if (!empty.success) out.push(...empty.error.issues.map((i) => i.message));
  }
  return out;
}

function otherMessages(): string[] {
  const eur = 'EUR' as CurrencyCode;
  const usd = 'USD' as CurrencyCode;
  const local = '2027-03-28T02:30' as LocalDateTime;
  const relocated = makeCase({ status: 'relocated', plannedEnd: '2027-05-01' });
  const extension = draftExtension(makeCase({ plannedEnd: null }), [], {
    toEnd: '',
    reason: '',
    approvedBy: '',
    approvedOn: '',
  });
  const earlier = draftExtension(relocated, [], {
    toEnd: '2027-04-01',
    reason: 'r',
    approvedBy: 'a',
    approvedOn: '2027-03-01',
  });
  return [
    dateErrorMessage({ code: 'format' }),
    dateErrorMessage({ code: 'not_a_day' }),
    dateErrorMessage({
      code: 'out_of_range',
      min: isoDate('2000-01-01'),
      max: isoDate('2100-12-31'),
    }),
    localDateTimeErrorMessage({ code: 'time_format' }),
    localDateTimeErrorMessage({ code: 'not_a_time' }),
    timeErrorMessage({ code: 'invalid_local' }),
    timeErrorMessage({ code: 'invalid_zone', zone: 'Mars/Olympus' }),
    timeErrorMessage({ code: 'nonexistent_local', gapMinutes: 60, suggestion: local }, local),
    timeErrorMessage({ code: 'nonexistent_local', gapMinutes: 60, suggestion: local }),
    moneyErrorMessage({ code: 'empty' }),
    moneyErrorMessage({ code: 'not_a_number' }),
    moneyErrorMessage({ code: 'too_many_decimals', digits: 0 }, eur),
    moneyErrorMessage({ code: 'too_many_decimals', digits: 0 }),
    moneyErrorMessage({ code: 'too_many_decimals', digits: 2 }, eur),
    moneyErrorMessage({ code: 'too_many_decimals', digits: 2 }),
    moneyErrorMessage({ code: 'too_large' }),
    moneyErrorMessage({ code: 'negative' }),
    moneyErrorMessage({ code: 'wrong_decimal_separator', expected: '.', suggestion: '12.50' }),
    moneyErrorMessage({ code: 'wrong_decimal_separator', expected: ',', suggestion: '12,50' }),
    moneyErrorMessage({
      code: 'ambiguous_grouping',
      text: '12,500',
      asWhole: '12500',
      asDecimal: '12.5',
    }),
    moneyErrorMessage({ code: 'currency_mismatch', left: eur, right: usd }),
    stayRuleMessage({ field: 'checkOut', reason: 'check_out_not_after_check_in' }),
    stayRuleMessage({ field: 'personIds', reason: 'no_people' }),
    stayRuleMessage({
      field: 'personIds',
      reason: 'over_capacity',
      host: 'Linden',
      beds: 1,
      people: 3,
    }),
    stayRuleMessage({
      field: 'personIds',
      reason: 'over_capacity',
      host: 'Linden',
      beds: 2,
      people: 3,
    }),
    birthDateError('2030-01-01', isoDate('2027-01-01')) ?? '',
    ...validateLeg({
      depart: { local: '2027-01-10T10:00' as LocalDateTime, zone: 'Europe/Paris' },
      arrive: { local: '2027-01-10T09:00' as LocalDateTime, zone: 'Europe/Paris' },
    } as Parameters<typeof validateLeg>[0]).map((e) => e.message),
    ...(extension.ok ? [] : extension.error.map((e) => e.message)),
    ...(earlier.ok ? [] : earlier.error.map((e) => e.message)),
  ];
}

describe('domain messages', () => {
  const messages = [...new Set([...schemaMessages(), ...otherMessages()])];

  it('Given every message the domain words, When looked up, Then each has a code and reads in English exactly as the domain wrote it', () => {
    expect(messages.length).toBeGreaterThan(60);
    const missing = messages.filter((m) => domainMessageCode(m) === null);
    expect(missing).toEqual([]);
    const changed = messages.filter((m) => domainMessage(m) !== m);
    expect(changed).toEqual([]);
  });

  it('Given another language, When a domain message is shown, Then the sentence and the field name in it are translated', async () => {
    const en = resources.en.translation as unknown as {
      forms: { messages: Record<string, string>; labels: Record<string, string> };
    };
    const mark = (table: Record<string, string>) =>
      Object.fromEntries(Object.entries(table).map(([k, v]) => [k, `${v} [xx]`]));
    const other = i18next.createInstance();
    await other.init({
      lng: 'xx',
      resources: {
        xx: {
          translation: {
            forms: { messages: mark(en.forms.messages), labels: mark(en.forms.labels) },
          },
        },
      },
      interpolation: { escapeValue: false },
    });
    const t = other.t.bind(other);
    expect(domainMessage('Enter a code name', t)).toBe('Enter a code name [xx] [xx]');
    expect(
      domainMessage('The planned start: Enter a date between 2000-01-01 and 2100-12-31', t),
    ).toBe('The planned start [xx]: Enter a date between 2000-01-01 and 2100-12-31 [xx] [xx]');
    for (const m of messages) expect(domainMessage(m, t)).not.toBe(m);
  });
});
