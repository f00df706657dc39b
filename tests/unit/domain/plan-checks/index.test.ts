/** Plan checks as a whole: a clean plan passes, a closed case gets nothing, errors come first, findings group by tab. */
import { describe, expect, it } from 'vitest';
import { money } from '../../../../src/domain/money';
import { FINDING_CODES, PLAN_CHECKS, worstSeverity } from '../../../../src/domain/plan-checks';
import { findingsByTab } from '../../../../src/features/cases/finding-links';
import { makeCase } from '../../builders';
import { cleanPlan, codes, runPlanChecks, withLeg } from './helpers';

describe('runPlanChecks on a clean plan', () => {
  it('Given a complete, consistent plan, When checked, Then there are no findings', () => {
    expect(runPlanChecks(cleanPlan())).toEqual([]);
  });
  it('Given a cancelled case with problems, When checked, Then nothing is reported', () => {
    const input = {
      ...cleanPlan(),
      case: makeCase({ status: 'cancelled', statusReason: 'x' }),
      checkpoints: [],
    };
    expect(runPlanChecks(input)).toEqual([]);
  });
  it('Given the finding codes, When listed, Then each is unique', () => {
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
  });
});

describe('return, checkpoints and budget', () => {
  it('Given several problems, When checked, Then errors come before warnings', () => {
    const input = {
      ...cleanPlan(),
      checkpoints: [],
      budgetTotalInReporting: money(2000000, 'EUR'),
    };
    const f = runPlanChecks(input);
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning']);
  });
});

describe('no cascades', () => {
  it('Given one leg that arrives before it departs, When checked, Then only that error is reported, not double bookings around it', () => {
    const input = withLeg(cleanPlan(), 'leg-2', {
      arrive: { local: '2026-03-27T10:30', zone: 'Europe/Paris' },
    });
    expect(codes(runPlanChecks(input))).toEqual(['leg_arrives_before_departure']);
  });
});

describe('grouping', () => {
  it('Given a budget error and a checkpoint warning, When grouped, Then each tab gets its own and the worst is error', () => {
    const f = runPlanChecks({
      ...cleanPlan(),
      checkpoints: [],
      budgetTotalInReporting: money(2000000, 'EUR'),
    });
    const byTab = findingsByTab(f);
    expect(byTab.budget.map((x) => x.code)).toEqual(['budget_over_cap']);
    expect(byTab.checkpoints.map((x) => x.code)).toEqual(['no_checkpoint_before_end']);
    expect(byTab.travel).toEqual([]);
    expect(worstSeverity(f)).toBe('error');
    expect(worstSeverity([])).toBeNull();
  });
});

describe('the registry of checks', () => {
  it('Given the registry, When listed, Then every check has its own id and every area has a check', () => {
    const ids = PLAN_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(PLAN_CHECKS.map((c) => c.area))).toEqual(
      new Set(['legs', 'timeline', 'stays', 'people', 'checkpoints', 'budget']),
    );
  });
});
