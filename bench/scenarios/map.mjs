/**
 * The Map page at the size (issue 11): 5,000 hosts and 20,000 stays (four per host,
 * across 500 cases), seeded in a vault of its own (`seedMap`; the registry's vaults hold 40 hosts).
 * First render of the Map page (cold = first visit after unlock, loading the map's chunks and
 * data; warm = later visits): target < 1 s. An availability filter change (untick / tick "Free",
 * the number of people): target < 150 ms. Peak JS heap of the page reported. Measured by
 * bench/map/measure.mjs, the same code as `node bench/map/run.mjs`.
 */
import { measureMap } from '../map/measure.mjs';
import { unlock } from '../lib/app.mjs';

const STAYS_PER_HOST = 4;

export default {
  name: 'map',
  needs: 'app',
  sizes: [5000],
  async run({ app, size, quick, log }) {
    const v = await app.vaultOf(size, log, ['seedMap', size, size * STAYS_PER_HOST]);
    try {
      await unlock(v.page);
      await v.page.evaluate(() => {
        window.__heapPeak = 0;
      });
      const rounds = quick ? 1 : 3;
      const { cold, warm, filter } = await measureMap(v.page, {
        warmRounds: rounds,
        filterRounds: rounds,
      });
      const heap = await v.page.evaluate(() => window.__heapPeak);
      const note = `${size} hosts, ${size * STAYS_PER_HOST} stays; cold ${Math.round(cold)} ms`;
      return [
        {
          scenario: 'map: first render (cold)',
          samples: [cold],
          target: { of: 'max', max: 1000 },
          note,
        },
        { scenario: 'map: first render (warm)', samples: warm, target: { of: 'max', max: 1000 } },
        {
          scenario: 'map: availability filter change',
          samples: filter.map((f) => f.ms),
          target: { of: 'p95', max: 150 },
          note: filter.map((f) => `${f.step} ${Math.round(f.ms)}`).join('; '),
        },
        { scenario: 'map: peak JS heap', samples: [heap / (1024 * 1024)], unit: 'MB' },
      ];
    } finally {
      await v.context.close();
    }
  },
};
