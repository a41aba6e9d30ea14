/**
 * Comparing two decimals without decimal.js's copy gives what `comparedTo` gives. Rounding a fraction the short way (exact-round.ts, safe integers) gives exactly what rounding its 40-digit
 * quotient gives (decimal.js), for every rounding mode, sign and size, zero's sign included; and a decimal with no
 * more places than asked is returned as it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import type { Decimal } from 'decimal.js';
import { Dec, Fraction, compareDec, plainString, rateString, roundDec } from '../../src/engine/decimal.js';
import { roundedQuotient } from '../../src/engine/exact-round.js';

const MODES: Record<Ir.RoundingMode, Decimal.Rounding> = {
  half_omhoog: Dec.ROUND_HALF_UP,
  half_even: Dec.ROUND_HALF_EVEN,
  omlaag: Dec.ROUND_FLOOR,
  omhoog: Dec.ROUND_CEIL,
};
const mode = fc.constantFrom<Ir.RoundingMode>('half_omhoog', 'half_even', 'omlaag', 'omhoog');

/** Decimals of every size: small and large whole numbers, cents, many places, trailing zeros, both signs. */
const decimal = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: -99, max: 99 }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }),
    ),
    fc.integer({ min: -8, max: 12 }),
  )
  .map(([n, shift]) => new Dec(String(n)).times(new Dec(10).pow(-shift)));
const nonZero = decimal.filter((d) => !d.isZero());

/** The same decimal: value, sign (of zero too) and representation. */
const same = (a: Dec, b: Dec): void => {
  expect(a.toFixed()).toBe(b.toFixed());
  expect([a.s, a.e, a.d]).toEqual([b.s, b.e, b.d]);
};

describe('rounding a fraction without its 40-digit quotient', () => {
  it('equals rounding the quotient, in every mode', () => {
    fc.assert(
      fc.property(decimal, nonZero, fc.integer({ min: 0, max: 6 }), mode, (n, d, decimals, m) => {
        const got = roundDec(new Fraction(n, d), { decimals, mode: m });
        same(got, n.div(d).toDecimalPlaces(decimals, MODES[m]));
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the short way for amounts of money and leaves huge numbers to decimal.js', () => {
    const weeks = new Fraction(new Dec('64.18').times('0.35').times(25), new Dec(7));
    expect(roundedQuotient(weeks.numerator, weeks.denominator, 2, 'half_omhoog')).toBe('80.23');
    expect(roundedQuotient(new Dec('-1'), new Dec('3'), 2, 'omlaag')).toBe('-0.34');
    expect(roundedQuotient(new Dec('-1'), new Dec('300'), 2, 'half_omhoog')).toBe('-0.00');
    expect(roundedQuotient(new Dec('1e30'), new Dec('3'), 2, 'half_omhoog')).toBeUndefined();
    expect(roundedQuotient(new Dec('0'), new Dec('3'), 2, 'half_omhoog')).toBeUndefined();
  });

  it('returns a decimal with no more places than asked as it is, and rounds others as decimal.js', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 6 }), mode, (x, decimals, m) => {
        const got = roundDec(x, { decimals, mode: m });
        same(got, x.toDecimalPlaces(decimals, MODES[m]));
        if (x.decimalPlaces() <= decimals) expect(got).toBe(x);
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes plain texts and rates as rounding with decimal.js does, fractions included', () => {
    const any = fc.oneof(
      decimal,
      fc.tuple(decimal, nonZero).map(([n, d]) => new Fraction(n, d)),
    );
    fc.assert(
      fc.property(any, fc.integer({ min: 0, max: 8 }), (x, decimals) => {
        expect(plainString(x, decimals)).toBe(x.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toFixed());
        expect(rateString(x)).toBe(
          x.decimalPlaces() <= 2 ? x.toFixed(2) : x.toDecimalPlaces(6, Dec.ROUND_HALF_UP).toFixed(),
        );
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('comparing decimals without a copy', () => {
  const special = fc.constantFrom(
    new Dec(0),
    new Dec(-0),
    new Dec(NaN),
    new Dec(Infinity),
    new Dec(-Infinity),
  );
  const any = fc.oneof(
    decimal,
    special,
    fc.tuple(decimal, nonZero).map(([n, d]) => new Fraction(n, d)),
  );

  it('equals comparedTo for decimals, fractions, zeros of both signs, NaN and infinities', () => {
    fc.assert(
      fc.property(any, any, (a, b) => {
        expect(compareDec(a, b)).toBe(a.comparedTo(b));
        expect(compareDec(a, a)).toBe(a.comparedTo(a));
      }),
      { numRuns: 20_000 },
    );
  });
});
