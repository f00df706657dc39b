/**
 * Accessibility, end to end, on the demo vault:
 *   - axe (@axe-core/playwright) finds no serious or critical violation on any screen or dialog
 *     (tests/e2e/fixtures/screens.ts lists them; add a new screen or dialog there), in light and
 *     dark mode. Light runs every WCAG 2.1 A/AA rule; dark runs the rules a colour scheme can
 *     change (contrast), since the DOM is the same.
 *   - the keyboard reaches every control of each screen and dialog with Tab, and each focused
 *     control shows a visible focus indicator (an outline or a box-shadow ring).
 * The screens before unlock (first run, create, recovery code, unlock, recovery) are scanned too.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { axeBuilderScan, axeScan, seriousViolations } from './fixtures/axe';
import {
  DIALOGS,
  SCREENS,
  closeDialog,
  createDemoVault,
  openScreen,
  screenNamed,
  translator,
} from './fixtures/screens';
import { E2E_PASSPHRASE } from './pages/Vault';

const t = translator('en');
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

async function violations(page: Page, scheme: Scheme, within?: string): Promise<string[]> {
  const started = Date.now();
  const result = await axeScan(page, { within, rules: scheme === 'light' ? 'all' : 'colour' });
  console.log(`axe ${scheme} ${within ?? 'page'} ${Date.now() - started} ms`);
  return seriousViolations(result);
}

async function setScheme(page: Page, scheme: Scheme): Promise<void> {
  // Without transitions a scan reads the colours of the scheme, not a frame of the change.
  await page.evaluate(() => {
    if (document.getElementById('a11y-no-transitions')) return;
    const style = document.createElement('style');
    style.id = 'a11y-no-transitions';
    style.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.append(style);
  });
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
}

async function expectClean(page: Page, where: string, within?: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await setScheme(page, scheme);
    expect.soft(await violations(page, scheme, within), `${where}, ${scheme} mode`).toEqual([]);
  }
  await setScheme(page, 'light');
}

test.use({ locale: 'en-US', actionTimeout: 10_000 });

/** The controls a keyboard user should reach in `root` (visible, enabled, tabbable). */
function tabbableSelector(): string {
  return 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
}

/**
 * Presses Tab as many times as there are controls (and a few more), with a focusin listener in
 * the page marking each control reached and whether its focus shows (an outline, a box-shadow
 * ring, or, for a visually hidden radio or checkbox, the same on its label). Returns how many
 * were reached, the controls never reached, and those whose focus is not visible.
 */
async function tabThrough(
  page: Page,
  scope: Locator,
): Promise<{ reached: number; unreached: string[]; invisible: string[] }> {
  const controls = await scope.evaluate((root, selector) => {
    for (const el of root.querySelectorAll('[data-a11y-reached]'))
      el.removeAttribute('data-a11y-reached');
    const w = window as unknown as { __a11yInvisible: string[]; __a11yListener?: EventListener };
    w.__a11yInvisible = [];
    if (w.__a11yListener) document.removeEventListener('focusin', w.__a11yListener);
    const shows = (el: Element): boolean => {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outline || (style.boxShadow !== 'none' && style.boxShadow !== '');
    };
    w.__a11yListener = (event) => {
      const el = (
        event.target instanceof Element ? event.target : document.activeElement
      ) as HTMLElement;
      if (!root.contains(el)) return;
      el.setAttribute('data-a11y-reached', '');
      let visible = shows(el);
      // Mantine's text inputs show focus by turning their border the focus-ring colour; in a
      // multi-select or a date field that border belongs to the box around the typing area.
      if (!visible && el.matches('input, textarea')) {
        const probe = document.createElement('span');
        probe.style.color = 'var(--mantine-primary-color-filled)';
        document.body.append(probe);
        const ring = getComputedStyle(probe).color;
        probe.remove();
        for (let box: Element | null = el, up = 0; box && up < 3 && !visible; up += 1) {
          visible = getComputedStyle(box).borderTopColor === ring || (up > 0 && shows(box));
          box = box.parentElement;
        }
      }
      // A visually hidden radio or checkbox (segmented controls, chips) shows it on its label.
      if (!visible && el instanceof HTMLInputElement && /radio|checkbox/.test(el.type)) {
        const label = el.labels?.[0] ?? el.nextElementSibling;
        visible = !!label && shows(label);
      }
      if (!visible)
        w.__a11yInvisible.push(
          `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
        );
    };
    document.addEventListener('focusin', w.__a11yListener);
    // Transitions would let the style be read before the focus ring is drawn.
    if (!document.getElementById('a11y-no-transitions')) {
      const style = document.createElement('style');
      style.id = 'a11y-no-transitions';
      style.textContent = '*, *::before, *::after { transition: none !important; }';
      document.head.append(style);
    }
    // A dialog focuses its first control on opening: that one is reached already.
    const active = document.activeElement;
    if (active && active !== document.body && root.contains(active))
      w.__a11yListener(new FocusEvent('focusin', { bubbles: true }));
    return root.querySelectorAll(selector).length;
  }, tabbableSelector());
  for (let i = 0; i < Math.min(controls + 4, 150); i += 1) await page.keyboard.press('Tab');
  return scope.evaluate((root, selector) => {
    const w = window as unknown as { __a11yInvisible: string[]; __a11yListener?: EventListener };
    if (w.__a11yListener) document.removeEventListener('focusin', w.__a11yListener);
    const describe = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const unreached: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      if (el.hasAttribute('data-a11y-reached')) continue;
      if (el.closest('[aria-hidden="true"], [inert]')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if ((el as HTMLButtonElement).disabled || el.getAttribute('tabindex') === '-1') continue;
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      // A radio group is one tab stop: arrow keys move within it.
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        const group = root.querySelectorAll(`input[type=radio][name="${el.name}"]`);
        if ([...group].some((r) => r.hasAttribute('data-a11y-reached'))) continue;
      }
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      unreached.push(describe(el));
    }
    return {
      reached: root.querySelectorAll('[data-a11y-reached]').length,
      unreached,
      invisible: [...new Set(w.__a11yInvisible)],
    };
  }, tabbableSelector());
}

async function expectKeyboardUsable(page: Page, where: string, scope: Locator): Promise<void> {
  const r = await tabThrough(page, scope);
  expect.soft(r.reached, `${where}: Tab reaches its controls`).toBeGreaterThan(0);
  expect.soft(r.unreached, `${where}: controls Tab never reaches`).toEqual([]);
  expect.soft(r.invisible, `${where}: focus not visible`).toEqual([]);
}

test('every screen: axe finds no serious or critical violation in light and dark mode, Tab reaches every control and focus is always visible', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await test.step('before unlock: first run and create vault', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: t('vault.firstRun.title') })).toBeVisible();
    await expectClean(page, 'first run');
    await expectKeyboardUsable(page, 'first run', page.locator('body'));
    await page.getByRole('button', { name: t('vault.firstRun.create') }).click();
    await expectClean(page, 'create vault');
    await expectKeyboardUsable(page, 'create vault', page.locator('body'));
    await page.getByRole('button', { name: t('vault.create.back') }).click();
  });

  const ids = await createDemoVault(page, t, E2E_PASSPHRASE);
  await test.step('every screen', async () => {
    // The frame (header, navigation) is scanned with the first screen; then each screen's content.
    for (const [i, screen] of SCREENS.entries()) {
      await openScreen(page, screen, ids);
      await expectClean(page, screen.name, i === 0 ? undefined : '#main-content');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expectKeyboardUsable(page, screen.name, page.locator('body'));
    }
  });
  await test.step('after lock: unlock and recovery', async () => {
    await page.getByRole('button', { name: t('vault.status.lock'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('vault.unlock.title') })).toBeVisible();
    await expectClean(page, 'unlock');
    await expectKeyboardUsable(page, 'unlock', page.locator('body'));
    await page.getByRole('button', { name: t('vault.unlock.useRecovery') }).click();
    await expect(page.getByRole('heading', { name: t('vault.recover.title') })).toBeVisible();
    await expectClean(page, 'recover');
    await expectKeyboardUsable(page, 'recover', page.locator('body'));
  });
});

// The dialogs in a test of their own, so the two halves run side by side on two workers.
test('every dialog: axe finds no serious or critical violation in light and dark mode, Tab reaches every control and focus is always visible', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const ids = await createDemoVault(page, t, E2E_PASSPHRASE);
  await test.step('every dialog', async () => {
    for (const opener of DIALOGS) {
      await openScreen(page, screenNamed(opener.screen), ids);
      const opened = await opener.open(page, t);
      await expect(opened).toBeVisible();
      await page.waitForTimeout(250);
      await expectClean(page, `${opener.name} dialog`, '[role="dialog"]');
      await expectKeyboardUsable(page, `${opener.name} dialog`, opened);
      await closeDialog(page, opened);
    }
  });
});

test('the engine run once per page gives what @axe-core/playwright AxeBuilder gives', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: t('vault.firstRun.title') })).toBeVisible();
  // A deliberate violation, so that both have something to agree on.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    img.width = 10;
    img.height = 10;
    document.body.append(img);
  });
  const ours = seriousViolations(await axeScan(page, { rules: 'all' }));
  const builder = seriousViolations(await axeBuilderScan(page, { rules: 'all' }));
  expect(ours.some((v) => v.startsWith('image-alt (critical)'))).toBe(true);
  expect(ours).toEqual(builder);
});
