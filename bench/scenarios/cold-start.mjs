/** Cold start: a new page loading the app until the unlock screen is interactive (target < 1 s). */
export default {
  name: 'cold start to unlock screen',
  needs: 'app',
  sizes: 'each',
  async run({ context }) {
    const samples = [];
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      await page.goto('/');
      const handle = await page.waitForFunction(() => {
        const b = [...document.querySelectorAll('button')].find(
          (x) => x.textContent?.trim() === 'Unlock' && !x.disabled,
        );
        return b && document.querySelector('input[type="password"]') ? performance.now() : 0;
      });
      samples.push(await handle.jsonValue());
      await page.close();
    }
    return [
      {
        scenario: 'cold start to unlock screen',
        samples,
        target: { of: 'median', max: 1000 },
        note: 'navigation start to an enabled Unlock button (HTTP cache warm after the first)',
      },
    ];
  },
};
