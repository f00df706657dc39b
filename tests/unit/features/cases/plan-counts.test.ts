/** Plan-check counts for the list: computed in slices, reused while the records are the same objects. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/domain/time';
import { budgetCheckInput, caseItems, rateBook } from '../../../../src/domain/budget';
import { runPlanChecks } from '../../../../src/domain/plan-checks';
import {
  PlanCountCache,
  countFindings,
  hostMap,
  planCheckInput,
  planDeps,
  staysByHost,
} from '../../../../src/domain/planning';
import { computeInSlices } from '../../../../src/features/cases/plan-counts';
import {
  aCase,
  aHost,
  aLeg,
  aPerson,
  aStay,
  bundle,
  makeBudgetLine,
  makeExchangeRate,
} from '../../builders';

const TODAY = '2026-12-01' as IsoDate;

function scenario() {
  const hosts = hostMap([aHost('h1', { capacityBeds: 1 })]);
  const stays = [aStay('s1', 'a', 'h1', '2027-01-10', '2027-04-10', ['p1', 'p2'])];
  const a = bundle(aCase('a'), {
    people: [
      aPerson('p1', 'a', {
        travelDocument: {
          type: 'passport',
          number: 'X',
          issuingCountry: null,
          expiry: '2027-05-01',
        },
      }),
      aPerson('p2', 'a', { role: 'dependant', relationship: 'child' }),
    ],
    legs: [
      aLeg('l1', 'a', 'tbilisi', 'istanbul', '2027-01-10T04:35', '2027-01-10T06:10', ['p1', 'p2']),
    ],
    stays,
  });
  const b = bundle(aCase('b', { status: 'declined' }));
  return {
    hosts,
    byHost: staysByHost(stays),
    bundles: new Map([
      ['a', a],
      ['b', b],
    ]),
  };
}

describe('plan counts', () => {
  it('counts errors and warnings of the domain plan checks', () => {
    const { hosts, byHost, bundles } = scenario();
    const a = countFindings(bundles.get('a')!, hosts, byHost, TODAY);
    // Over the host's one bed (error); passport valid less than six months after the return,
    // no return leg, no checkpoint, and the stay far from where the leg lands (warnings).
    expect(a.errors).toBeGreaterThanOrEqual(1);
    expect(a.warnings).toBeGreaterThanOrEqual(2);
    expect(countFindings(bundles.get('b')!, hosts, byHost, TODAY)).toEqual({
      errors: 0,
      warnings: 0,
    });
  });

  it('computes every case in slices, then reuses counts until a record object changes', async () => {
    const { hosts, byHost, bundles } = scenario();
    const cache = new PlanCountCache();
    let progress = 0;
    await new Promise<void>((resolve) => {
      computeInSlices(
        ['b', 'a'],
        bundles,
        hosts,
        byHost,
        TODAY,
        cache,
        () => {
          progress++;
          if (cache.get('a') && cache.get('b')) resolve();
        },
        { sliceMs: 0 },
      );
    });
    expect(progress).toBeGreaterThanOrEqual(1);
    const a = bundles.get('a')!;
    expect(cache.isFresh('a', planDeps(a, hosts, byHost, TODAY))).toBe(true);
    // A changed person is a new object: the entry is stale but still shown until recomputed.
    const edited = { ...a, people: [{ ...a.people[0]! }, a.people[1]!] };
    expect(cache.isFresh('a', planDeps(edited, hosts, byHost, TODAY))).toBe(false);
    expect(cache.isFresh('a', planDeps(a, hosts, byHost, '2026-12-02' as IsoDate))).toBe(false);
    expect(cache.get('a')).toBeDefined();
    cache.retain(new Set(['a']));
    expect(cache.get('b')).toBeUndefined();
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
  });

  it('tells its listener after the first slice, then no more often than asked, and at the end with every count in', async () => {
    const { hosts, byHost, bundles } = scenario();
    const cache = new PlanCountCache();
    const seen: string[][] = [];
    // Four cases (two of them copies), one per slice: four slices that each change a count.
    const four = new Map([...bundles, ['c', bundles.get('a')!], ['d', bundles.get('b')!]]);
    const ids = ['b', 'a', 'c', 'd'];
    await new Promise<void>((resolve) => {
      computeInSlices(
        ids,
        four,
        hosts,
        byHost,
        TODAY,
        cache,
        () => {
          seen.push(ids.filter((id) => cache.get(id)));
          if (ids.every((id) => cache.get(id))) resolve();
        },
        // One case per slice, and at most one report a minute between the first and the last.
        { sliceMs: 0, reportMs: 60_000 },
      );
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([['b'], ['b', 'a', 'c', 'd']]);
  });

  it('Given two screens sharing the cache, When the other one fills every count after this one rendered, Then this one is still told once, at the end', async () => {
    const { hosts, byHost, bundles } = scenario();
    const cache = new PlanCountCache();
    const run = (onProgress: () => void, shownRevision?: number) =>
      new Promise<void>((resolve) => {
        computeInSlices(['a', 'b'], bundles, hosts, byHost, TODAY, cache, onProgress, {
          sliceMs: 0,
          shownRevision,
        });
        setTimeout(resolve, 50);
      });
    // The navigation badge renders with no counts (revision 0); the primed list fills them first.
    const renderedAt = cache.revision;
    await run(() => undefined);
    expect(cache.get('a')).toBeDefined();
    // The badge's own run then finds every count fresh: it computes nothing, yet must re-render.
    let told = 0;
    await run(() => told++, renderedAt);
    expect(told).toBe(1);
    // A screen rendered with these counts already is not told again.
    let again = 0;
    await run(() => again++, cache.revision);
    expect(again).toBe(0);
  });

  it('stops when asked', async () => {
    const { hosts, byHost, bundles } = scenario();
    const cache = new PlanCountCache();
    const stop = computeInSlices(['a', 'b'], bundles, hosts, byHost, TODAY, cache, () => undefined);
    stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(cache.get('a')).toBeUndefined();
  });

  it('Given a case whose only problem is a budget line without an exchange rate, When the list counts it, Then it shows the 1 error its Plan checks tab shows, and a typed rate clears it', async () => {
    const c = aCase('m', { plannedEnd: null, reportingCurrency: 'EUR' });
    const m = bundle(c, {
      budgetLines: [makeBudgetLine({ caseId: 'm', currency: 'USD', date: '2027-01-12' })],
    });
    const bundles = new Map([['m', m]]);
    const hosts = hostMap([]);
    const byHost = staysByHost([]);
    const sources = { hosts, perDiemRates: [], convention: 'nights' as const };
    const items = caseItems(m, sources);
    const budgetWith = (rates: ReturnType<typeof makeExchangeRate>[]) => {
      const book = rateBook(rates);
      return () => budgetCheckInput(items, book, []);
    };
    const count = (budgetOf: () => ReturnType<ReturnType<typeof budgetWith>>) => {
      const cache = new PlanCountCache();
      return new Promise<ReturnType<PlanCountCache['get']>>((resolve) => {
        computeInSlices(
          ['m'],
          bundles,
          hosts,
          byHost,
          TODAY,
          cache,
          () => resolve(cache.get('m')),
          { sliceMs: 0, budgetOf },
        );
      });
    };
    const noRate = budgetWith([]);
    const tab = runPlanChecks({ ...planCheckInput(m, hosts, byHost, TODAY), budget: noRate() });
    expect(tab.map((f) => [f.severity, f.code])).toEqual([['error', 'budget_rate_missing']]);
    expect(await count(noRate)).toEqual({ errors: 1, warnings: 0 });
    // Typing the rate changes the book: the count is stale, and recomputed it is clear.
    const rated = budgetWith([makeExchangeRate({ from: 'USD', to: 'EUR', asOf: '2027-01-01' })]);
    expect(new PlanCountCache().isFresh('m', planDeps(m, hosts, byHost, TODAY, rated()))).toBe(
      false,
    );
    expect(await count(rated)).toEqual({ errors: 0, warnings: 0 });
  });
});
