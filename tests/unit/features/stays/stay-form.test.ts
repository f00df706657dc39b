/**
 * Form validation: each invalid input comes back as a message keyed by the field that shows it,
 * so nothing reaches the repositories (the e2e suite checks the same through the screens).
 */
import { describe, expect, it } from 'vitest';
import { stayOverbooking, validateStayForm } from '../../../../src/features/stays/stay-form';
import { aHost, aStay } from '../../builders';

const CASE_ID = 'case1';

describe('stay form', () => {
  const host = aHost('h1', { codeName: 'Small Flat', capacityBeds: 2 });
  const stay = (patch: object) => ({
    hostId: 'h1',
    checkIn: '2027-01-10',
    checkOut: '2027-04-10',
    personIds: ['a', 'b'],
    ...patch,
  });

  it('refuses more people than beds, at the people field', () => {
    expect(validateStayForm(CASE_ID, stay({}), host)).toEqual({});
    expect(validateStayForm(CASE_ID, stay({ personIds: ['a', 'b', 'c'] }), host).personIds).toBe(
      'Small Flat has 2 beds for 3 people; choose fewer people or another host',
    );
  });

  it('refuses dates outside the plan range and a check-out before check-in', () => {
    expect(validateStayForm(CASE_ID, stay({ checkIn: '1850-01-10' }), host).checkIn).toMatch(
      /between 2000-01-01 and 2100-12-31/,
    );
    expect(validateStayForm(CASE_ID, stay({ checkOut: '2027-01-10' }), host).checkOut).toMatch(
      /at least one day after check-in/,
    );
    expect(validateStayForm(CASE_ID, stay({ hostId: null }), undefined).hostId).toMatch(
      /pick it again/,
    );
  });
});

describe('stay form: another case at the same host', () => {
  const host = aHost('h1', { codeName: 'Small Flat', capacityBeds: 3 });
  const draft = {
    hostId: 'h1',
    checkIn: '2027-01-10',
    checkOut: '2027-02-10',
    personIds: ['a', 'b'],
  };
  const other = aStay('s-other', 'case2', 'h1', '2027-01-20', '2027-03-01', ['x', 'y']);

  it('finds the first night on which the host would have more people than beds, naming the other stay', () => {
    const o = stayOverbooking(draft, host, [other], null);
    expect(o).toMatchObject({ night: '2027-01-20', occupancy: 4, beds: 3 });
    expect(o?.sharing.map((s) => s.caseId)).toEqual(['case2']);
    // Before the other stay starts, it fits; the stay being edited is not counted twice.
    expect(stayOverbooking({ ...draft, checkOut: '2027-01-20' }, host, [other], null)).toBeNull();
    expect(stayOverbooking(draft, host, [other], 's-other')).toBeNull();
  });

  it('refuses to save an overbooking, under the occupancy key that the dialog shows at Check-in', () => {
    expect(validateStayForm(CASE_ID, draft, host, 'Overbooked: ...').occupancy).toBe(
      'Overbooked: ...',
    );
    expect(validateStayForm(CASE_ID, draft, host, null)).toEqual({});
  });
});
