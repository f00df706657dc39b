/**
 * Form validation: each invalid input comes back as a message keyed by the field that shows it,
 * so nothing reaches the repositories (the e2e suite checks the same through the screens).
 */
import { describe, expect, it } from 'vitest';
import {
  personFormValues,
  personInput,
  validatePersonForm,
} from '../../../../src/features/people/person-form';

const CASE_ID = 'case1';

describe('person form', () => {
  it('stores no travel document when none is typed, and asks for the rest when one field is', () => {
    const v = { ...personFormValues(undefined, 'principal'), codeName: 'Cedar' };
    expect(personInput(CASE_ID, v).travelDocument).toBeNull();
    expect(validatePersonForm(CASE_ID, v)).toEqual({});
    const partial = { ...v, travelDocument: { ...v.travelDocument, expiry: '2031-01-01' } };
    const errors = validatePersonForm(CASE_ID, partial);
    expect(Object.keys(errors).sort()).toEqual(['travelDocument.number', 'travelDocument.type']);
  });

  it('keeps the principal as "self"', () => {
    const v = {
      ...personFormValues(undefined, 'principal'),
      codeName: 'Cedar',
      relationship: 'child',
    };
    expect(validatePersonForm(CASE_ID, v).relationship).toMatch(/themself/);
  });
});

describe('person form: a date of birth in the future', () => {
  it('is refused at the field instead of giving a negative age', () => {
    const v = {
      ...personFormValues(undefined, 'principal'),
      codeName: 'Cedar',
      dateOfBirth: '2031-05-01',
    };
    expect(validatePersonForm(CASE_ID, v, '2026-03-29' as never).dateOfBirth).toBe(
      'A date of birth cannot be in the future (today is 2026-03-29); check the year',
    );
    expect(
      validatePersonForm(CASE_ID, { ...v, dateOfBirth: '1990-05-01' }, '2026-03-29' as never),
    ).toEqual({});
  });
});
