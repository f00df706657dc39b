/** Case lifecycle: every allowed transition works with what it needs, every other pair is refused. */
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  TRANSITIONS,
  allowedTransitions,
  requirementsFor,
  transition,
  transitionErrorMessage,
} from '../../../src/domain/lifecycle';
import type { CaseStatus } from '../../../src/domain/entities';
import type { IsoInstant } from '../../../src/domain/time';
import { makeCase } from './fixtures';

const at = '2026-02-01T10:00:00.000Z' as IsoInstant;
const full = { at, reason: 'Because', approvedBy: 'PO Ana' };

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
    });
    expect(a.ok && a.value.case.actualStart).toBe('2026-03-29');
    const b = transition(
      makeCase({ status: 'return_preparation', actualStart: '2026-03-29' }),
      'returned',
      { at: '2026-06-27T08:00:00.000Z' as IsoInstant },
    );
    expect(b.ok && b.value.case.actualEnd).toBe('2026-06-27');
  });

  it('Given a target status, When asking requirements, Then the UI knows what to ask', () => {
    expect(requirementsFor('approved')).toEqual(['approvedBy']);
    expect(requirementsFor('declined')).toEqual(['reason']);
    expect(requirementsFor('in_transit')).toEqual(['planDates']);
    expect(requirementsFor('planning')).toEqual([]);
  });
});
