/**
 * A fraction computes its quotient only when read (decimal.ts): read through every kind of decimal.js operation,
 * it is the decimal `numerator / denominator`, and products by one return the other factor itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, Fraction, divide, fraction, plus, roundDec, times } from '../../src/engine/decimal.js';

const decimal = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([n, places]) => new Dec(n).div(10 ** places));
const nonZero = decimal.filter((d) => !d.isZero());

describe('a fraction read lazily', () => {
  it('is numerator / denominator for every operation that reads it', () => {
    fc.assert(
      fc.property(decimal, nonZero, decimal, (n, d, other) => {
        const f = fraction(n, d);
        const q = n.div(d);
        expect(f.toFixed()).toBe(q.toFixed());
        expect(f.eq(q)).toBe(true);
        expect(f.comparedTo(other)).toBe(q.comparedTo(other));
        expect(f.plus(other).toFixed()).toBe(q.plus(other).toFixed());
        expect(other.times(f).toFixed()).toBe(other.times(q).toFixed());
        expect(f.toDecimalPlaces(2).toFixed()).toBe(q.toDecimalPlaces(2).toFixed());
        expect(f.isZero()).toBe(q.isZero());
        expect(f.isNegative()).toBe(q.isNegative());
        expect(f.sd()).toBe(q.sd());
        expect(f.neg().toFixed()).toBe(q.neg().toFixed());
        expect(f.abs().toFixed()).toBe(q.abs().toFixed());
        // Operations on the fraction copy it: the fraction itself never changes.
        expect(f.toFixed()).toBe(q.toFixed());
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a chain of fraction operations exact, dividing once', () => {
    // € 22,463 × 25/7 weeks × 0,8 / 64,80 hours, rounded: the same as the decimal computation with exact steps.
    const weeks = fraction(new Dec(25), new Dec(7));
    const hours = divide(times(times(new Dec('22.463'), weeks), new Dec('0.8')), new Dec('64.80'));
    expect(hours).toBeInstanceOf(Fraction);
    const exact = new Dec('22.463').times(25).times('0.8').div(new Dec(7).times('64.80'));
    expect(roundDec(hours as Dec, { decimals: 2, mode: 'half_omhoog' }).toFixed()).toBe(
      exact.toDecimalPlaces(2).toFixed(),
    );
    expect(plus(weeks, weeks).toFixed()).toBe(new Dec(50).div(7).toFixed());
  });

  it('a fraction whose numerator is zero divides nothing (zero divisor)', () => {
    expect(divide(new Dec(1), fraction(new Dec(0), new Dec(7)))).toBeUndefined();
  });

  it('× 1 gives the other factor itself', () => {
    const rate = new Dec('104.29');
    expect(times(rate, new Dec(1))).toBe(rate);
    expect(times(new Dec('1.0'), rate)).toBe(rate);
    expect(times(rate, new Dec('1.5')).toFixed()).toBe('156.435');
    expect(times(rate, new Dec(10)).toFixed()).toBe('1042.9');
  });
});
