/**
 * Form validation: each invalid input comes back as a message keyed by the field that shows it,
 * so nothing reaches the repositories (the e2e suite checks the same through the screens).
 */
import { describe, expect, it } from 'vitest';
import { caseFormValues, validateCaseForm } from '../../../../src/features/cases/case-form';

describe('case form', () => {
  it('refuses a planned start outside any sensible range and an end before the start', () => {
    const v = { ...caseFormValues(), codeName: 'Alder', plannedStart: '1850-03-01' };
    expect(validateCaseForm(v).plannedStart).toBe(
      'The planned start: Enter a date between 2000-01-01 and 2100-12-31',
    );
    expect(
      validateCaseForm({ ...v, plannedStart: '2027-03-01', plannedEnd: '2027-02-01' }).plannedEnd,
    ).toMatch(/after the planned start/);
    expect(validateCaseForm({ ...v, codeName: '  ', plannedStart: '' }).codeName).toBe(
      'Enter a code name',
    );
  });
});
