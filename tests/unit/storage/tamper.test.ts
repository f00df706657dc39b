/**
 * Tamper detection (security.md test 4): a bit flipped in the nonce, the ciphertext or the tag,
 * a ciphertext moved to another row or another store, an edited id: each is detected at unlock
 * and reported as a TamperError naming store and id, the row stays on disk (never silently
 * dropped), and reading it through its repository throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TamperError, Vault, newId, type StoredRecord } from '../../../src/storage';
import { PASSPHRASE, newVault, rawDelete, rawGet, rawPut, rawSnapshot } from './helpers';

type Row = { id: string; v: number; c: Uint8Array };

describe('tampered rows are detected and reported, never dropped', () => {
  let dbName: string;
  let vault: Vault;
  const cases: StoredRecord[] = Array.from({ length: 8 }, (_, i) => ({
    id: newId(),
    codeName: `Case ${i}`,
    n: i,
  }));
  const person: StoredRecord = { id: newId(), alias: 'Swift' };
  const editedId = newId();
  let result: Awaited<ReturnType<Vault['unlock']>>;
  let afterTamper: string;

  const flip = async (store: string, id: string, index: (c: Uint8Array) => number) => {
    const row = await rawGet<Row>(dbName, store, id);
    const c = new Uint8Array(row.c);
    c[index(c)]! ^= 0x01;
    await rawPut(dbName, store, { ...row, c });
  };

  beforeAll(async () => {
    ({ vault, dbName } = await newVault('tamper'));
    await vault.repo('cases').bulkPut(cases);
    await vault.repo('people').put(person);
    vault.lock();
    const [c0, c1, c2, c3, c4, c5, c6] = cases.map((c) => c.id);
    await flip('cases', c0!, () => 3); // nonce
    await flip('cases', c1!, () => 12 + 40); // ciphertext
    await flip('cases', c2!, (c) => c.length - 1); // tag
    // c of c4 copied into row c3 (moved to another row).
    const r4 = await rawGet<Row>(dbName, 'cases', c4!);
    await rawPut(dbName, 'cases', { id: c3, v: 1, c: r4.c });
    // c of a people row moved into cases under the same id (another store).
    const p = await rawGet<Row>(dbName, 'people', person.id);
    await rawPut(dbName, 'cases', { id: person.id, v: 1, c: p.c });
    // Row c5 re-keyed under a new id (edited id).
    const r5 = await rawGet<Row>(dbName, 'cases', c5!);
    await rawDelete(dbName, 'cases', c5!);
    await rawPut(dbName, 'cases', { id: editedId, v: 1, c: r5.c });
    // Row c6 with a bumped version number.
    const r6 = await rawGet<Row>(dbName, 'cases', c6!);
    await rawPut(dbName, 'cases', { ...r6, v: 2 });
    afterTamper = await rawSnapshot(dbName);
    vault = new Vault({ dbName });
    result = await vault.unlock(PASSPHRASE);
  });
  afterAll(() => vault.lock());

  const cases_ = () => cases.map((c) => c.id);

  it.each([
    ['a bit flipped in the nonce', 0],
    ['a bit flipped in the ciphertext', 1],
    ['a bit flipped in the tag', 2],
    ['a ciphertext moved from another row', 3],
    ['a bumped row version', 6],
  ])(
    'Given %s, When unlocked, Then a TamperError names cases and that id, and get() throws it',
    (_name, i) => {
      const id = cases_()[i]!;
      const err = result.tampered.find((e) => e.id === id);
      expect(err).toBeInstanceOf(TamperError);
      expect(err!.store).toBe('cases');
      expect(err!.message).toContain(`cases/${id}`);
      expect(() => vault.repo('cases').get(id)).toThrow(TamperError);
    },
  );

  it('Given a ciphertext moved from the people store into cases, When unlocked, Then it is reported for cases', () => {
    const err = result.tampered.find((e) => e.id === person.id && e.store === 'cases');
    expect(err).toBeInstanceOf(TamperError);
    // The genuine people row still opens.
    expect(vault.repo('people').get(person.id)).toEqual(person);
  });

  it('Given a row whose id was edited, When unlocked, Then the new id is reported and the content is not served under it', () => {
    expect(result.tampered.find((e) => e.id === editedId)?.store).toBe('cases');
    expect(() => vault.repo('cases').get(editedId)).toThrow(TamperError);
    expect(vault.repo('cases').get(cases_()[5]!)).toBeUndefined();
  });

  it('Given all those tampers, When unlocked, Then exactly the tampered rows are reported, the intact ones are served, and nothing was deleted', async () => {
    expect(result.tampered).toHaveLength(7);
    expect(
      vault
        .repo('cases')
        .list()
        .map((c) => c.id)
        .sort(),
    ).toEqual([cases_()[4], cases_()[7]].sort());
    expect(vault.repo('cases').get(cases_()[4]!)).toEqual(cases[4]);
    expect(vault.repo('cases').get(cases_()[7]!)).toEqual(cases[7]);
    expect(await rawSnapshot(dbName)).toBe(afterTamper);
  });
});
