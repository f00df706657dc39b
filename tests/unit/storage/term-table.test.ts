/**
 * The integrity manifest's per-row terms, packed in one buffer per store (integrity.ts): every
 * sequence of sets and deletes leaves the same terms, sizes and digest as a Map of separate arrays,
 * including across slot reuse and growth past the first buffer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermTable } from '../../../src/storage/integrity';

const term = (seed: number): Uint8Array =>
  Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) & 0xff);

function xorAll(terms: Iterable<Uint8Array>): Uint8Array {
  const d = new Uint8Array(32);
  for (const t of terms) for (let i = 0; i < 32; i++) d[i] = (d[i] as number) ^ (t[i] as number);
  return d;
}

describe('TermTable', () => {
  it('behaves like a map of 32-byte terms under any sets and deletes', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        id: fc.integer({ min: 0, max: 150 }),
        seed: fc.nat(1000),
      }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 150 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const table = new TermTable();
        const model = new Map<string, Uint8Array>();
        for (const o of ops) {
          const id = `id${o.id}`;
          if (o.kind === 'set') {
            const t = term(o.seed);
            table.set(id, t);
            model.set(id, t);
          } else {
            expect(table.delete(id)).toBe(model.delete(id));
          }
        }
        expect(table.size).toBe(model.size);
        expect([...table.keys()].sort()).toEqual([...model.keys()].sort());
        for (let i = 0; i <= 150; i++) {
          const id = `id${i}`;
          const d = new Uint8Array(32);
          expect(table.xorInto(d, id)).toBe(model.has(id));
          expect(d).toEqual(model.get(id) ?? new Uint8Array(32));
        }
        const digest = new Uint8Array(32);
        for (const id of table.keys()) table.xorInto(digest, id);
        expect(digest).toEqual(xorAll(model.values()));
      }),
    );
  });

  it('keeps its own copy of a term', () => {
    const table = new TermTable();
    const t = term(5);
    table.set('a', t);
    t.fill(0);
    const d = new Uint8Array(32);
    table.xorInto(d, 'a');
    expect(d).toEqual(term(5));
  });
});
