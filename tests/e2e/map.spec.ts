/**
 * The offline map, end to end (issue 11), with every request outside the app's origin blocked
 * and counted:
 *   1. country shapes (land pixels on the canvas under a country label) and a country label; a
 *      city label once zoomed in;
 *   2. a host placed by clicking the host form's map, rounded to about 10 km, its marker and
 *      popup at the rounded place;
 *   3. availability for dates and people: the host is free, then another case's stay fills it
 *      and its marker and the list change; the availability filter hides it;
 *   4. a case map with its route drawn and its stops labelled;
 *   5. enabling a tile host without the confirmation lets nothing through; zero requests outside
 *      the origin.
 * Screenshots of the map page, a popup and a case map are written under test-results/map/.
 */
import type { Page } from '@playwright/test';
import { expect, isOwnOrigin, test } from './fixtures/app';
import { CasePage } from './pages/Case';
import { search } from './pages/Cases';
import { HostsPage } from './pages/Hosts';
import { VaultPage } from './pages/Vault';

const SHOTS = 'test-results/map';

function dayFromToday(n: number): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Colour of the basemap canvas just under a country label. */
async function canvasColourUnder(page: Page, label: string): Promise<[number, number, number]> {
  return page.evaluate((text) => {
    const el = [...document.querySelectorAll('.haven-country-label span')].find(
      (e) => e.textContent === text,
    );
    const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas');
    if (!el || !canvas) throw new Error('no label or canvas');
    const r = el.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const x = ((r.left + r.width / 2 - c.left) * canvas.width) / c.width;
    const y = ((r.top + r.height / 2 - c.top) * canvas.height) / c.height;
    const px = canvas.getContext('2d')?.getImageData(Math.round(x), Math.round(y) + 8, 1, 1).data;
    if (!px) throw new Error('no pixel');
    return [px[0] ?? 0, px[1] ?? 0, px[2] ?? 0] as [number, number, number];
  }, label);
}

async function openMap(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Map', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Map' })).toBeVisible({
    timeout: 30_000,
  });
}

test('the offline map: countries and cities, a host placed and rounded, availability across cases, a case route', async ({
  page,
  context,
  egress,
}) => {
  test.setTimeout(240_000);
  const blocked: string[] = [];
  await context.route(
    (url) => !isOwnOrigin(url.toString()),
    async (route) => {
      blocked.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  await new VaultPage(page).create(undefined, { demo: true });

  // 1. Country shapes and labels, offline; city labels only once zoomed in.
  await openMap(page);
  const map = page.getByTestId('host-map');
  await expect(map.locator('.leaflet-container')).toHaveAttribute('data-basemap', '110m');
  await expect(map.locator('.leaflet-container')).toHaveAttribute('data-countries', '177');
  // Zoomed out, the largest countries are labelled.
  await expect(map.locator('.haven-country-label span', { hasText: /^Brazil$/ })).toBeVisible();
  await expect(map.locator('.haven-country-label span', { hasText: /^Russia$/ })).toBeVisible();
  await expect(map.locator('.haven-country-label span', { hasText: /^Georgia$/ })).toHaveCount(0);
  expect(await canvasColourUnder(page, 'Brazil')).toEqual([243, 239, 230]);
  await expect(map).toContainText('Natural Earth 4.1.0 (2018-05-21)');
  await expect(map).toContainText('Crimea shown as part of Ukraine');
  await expect(map.locator('.haven-city-label')).toHaveCount(0);
  await search(page.locator('main'), page, 'Go to a city', 'Tbilisi', /^Tbilisi, Georgia/);
  await expect(map.locator('.leaflet-container')).toHaveAttribute('data-basemap', '50m');
  await expect(map.locator('.haven-city-label span', { hasText: /^Tbilisi$/ })).toBeVisible();
  await expect(map.locator('.haven-country-label span', { hasText: /^Georgia$/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/map-zoomed.png` });

  // 2. A host placed by clicking its form's map, then rounded to about 10 km.
  const hosts = new HostsPage(page);
  await hosts.open();
  const form = await hosts.startNew();
  await form.getByLabel('Code name').fill('Harbour');
  await search(form, page, 'Find the city', 'Amsterdam', /^Amsterdam, Netherlands/);
  await form.getByLabel('Beds').fill('1');
  await form.getByLabel('Nightly cost').fill('40');
  const picker = form.getByTestId('place-picker-map');
  await expect(picker.locator('.leaflet-container')).toHaveAttribute('data-basemap', '50m');
  const box = await picker.boundingBox();
  if (!box) throw new Error('no picker map');
  await picker.click({ position: { x: box.width / 2 + 37, y: box.height / 2 - 23 } });
  const lat = form.getByLabel('Latitude');
  const lng = form.getByLabel('Longitude');
  // The click set a place near Amsterdam, not the city centre (52.37, 4.89) itself.
  await expect(lat).not.toHaveValue('52.37');
  const clicked = { lat: Number(await lat.inputValue()), lng: Number(await lng.inputValue()) };
  expect(Math.abs(clicked.lat - 52.37)).toBeLessThan(0.5);
  expect(Math.abs(clicked.lng - 4.89)).toBeLessThan(0.8);
  await form.getByRole('radio', { name: 'Round to about 10 km' }).check();
  await expect(lat).toHaveValue(/^\d+(\.\d)?$/);
  const rounded = { lat: Number(await lat.inputValue()), lng: Number(await lng.inputValue()) };
  expect(Math.abs(rounded.lat - clicked.lat)).toBeLessThanOrEqual(0.05 + 1e-9);
  expect(Math.abs(rounded.lng - clicked.lng)).toBeLessThanOrEqual(0.1 + 1e-9);
  expect(Math.round(rounded.lng * 10) % 2).toBe(0); // 0.2° longitude steps at 52°N
  await expect(form.getByLabel('Coordinates are approximate on purpose')).toBeChecked();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Harbour' })).toBeVisible();

  // 3. Availability for dates and people, across cases.
  const from = dayFromToday(200);
  const to = dayFromToday(207);
  await openMap(page);
  await page.getByLabel('From (first night)').fill(from);
  await page.getByLabel('To (check-out day)').fill(to);
  await page.getByLabel('People').fill('1');
  const list = page.getByRole('region', { name: 'Hosts shown on the map' });
  await expect(list.getByRole('button', { name: /Harbour/ })).toContainText('Free');
  await expect(page.getByText('4 of 4 hosts shown')).toBeVisible();
  await list.getByRole('button', { name: /Harbour/ }).click();
  const marker = map.locator('.haven-host-marker[title="Harbour: Free"]');
  await expect(marker).toBeVisible();
  await expect(marker).toHaveClass(/haven-avail-free/);
  const popup = page.getByTestId('host-popup');
  await expect(popup).toContainText(`Place: ${rounded.lat}, ${rounded.lng} (approximate)`);
  await expect(popup).toContainText('None planned');
  await page.screenshot({ path: `${SHOTS}/map-page.png` });
  await page.locator('.leaflet-popup').screenshot({ path: `${SHOTS}/map-popup.png` });

  // Another case (Osprey, one person) stays at Harbour on those nights: the only bed is taken.
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Cases/ })
    .click();
  await page.getByRole('link', { name: 'Osprey', exact: true }).first().click();
  const c = new CasePage(page);
  await c.openTab('Stays');
  await page.getByRole('button', { name: 'Add a stay' }).click();
  const stay = c.dialog('Add a stay');
  await search(stay, page, 'Host', 'Harbour', /^Harbour/);
  await stay.getByLabel('Check-in').fill(from);
  await stay.getByLabel('Check-out').fill(to);
  await stay.getByRole('button', { name: 'Save' }).click();
  await expect(stay).toBeHidden();

  await openMap(page);
  await page.getByLabel('From (first night)').fill(from);
  await page.getByLabel('To (check-out day)').fill(to);
  await list.getByRole('button', { name: /Harbour/ }).click();
  await expect(list.getByRole('button', { name: /Harbour/ })).toContainText('Full');
  await expect(map.locator('.haven-host-marker[title="Harbour: Full"]')).toHaveClass(
    /haven-avail-full/,
  );
  await expect(map.locator('.haven-host-marker[title="Harbour: Free"]')).toHaveCount(0);
  await expect(popup).toContainText('Osprey');
  await expect(popup.getByRole('link', { name: 'Osprey' })).toHaveAttribute(
    'href',
    /#\/cases\/[0-9a-f]{32}\/stays/,
  );
  // The availability filter: without "Full", Harbour leaves the list and the map.
  await page.getByRole('checkbox', { name: 'Full' }).uncheck();
  await expect(list.getByRole('button', { name: /Harbour/ })).toHaveCount(0);
  await expect(page.getByText('3 of 4 hosts shown')).toBeVisible();
  await expect(map.locator('.haven-host-marker[title^="Harbour"]')).toHaveCount(0);
  // Keyboard: the list moves with the arrows and opens with Enter.
  await list.getByRole('button').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('button', { name: /Ceiba/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('button', { name: /Ceiba/ })).toHaveAttribute('aria-current', 'true');
  await expect(popup).toContainText('Ceiba');

  // 4. The case map of Heron: its route and its labelled stops.
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: /^Cases/ })
    .click();
  await page.getByRole('link', { name: 'Heron', exact: true }).first().click();
  await page.getByRole('tab', { name: 'Map' }).click();
  const caseMap = page.getByTestId('case-map');
  await expect(caseMap.locator('path.haven-leg')).not.toHaveCount(0);
  await expect(
    caseMap.locator('.haven-stop-label span', { hasText: /^1\. Tbilisi \(start\)$/ }),
  ).toBeVisible();
  await expect(
    caseMap.locator('.haven-stop-label span', { hasText: /^2\. Istanbul$/ }),
  ).toBeVisible();
  await expect(
    caseMap.locator('.haven-stop-label span', { hasText: /Stay: Linden/ }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Travellers on each line' })).toContainText(
    'Travellers:',
  );
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}/case-map.png` });

  // 5. Enabling a tile host without the main process's confirmation lets nothing through.
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Settings', exact: true })
    .click();
  const template = page.getByLabel('Tile URL template');
  await template.fill('http://tiles.example.org/{z}/{x}/{y}.png');
  await page.getByRole('button', { name: 'Turn on online tiles…' }).click();
  await expect(page.getByText('Enter an https URL with {z}, {x} and {y}')).toBeVisible();
  await template.fill('https://tiles.example.org/{z}/{x}/{y}.png');
  await page.getByRole('button', { name: 'Turn on online tiles…' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'nothing was let through' }),
  ).toBeVisible();
  await openMap(page);
  await expect(page.getByTestId('host-map').locator('.leaflet-tile')).toHaveCount(0);

  // Nothing left the machine.
  expect(blocked, 'requests outside the app origin (blocked)').toEqual([]);
  expect(egress.foreign()).toEqual([]);
});
