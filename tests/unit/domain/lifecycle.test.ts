/** Case lifecycle: every allowed transition works with what it needs, every other pair is refused. */
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  TRANSITIONS,
  allowedTransitions,
  requirementsFor,
  stepBack,
  stepBackTarget,
  transition,
  transitionErrorMessage,
} from '../../../src/domain/lifecycle';
import type { CaseStatus } from '../../../src/domain/entities';
import type { IsoInstant } from '../../../src/domain/time';
import { makeCase } from '../builders';

const at = '2026-02-01T10:00:00.000Z' as IsoInstant;
const full = { at, reason: 'Because', approvedBy: 'PO Ana', arrivalDate: '2026-01-30' };

describe('case lifecycle', () => {
  it('Given the diagram, When listing transitions, Then they are exactly the allowed arrows', () => {
    expect(allowedTransitions('request')).toEqual(['assessment', 'cancelled']);
    expect(allowedTransitions('assessment')).toEqual(['approved', 'declined', 'cancelled']);
    expect(allowedTransitions('relocated')).toEqual(['return_preparation', 'onward_exit']);
    expect(allowedTransitions('purged')).toEqual([]);
  });

  it('Given every pair of statuses not in the table, When transitioning, Then each is refused as forbidden', () => {
    let refused = 0;
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        if (from === to || TRANSITIONS[from].includes(to)) continue;
        const r = transition(makeCase({ status: from }), to, full);
        expect(r.ok, `${from} -> ${to}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('forbidden');
        refused++;
      }
    }
    const allowed = Object.values(TRANSITIONS).reduce((n, l) => n + l.length, 0);
    expect(refused).toBe(14 * 13 - allowed);
  });

  it('Given every allowed pair with what it needs, When transitioning, Then it succeeds and leaves an audit event', () => {
    for (const from of CASE_STATUSES) {
      for (const to of TRANSITIONS[from]) {
        const r = transition(makeCase({ status: from }), to, full);
        expect(r.ok, `${from} -> ${to}`).toBe(true);
        if (r.ok) {
          expect(r.value.case.status).toBe(to);
          expect(r.value.audit).toMatchObject({
            entity: 'cases',
            entityId: 'case-1',
            action: 'transition',
            transition: { from, to },
          });
          expect(r.value.audit.fields).toContain('status');
        }
      }
    }
  });

  it('Given the same status, When transitioning, Then it is refused as no change', () => {
    const r = transition(makeCase({ status: 'planning' }), 'planning', full);
    expect(r).toEqual({ ok: false, error: { code: 'same_status', status: 'planning' } });
  });

  it('Given request, When jumping to relocated, Then the message lists the next possible statuses', () => {
    const r = transition(makeCase({ status: 'request' }), 'relocated', full);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(transitionErrorMessage(r.error)).toBe(
        'A request case cannot move to relocated; next it can be: assessment, cancelled',
      );
  });

  it('Given travel has started, When cancelling, Then it is refused (the case must end by return or onward exit)', () => {
    for (const from of ['in_transit', 'relocated', 'return_preparation'] as CaseStatus[]) {
      expect(transition(makeCase({ status: from }), 'cancelled', full).ok).toBe(false);
    }
    for (const from of ['request', 'assessment', 'approved', 'planning'] as CaseStatus[]) {
      expect(transition(makeCase({ status: from }), 'cancelled', full).ok).toBe(true);
    }
  });

  it('Given declined or cancelled without a reason, When transitioning, Then a reason is asked for', () => {
    expect(transition(makeCase({ status: 'assessment' }), 'declined', { at })).toEqual({
      ok: false,
      error: { code: 'reason_required', to: 'declined' },
    });
    expect(
      transition(makeCase({ status: 'approved' }), 'cancelled', { at, reason: '   ' }),
    ).toEqual({ ok: false, error: { code: 'reason_required', to: 'cancelled' } });
    const r = transition(makeCase({ status: 'approved' }), 'cancelled', {
      at,
      reason: ' Visa refused ',
    });
    expect(r.ok && r.value.case.statusReason).toBe('Visa refused');
  });

  it('Given approval without an approver, When approving, Then the approver is asked for; with one it is recorded', () => {
    expect(transition(makeCase({ status: 'assessment' }), 'approved', { at })).toEqual({
      ok: false,
      error: { code: 'approver_required' },
    });
    const r = transition(makeCase({ status: 'assessment' }), 'approved', {
      at,
      approvedBy: 'PO Ana',
      on: '2026-02-02' as never,
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.case).toMatchObject({
        approvedBy: 'PO Ana',
        approvedOn: '2026-02-02',
        statusChangedAt: at,
        updatedAt: at,
      });
      expect(r.value.audit.fields).toEqual([
        'approvedBy',
        'approvedOn',
        'status',
        'statusChangedAt',
        'updatedAt',
      ]);
    }
  });

  it('Given a plan without dates, When leaving for transit, Then the dates are asked for', () => {
    const r = transition(
      makeCase({ status: 'planning', plannedStart: null, plannedEnd: null }),
      'in_transit',
      { at },
    );
    expect(r).toEqual({ ok: false, error: { code: 'plan_dates_required' } });
  });

  it('Given arrival and return, When transitioning, Then actual start and end are filled', () => {
    const a = transition(makeCase({ status: 'in_transit' }), 'relocated', {
      at,
      on: '2026-03-29' as never,
      arrivalDate: '2026-03-28',
    });
    expect(a.ok && a.value.case.actualStart).toBe('2026-03-28');
    const b = transition(
      makeCase({ status: 'return_preparation', actualStart: '2026-03-29' }),
      'returned',
      { at: '2026-06-27T08:00:00.000Z' as IsoInstant },
    );
    expect(b.ok && b.value.case.actualEnd).toBe('2026-06-27');
  });

  it('Given a move to relocated without an arrival date, When transitioning, Then the date is asked for and today is never taken silently', () => {
    const inTransit = makeCase({ status: 'in_transit', plannedStart: '2026-03-28' });
    const opts = { at, on: '2026-04-02' as never };
    expect(transition(inTransit, 'relocated', opts)).toEqual({
      ok: false,
      error: { code: 'arrival_date_required' },
    });
    const bad = transition(inTransit, 'relocated', { ...opts, arrivalDate: '2026-02-30' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('arrival_date_invalid');
      expect(transitionErrorMessage(bad.error)).toMatch(/YYYY-MM-DD/);
    }
    const future = transition(inTransit, 'relocated', { ...opts, arrivalDate: '2026-04-03' });
    expect(future).toEqual({
      ok: false,
      error: { code: 'arrival_in_future', arrival: '2026-04-03', today: '2026-04-02' },
    });
    const r = transition(inTransit, 'relocated', { ...opts, arrivalDate: '2026-03-28' });
    expect(r.ok && r.value.case.actualStart).toBe('2026-03-28');
    expect(r.ok && r.value.audit.fields).toContain('actualStart');
  });

  it('Given a status set by mistake, When stepping back with a reason, Then the case returns one step and what the move filled is cleared', () => {
    const relocated = makeCase({ status: 'relocated', actualStart: '2026-03-29' });
    expect(stepBackTarget('relocated')).toBe('in_transit');
    expect(stepBack(relocated, { at })).toEqual({
      ok: false,
      error: { code: 'reason_required', to: 'in_transit' },
    });
    const r = stepBack(relocated, { at, reason: ' Clicked the wrong status ' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.case).toMatchObject({
        status: 'in_transit',
        actualStart: null,
        statusReason: 'Clicked the wrong status',
      });
      expect(r.value.audit).toMatchObject({
        action: 'transition',
        transition: { from: 'relocated', to: 'in_transit' },
        fields: ['actualStart', 'status', 'statusChangedAt', 'statusReason', 'updatedAt'],
      });
      expect(JSON.stringify(r.value.audit)).not.toContain('Clicked');
    }
    const approved = stepBack(
      makeCase({ status: 'approved', approvedBy: 'PO Ana', approvedOn: '2026-01-02' }),
      { at, reason: 'Not approved yet' },
    );
    expect(approved.ok && approved.value.case).toMatchObject({
      status: 'assessment',
      approvedBy: null,
      approvedOn: null,
    });
    const returned = stepBack(makeCase({ status: 'returned', actualEnd: '2026-06-27' }), {
      at,
      reason: 'Still there',
    });
    expect(returned.ok && returned.value.case.actualEnd).toBeNull();
  });

  it('Given a status with no single way in, When stepping back, Then it is refused', () => {
    for (const status of ['request', 'cancelled', 'closed', 'purged'] as CaseStatus[]) {
      expect(stepBackTarget(status)).toBeNull();
      const r = stepBack(makeCase({ status }), { at, reason: 'Mistake' });
      expect(r).toEqual({ ok: false, error: { code: 'no_step_back', status } });
    }
    // Every step back is the reverse of an allowed forward move.
    for (const status of CASE_STATUSES) {
      const back = stepBackTarget(status);
      if (back) expect(TRANSITIONS[back], `${back} -> ${status}`).toContain(status);
    }
  });

  it('Given a target status, When asking requirements, Then the UI knows what to ask', () => {
    expect(requirementsFor('approved')).toEqual(['approvedBy']);
    expect(requirementsFor('declined')).toEqual(['reason']);
    expect(requirementsFor('in_transit')).toEqual(['planDates']);
    expect(requirementsFor('relocated')).toEqual(['arrivalDate']);
    expect(requirementsFor('planning')).toEqual([]);
  });
});
