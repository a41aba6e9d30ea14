/**
 * Rounding a quotient `n / d` of two decimals to a few places without the 40-digit division: the short way of
 * `roundDec` for a {@link Fraction} (decimal.ts), the costliest step of pricing a case before it existed.
 *
 * When both decimals are at most 2^53 as whole numbers of their last place, the quotient scaled to the places
 * wanted, `A / B`, is computed exactly with safe integers (a quotient and a remainder). That gives the same result
 * as rounding the 40-digit quotient (what `roundDec` does the long way): with `B < 2^53` a remainder that is not
 * zero is at least `1 / B > 10^-16` from a whole number and from a half, while the 40-digit quotient differs from
 * the exact one by less than `10^-24` in those units (the whole part has at most 16 digits), so it never crosses
 * what the final rounding looks at. Anything else (larger numbers, zero, a non-finite value) is left to the long
 * way (`undefined`).
 */
import type { Ir } from '../../dsl/index.js';

/** The parts of a decimal.js value: base-1e7 words (most significant first), decimal exponent, sign. */
export interface DecimalParts {
  readonly d: readonly number[] | null;
  readonly e: number;
  readonly s: number;
}

const WORD = 1e7;
const SAFE = Number.MAX_SAFE_INTEGER;

/** A decimal as `coefficient × 10^exponent` with a safe integer coefficient, trailing zeros removed. */
interface Scaled {
  coefficient: number;
  exponent: number;
}

/** `x` as a whole coefficient and a power of ten, or undefined when it is zero, not finite or too long. */
function scaled(x: DecimalParts, into: Scaled): boolean {
  const words = x.d;
  if (words === null || words.length === 0 || words.length > 3) return false;
  let c = 0;
  for (let i = 0; i < words.length; i++) {
    if (c > (SAFE - (words[i] as number)) / WORD) return false;
    c = c * WORD + (words[i] as number);
  }
  if (c === 0) return false;
  // The first word holds the digits down to 10^(7·floor(e/7)); each further word 7 places lower.
  let exponent = 7 * (Math.floor(x.e / 7) - (words.length - 1));
  while (c % 10 === 0) {
    c /= 10;
    exponent++;
  }
  into.coefficient = c;
  into.exponent = exponent;
  return true;
}

/** `c × 10^k` when it stays a safe integer, else -1. */
function shifted(c: number, k: number): number {
  let v = c;
  for (let i = 0; i < k; i++) {
    if (v > SAFE / 10) return -1;
    v *= 10;
  }
  return v;
}

/** Whether the rounded magnitude goes one up, by the mode, the sign, the remainder and the last digit kept. */
function roundsUp(mode: Ir.RoundingMode, negative: boolean, q: number, r: number, b: number): boolean {
  if (r === 0) return false;
  switch (mode) {
    case 'half_omhoog':
      return 2 * r >= b;
    case 'half_even':
      return 2 * r > b || (2 * r === b && q % 2 === 1);
    case 'omlaag':
      return negative;
    case 'omhoog':
      return !negative;
    default:
      return mode satisfies never;
  }
}

/**
 * `n / d` rounded to `decimals` places with `mode`, as a plain decimal text ("26703.04", "-0.50"), or undefined
 * when the short way does not apply (see above).
 */
export function roundedQuotient(
  n: DecimalParts,
  d: DecimalParts,
  decimals: number,
  mode: Ir.RoundingMode,
): string | undefined {
  if (decimals < 0 || decimals > 12) return undefined;
  const sn: Scaled = { coefficient: 0, exponent: 0 };
  const sd: Scaled = { coefficient: 0, exponent: 0 };
  if (!scaled(n, sn) || !scaled(d, sd)) return undefined;
  // n / d × 10^decimals = (cn / cd) × 10^t.
  const t = sn.exponent - sd.exponent + decimals;
  const a = t >= 0 ? shifted(sn.coefficient, t) : sn.coefficient;
  const b = t >= 0 ? sd.coefficient : shifted(sd.coefficient, -t);
  if (a < 0 || b < 0) return undefined;
  const r = a % b;
  const q = (a - r) / b;
  const negative = n.s * d.s < 0;
  const whole = roundsUp(mode, negative, q, r, b) ? q + 1 : q;
  if (whole > SAFE) return undefined;
  let digits = String(whole);
  if (decimals > 0) {
    if (digits.length <= decimals) digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
  }
  return negative ? `-${digits}` : digits;
}
