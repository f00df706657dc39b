/**
 * The map page's measurements in the page (shared by bench/map/run.mjs and bench/scenarios/map.mjs):
 *   - first render: from the dashboard set the hash to #/map and wait until host markers (or
 *     clusters), the host list and the basemap's country labels are in the DOM and a frame has
 *     been painted (the first visit loads the map's chunks and data; later visits are "warm");
 *   - availability filter change: untick / tick "Free", and with Free hidden change the number of
 *     people (each a React state change that recomputes availability across every stay,
 *     re-filters, updates the markers and the list), until the count line changes and a frame is
 *     painted.
 * The page must be unlocked on a vault seeded with `seedMap`.
 */
export async function measureMap(page, { warmRounds = 3, filterRounds = 3 } = {}) {
  const renderOnce = () =>
    page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      location.hash = '#/dashboard';
      await frame();
      const t0 = performance.now();
      location.hash = '#/map';
      for (;;) {
        if (
          document.querySelector('.haven-cluster, .haven-host-marker[title]') &&
          document.querySelector('[aria-label="Hosts shown on the map"] button') &&
          document.querySelector('.haven-country-label')
        )
          break;
        await new Promise((r) => setTimeout(r, 0));
      }
      await frame();
      return performance.now() - t0;
    });
  const cold = await renderOnce();
  const warm = [];
  for (let i = 0; i < warmRounds; i++) warm.push(await renderOnce());

  const countText = () =>
    document.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '';
  const toggleFree = () =>
    page.evaluate(async (countSrc) => {
      const count = new Function(`return (${countSrc})()`);
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const label = [...document.querySelectorAll('label')].find(
        (l) => /Free$/.test(l.textContent ?? '') && !/Partly/.test(l.textContent ?? ''),
      );
      const box = label && document.getElementById(label.htmlFor);
      if (!box) throw new Error('no Free checkbox');
      const before = count();
      const t0 = performance.now();
      box.click();
      while (count() === before) await new Promise((r) => setTimeout(r, 0));
      await frame();
      return performance.now() - t0;
    }, countText.toString());
  const setPeople = (n) =>
    page.evaluate(
      async ([value, countSrc]) => {
        const count = new Function(`return (${countSrc})()`);
        const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const label = [...document.querySelectorAll('label')].find(
          (l) => l.textContent === 'People',
        );
        const input = label && document.getElementById(label.htmlFor);
        if (!input) throw new Error('no People field');
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const before = count();
        const t0 = performance.now();
        setter.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        for (let i = 0; count() === before && i < 2000; i++)
          await new Promise((r) => setTimeout(r, 0));
        await frame();
        return performance.now() - t0;
      },
      [n, countText.toString()],
    );
  const filter = [];
  for (let i = 0; i < filterRounds; i++) {
    filter.push({ step: 'untick Free', ms: await toggleFree() });
    filter.push({ step: 'tick Free', ms: await toggleFree() });
  }
  // With "Free" unticked, the count of hosts shown changes with the number of people.
  await toggleFree();
  for (const n of [3, 1, 5, 2])
    filter.push({ step: `people ${n} (Free hidden)`, ms: await setPeople(n) });

  return { cold, warm, filter };
}
