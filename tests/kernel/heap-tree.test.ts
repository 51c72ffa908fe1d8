import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { MaxTree } from '../../kernel/heap/tree.js';

type Op = { kind: 'set'; leaf: number; value: number } | { kind: 'find'; min: number } | { kind: 'max' };

function firstAtLeast(values: number[], min: number): number {
  return values.findIndex((v) => v >= min);
}

describe('MaxTree', () => {
  test('falls reach max and searches even when they were never walked up', () => {
    const tree = new MaxTree(8);
    tree.set(5, 100);
    tree.set(2, 40);
    expect(tree.findFirst(50)).toBe(5);
    tree.set(5, 30); // the ancestors of leaf 5 still say 100
    tree.set(5, 20);
    expect(tree.max).toBe(40);
    expect(tree.findFirst(35)).toBe(2);
    expect(tree.findFirst(41)).toBe(-1);
  });

  test('a search next to the previous answer sees a rise to its left', () => {
    const tree = new MaxTree(16);
    tree.set(9, 64);
    expect(tree.findFirst(32)).toBe(9);
    expect(tree.findFirst(32)).toBe(9);
    tree.set(3, 48);
    expect(tree.findFirst(32)).toBe(3);
    expect(tree.findFirst(50)).toBe(9);
  });

  test('random sets, searches and max queries match a linear scan', () => {
    const leaves = 37;
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), leaf: fc.integer({ min: 0, max: leaves - 1 }), value: fc.integer({ min: 0, max: 64 }) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('find' as const), min: fc.integer({ min: 1, max: 66 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('max' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op as fc.Arbitrary<Op>, { maxLength: 300 }), (ops) => {
        const tree = new MaxTree(leaves);
        const values = new Array<number>(leaves).fill(0);
        for (const o of ops) {
          if (o.kind === 'set') {
            tree.set(o.leaf, o.value);
            values[o.leaf] = o.value;
          } else if (o.kind === 'find') {
            expect(tree.findFirst(o.min)).toBe(firstAtLeast(values, o.min));
          } else {
            expect(tree.max).toBe(Math.max(...values));
          }
          expect(tree.get(3)).toBe(values[3]);
        }
        tree.clear();
        expect(tree.max).toBe(0);
        expect(tree.findFirst(1)).toBe(-1);
      }),
      { numRuns: 400 },
    );
  });
});
