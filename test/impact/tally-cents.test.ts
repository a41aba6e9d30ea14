/**
 * A tally adds cents as plain numbers while that is exact and moves them into bigints before it would not be
 * (src/impact/sums.ts): any sequence of additions gives the bigint sum, however large the amounts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCents } from '../../src/impact/sums.js';
import { newTally, settleTally } from '../../src/impact/tally.js';

const cents = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  // Near and at the largest pending size, and beyond it as bigints.
  fc.integer({ min: 2 ** 52 - 1000, max: 2 ** 52 }),
  fc.integer({ min: -(2 ** 52), max: -(2 ** 52) + 1000 }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
);

describe('the sums of a tally', () => {
  it('equal the bigint sum of every amount added, pending or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, fc.boolean()), { maxLength: 60 }), (adds) => {
        const t = newTally();
        let basis = 0n;
        let variant = 0n;
        for (const [c, toBasis] of adds) {
          addCents(t.totals, toBasis ? 'basis' : 'variant', c);
          if (toBasis) basis += BigInt(c);
          else variant += BigInt(c);
          expect(Math.abs(t.totals.basisPending)).toBeLessThanOrEqual(2 ** 52);
        }
        settleTally(t);
        expect(t.totals.basis).toBe(basis);
        expect(t.totals.variant).toBe(variant);
        expect(t.totals.basisPending).toBe(0);
        expect(t.totals.variantPending).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
