/** Which tab a finding opens: decided in the UI, by finding code (and, for double bookings, the record). */
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type Finding } from '../../../../src/domain/plan-checks';
import { findingLink, findingTab } from '../../../../src/features/cases/finding-links';

const about = (code: Finding['code'], entity: Finding['fix']['entity']) => ({
  code,
  fix: { entity, id: 'x-1', field: null },
});

describe('finding links', () => {
  it('Given every finding code, When linked, Then each opens one of the case tabs or the Budget page', () => {
    const tabs = new Set(['people', 'travel', 'stays', 'checkpoints', 'budget']);
    for (const code of FINDING_CODES) expect(tabs.has(findingTab(about(code, 'cases')))).toBe(true);
  });
  it('Given a double booking, When linked, Then legs open Travel and stays open Stays', () => {
    expect(findingTab(about('traveller_double_booked', 'legs'))).toBe('travel');
    expect(findingTab(about('traveller_double_booked', 'stays'))).toBe('stays');
  });
  it('Given a finding about a visa, When linked, Then the link keeps the record and field and adds the People tab', () => {
    expect(
      findingLink({
        code: 'visa_not_granted',
        fix: { entity: 'visas', id: 'v-1', field: 'status' },
      }),
    ).toEqual({ tab: 'people', entity: 'visas', id: 'v-1', field: 'status' });
  });
  it('Given a code the build does not know (an old record), When linked, Then it fails loudly', () => {
    expect(() => findingTab(about('no_such_code' as never, 'cases'))).toThrow(/finding code/);
  });
});
