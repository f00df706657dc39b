/**
 * SIGKILL in the middle of long writes (issue 15, resilience), in real Chromium with a persistent
 * profile: the browser process is killed while a restore, a large import or the re-encrypted
 * copy of a key rotation is being written, and again just after it committed. On restart the
 * vault unlocks with its passphrase and holds the state before the operation or the state after
 * it, record for record (every record of every store digested through the harness, audit trail
 * and settings included), the integrity check finds nothing damaged, and nothing from before is
 * lost. (A rotation is only done once the coordinator confirms the new recovery code, so both
 * of its kills leave the vault as before, with the copy deleted at the next start; a kill while
 * the code is on screen is in rekey.spec.ts.)
 *
 * Where the kill lands is not left to timing (fixtures/write-watch.ts): "mid-write" stops the
 * page inside the N-th put of the write transaction (half of it issued, so it cannot have
 * committed); "after commit" stops it inside the transaction's complete event, before the app
 * has learnt that it committed. The snapshot taken there is asserted too: the operation's
 * progress on screen, its "done" message not yet.
 *
 * The restore keeps the open vault's key and passphrase (the backup's passphrase only decrypts
 * the file), so both states open with the vault's own passphrase, and not with that of the
 * vault the backup came from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { openHarness, serveHarness, type BulkSize, type Digests } from './fixtures/harness';
import { launch } from './fixtures/profile';
import { armKill, installKillSwitch, type WriteSnapshot } from './fixtures/write-watch';
import { E2E_PASSPHRASE, VaultPage } from './pages/Vault';

/** The passphrase of vault B, the one the backup is made from (never A's). */
const B_PASSPHRASE = 'copper lagoon thistle meteor garnet sparrow';
const BACKUP_PASSPHRASE = 'granite puffin saffron ladder orchid comet';
/** 250 cases, 500 people, 2,000 budget lines: a restore of about 2,750 records. */
const LARGE: BulkSize = { cases: 250, people: 2, lines: 8 };
const SMALL: BulkSize = { cases: 20, people: 2, lines: 5 };
const IMPORT_ROWS = 5000;

function digest(page: Page, passphrase: string): Promise<Digests> {
  return page.evaluate((p) => window.havenHarness.digestAll(p), passphrase);
}

/** The entity stores of `d` (every store but the audit trail). */
function entities(d: Digests): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(d.stores).filter(([store]) => store !== 'audit'));
}

function count(d: Digests): number {
  return Object.values(d.stores).reduce((n, byId) => n + Object.keys(byId).length, 0);
}

/** Every record of `before` is in `after`, unchanged. */
function expectKept(before: Digests, after: Digests): void {
  for (const [store, byId] of Object.entries(before.stores)) {
    const kept = Object.fromEntries(
      Object.keys(byId).map((id) => [id, after.stores[store]?.[id] ?? 'missing']),
    );
    expect(kept, `every ${store} record from before, unchanged`).toEqual(byId);
  }
}

/** The records added to `store` between `before` and `after`. */
function added(before: Digests, after: Digests, store: string): string[] {
  return Object.keys(after.stores[store] ?? {}).filter((id) => !before.stores[store]?.[id]);
}

/** Opens the profile again, on the harness page (whose digest unlocks the same vault). */
async function restart(
  profile: string,
  foreign: string[],
): Promise<Awaited<ReturnType<typeof launch>>> {
  const run = await launch(profile, foreign);
  await openHarness(run.page);
  return run;
}

/**
 * The app's start on a profile the test has killed and reopened: the unlock screen must come up
 * (within 30 s, so a start that hangs fails here, named, not at the test's overall timeout).
 */
async function openUnlockScreen(page: Page): Promise<void> {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Unlock Haven' }),
    'the unlock screen after the browser was killed and the profile reopened',
  ).toBeVisible({ timeout: 30_000 });
}

/** From the unlocked app: Settings → choose the backup → check it → its summary on screen. */
async function checkBackup(page: Page, file: string): Promise<void> {
  await page.goto('/#/settings');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose backup file' }).click();
  await (await chooser).setFiles(file);
  await page.getByLabel('Passphrase of this backup').fill(BACKUP_PASSPHRASE);
  await page.getByRole('button', { name: 'Check backup' }).click();
  const summary = page.getByRole('region', { name: 'What this backup holds' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary.getByLabel('Merge into this vault')).toBeChecked();
}

function restoreButton(page: Page) {
  return page
    .getByRole('region', { name: 'What this backup holds' })
    .getByRole('button', { name: /^Restore \d+ records$/ });
}

/** Clicks a button whose work ends in the browser being killed (the click may not see its end). */
async function clickIntoKill(button: Locator): Promise<void> {
  await expect(button).toBeEnabled();
  void button.click().catch(() => undefined);
}

/** The operation was under way on screen and had not told the coordinator it was done. */
function expectUnderWay(snapshot: WriteSnapshot, busy: RegExp, done: RegExp): void {
  expect(
    snapshot.screen.some((line) => busy.test(line)),
    snapshot.screen.join('\n'),
  ).toBe(true);
  expect(snapshot.screen.filter((line) => done.test(line))).toEqual([]);
}

test('given a vault A and a backup of a larger vault B, when the browser is killed with SIGKILL in the middle of the restore, then it holds exactly A; killed right after the restore committed, exactly A merged with B; both open with A’s passphrase', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'haven-kill-restore-'));
  const profile = join(dir, 'profile');
  const foreign: string[] = [];
  try {
    // Given: vault B (thousands of records) backed up through Settings, in a context of its own.
    await serveHarness(page.context());
    await openHarness(page);
    const written = await page.evaluate(
      ([p, size]) => window.havenHarness.seedBulk(p, 'Birch', size),
      [B_PASSPHRASE, LARGE] as const,
    );
    expect(written).toBeGreaterThan(2700);
    const b = await digest(page, B_PASSPHRASE);
    await page.goto('/');
    await new VaultPage(page).unlock(B_PASSPHRASE);
    await page.goto('/#/settings');
    await page.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
    await page.getByLabel('Confirm backup passphrase').fill(BACKUP_PASSPHRASE);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up' }).click();
    const file = join(dir, 'b.age');
    await (await downloading).saveAs(file);

    // ... and vault A, with records of its own, in the persistent profile.
    let run = await launch(profile, foreign);
    await openHarness(run.page);
    await run.page.evaluate(([p, size]) => window.havenHarness.seedBulk(p, 'Alder', size), [
      E2E_PASSPHRASE,
      SMALL,
    ] as const);
    const a = await digest(run.page, E2E_PASSPHRASE);
    expect(count(a)).toBeGreaterThan(150);

    // When: the restore is killed half-way through its write.
    let kill = await installKillSwitch(run.context, profile);
    await openUnlockScreen(run.page);
    await new VaultPage(run.page).unlock(E2E_PASSPHRASE);
    await checkBackup(run.page, file);
    const half = Math.floor(count(b) / 2);
    await armKill(run.page, { at: 'put', count: half });
    await clickIntoKill(restoreButton(run.page));
    let snapshot = await kill.killed;
    expect(snapshot.puts).toBe(half);
    expectUnderWay(snapshot, /^status Restoring…$/, /Restored:/);

    // Then: A's passphrase opens exactly A, nothing of B, nothing damaged.
    run = await restart(profile, foreign);
    const afterTorn = await digest(run.page, E2E_PASSPHRASE);
    expect(afterTorn.problems).toBe(false);
    expect(afterTorn.stores).toEqual(a.stores);
    expect(snapshot.committedBefore, 'the kill landed in the restore’s first write').toBe(0);
    expect(snapshot.stores).toEqual(expect.arrayContaining(['cases', 'people', 'budgetLines']));

    // When: the same restore is killed just after its transaction committed.
    kill = await installKillSwitch(run.context, profile);
    await openUnlockScreen(run.page);
    await new VaultPage(run.page).unlock(E2E_PASSPHRASE);
    await checkBackup(run.page, file);
    await armKill(run.page, { at: 'commit', count: half });
    await clickIntoKill(restoreButton(run.page));
    snapshot = await kill.killed;
    expect(snapshot.puts).toBeGreaterThan(count(b));
    expectUnderWay(snapshot, /^status Restoring…$/, /Restored:/);

    // Then: A's passphrase opens A merged with B (A's own record wins where both have one).
    run = await restart(profile, foreign);
    const afterAll = await digest(run.page, E2E_PASSPHRASE);
    expect(afterAll.problems).toBe(false);
    const merged = Object.fromEntries(
      Object.entries(entities(b)).map(([store, byId]) => [
        store,
        { ...byId, ...(a.stores[store] ?? {}) },
      ]),
    );
    expect(entities(afterAll)).toEqual(merged);
    expectKept(a, afterAll);
    // The audit trail: A's and B's rows, and the one row of the restore itself.
    const audit = { ...b.stores.audit, ...a.stores.audit };
    expect(added({ ...a, stores: { audit } }, afterAll, 'audit')).toHaveLength(1);
    expect(Object.keys(afterAll.stores.audit ?? {})).toHaveLength(Object.keys(audit).length + 1);
    expect(
      await run.page.evaluate((p) => window.havenHarness.tryUnlock(p), B_PASSPHRASE),
      'the backup’s own vault passphrase does not open this vault',
    ).toBe('WrongSecretError');
    await run.context.close();
    expect(foreign).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A CSV of `rows` valid actual expenses, each unique (so none is taken for a duplicate). */
function expensesCsv(rows: number): { text: string; descriptions: string[] } {
  const descriptions: string[] = [];
  const lines = ['Date,Description,Amount,Currency,Category,Payee'];
  for (let i = 0; i < rows; i++) {
    const description = `Expense ${i + 1}`;
    descriptions.push(description);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`2027-01-${day},${description},${(10 + (i % 90)).toFixed(2)},EUR,Travel,Payee ${i}`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, descriptions: descriptions.sort() };
}

async function startImport(page: Page, caseId: string, file: string): Promise<void> {
  await openUnlockScreen(page);
  await new VaultPage(page).unlock(E2E_PASSPHRASE);
  await page.goto(`/#/cases/${caseId}/budget`);
  await page.getByRole('button', { name: 'Import actuals (CSV)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import actual expenses for Cedar' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose CSV file' }).click();
  await (await chooser).setFiles(file);
  await expect(dialog.getByRole('button', { name: `Import ${IMPORT_ROWS} rows` })).toBeEnabled({
    timeout: 30_000,
  });
}

function importButton(page: Page) {
  return page
    .getByRole('dialog', { name: 'Import actual expenses for Cedar' })
    .getByRole('button', { name: `Import ${IMPORT_ROWS} rows` });
}

test('given a case budget among thousands of records, when the browser is killed with SIGKILL in the middle of a 5,000-row import of actual expenses, then none of the rows is there; killed right after it committed, all of them; every record from before intact', async () => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'haven-kill-import-'));
  const profile = join(dir, 'profile');
  const foreign: string[] = [];
  try {
    const csv = expensesCsv(IMPORT_ROWS);
    const file = join(dir, 'expenses.csv');
    writeFileSync(file, csv.text);
    let run = await launch(profile, foreign);
    await openHarness(run.page);
    const { caseId } = await run.page.evaluate(
      (p) => window.havenHarness.seedBudget(p),
      E2E_PASSPHRASE,
    );
    await run.page.evaluate(([p, size]) => window.havenHarness.addBulk(p, 'Alder', size), [
      E2E_PASSPHRASE,
      { cases: 100, people: 2, lines: 10 },
    ] as const);
    const before = await digest(run.page, E2E_PASSPHRASE);
    expect(count(before)).toBeGreaterThan(1300);
    expect(before.actuals).toEqual([]);

    // When: the import is killed half-way through its write.
    let kill = await installKillSwitch(run.context, profile);
    await startImport(run.page, caseId, file);
    await armKill(run.page, { at: 'put', count: IMPORT_ROWS / 2 });
    await clickIntoKill(importButton(run.page));
    let snapshot = await kill.killed;
    expect(snapshot.puts).toBe(IMPORT_ROWS / 2);
    expectUnderWay(snapshot, /^progressbar Import progress \d+$/, /expenses imported/);
    expect(snapshot.screen).not.toContain('progressbar Import progress 100');

    // Then: the vault opens holding exactly what it held before.
    run = await restart(profile, foreign);
    const afterTorn = await digest(run.page, E2E_PASSPHRASE);
    expect(afterTorn.problems).toBe(false);
    expect(afterTorn.stores).toEqual(before.stores);
    expect(snapshot.committedBefore, 'the kill landed in the import’s first write').toBe(0);
    expect(snapshot.stores).toContain('budgetLines');

    // When: the same import is killed just after its transaction committed.
    kill = await installKillSwitch(run.context, profile);
    await startImport(run.page, caseId, file);
    await armKill(run.page, { at: 'commit', count: IMPORT_ROWS });
    await clickIntoKill(importButton(run.page));
    snapshot = await kill.killed;
    expect(snapshot.puts).toBeGreaterThanOrEqual(IMPORT_ROWS);
    expectUnderWay(snapshot, /^progressbar Import progress \d+$/, /expenses imported/);

    // Then: every row is there, once, and every record from before is unchanged.
    run = await restart(profile, foreign);
    const afterAll = await digest(run.page, E2E_PASSPHRASE);
    expect(afterAll.problems).toBe(false);
    expectKept(before, afterAll);
    expect(afterAll.actuals).toEqual(csv.descriptions);
    expect(added(before, afterAll, 'budgetLines')).toHaveLength(IMPORT_ROWS);
    expect(added(before, afterAll, 'audit')).toHaveLength(1);
    for (const store of Object.keys(before.stores).filter(
      (s) => s !== 'budgetLines' && s !== 'audit',
    ))
      expect(added(before, afterAll, store), store).toEqual([]);
    await run.context.close();
    expect(foreign).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** From the unlocked app: Settings → Rotate encryption key, confirmed with the passphrase. */
async function startRotation(page: Page): Promise<Locator> {
  await openUnlockScreen(page);
  await new VaultPage(page).unlock(E2E_PASSPHRASE);
  await page.goto('/#/settings');
  await page.getByLabel('Passphrase to confirm').fill(E2E_PASSPHRASE);
  return page.getByRole('button', { name: 'Rotate encryption key' });
}

/** The re-encrypted copies among database names (the vault's own is "haven"). */
const copies = (names: string[]) => names.filter((n) => /^haven\.[0-9a-f]{32}$/.test(n));

/** The IndexedDB databases of the page's origin, by name. */
function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
}

test('given a vault of a thousand records, when the browser is killed with SIGKILL while a key rotation writes the re-encrypted copy, or just after that copy committed, then the old passphrase opens every record and the copy is gone', async () => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'haven-kill-rotate-'));
  const profile = join(dir, 'profile');
  const foreign: string[] = [];
  try {
    let run = await launch(profile, foreign);
    await openHarness(run.page);
    await run.page.evaluate(([p, size]) => window.havenHarness.seedBulk(p, 'Alder', size), [
      E2E_PASSPHRASE,
      { cases: 100, people: 2, lines: 6 },
    ] as const);
    const before = await digest(run.page, E2E_PASSPHRASE);
    expect(count(before)).toBeGreaterThan(900);
    expect(await databases(run.page)).toEqual(['haven']);

    // When: the rotation is killed half-way through writing the re-encrypted copy.
    let kill = await installKillSwitch(run.context, profile);
    const half = Math.floor(count(before) / 2);
    let rotate = await startRotation(run.page);
    await armKill(run.page, { at: 'put', count: half });
    await clickIntoKill(rotate);
    let snapshot = await kill.killed;
    expect(snapshot.puts).toBe(half);
    expectUnderWay(snapshot, /^status Re-encrypting every record… \d+%$/, /Encryption key rotated/);
    expect(snapshot.committedBefore, 'the kill landed in the copy’s first write').toBe(0);
    expect(snapshot.stores).toEqual(expect.arrayContaining(['meta', 'cases', 'budgetLines']));

    /**
     * After a restart: the copy is still on disk, the old passphrase opens every record as it
     * was, and once the app has started the copy is gone.
     */
    const expectAsBefore = async (copy: string): Promise<void> => {
      run = await restart(profile, foreign);
      expect(copies(await databases(run.page)), `${copy}, left on disk by the kill`).toHaveLength(
        1,
      );
      const after = await digest(run.page, E2E_PASSPHRASE);
      expect(after.problems).toBe(false);
      expect(after.stores).toEqual(before.stores);
      await openUnlockScreen(run.page);
      await new VaultPage(run.page).unlock(E2E_PASSPHRASE);
      expect(copies(await databases(run.page))).toEqual([]);
    };

    // Then: the old passphrase opens every record as it was; the torn copy is deleted at start.
    await expectAsBefore('the torn copy');

    // When: the rotation is killed just after the copy committed (before its new code shows).
    kill = await installKillSwitch(run.context, profile);
    rotate = await startRotation(run.page);
    await armKill(run.page, { at: 'commit', count: count(before) });
    await clickIntoKill(rotate);
    snapshot = await kill.killed;
    expect(snapshot.puts).toBeGreaterThanOrEqual(count(before));
    expect(snapshot.screen.some((l) => /Encryption key rotated/.test(l))).toBe(false);

    // Then: the copy was never confirmed, so the old passphrase opens every record, and the copy
    // is deleted when the app starts.
    await expectAsBefore('the committed copy');
    await run.context.close();
    expect(foreign).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
