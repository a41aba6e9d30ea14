/**
 * Sums of cents for an impact tally. Adding goes first into a plain number of cents per sum (`…Pending`), exact
 * while it stays a safe integer: a sum is moved into its bigint before it could leave that range
 * ({@link addCents}), and {@link settle} moves what is pending before sums are merged or reported. (A bigint per
 * addition cost ~10 % of pricing a caseload.)
 */
import { cents } from './money.js';

export interface Sum {
  basis: bigint;
  variant: bigint;
  /** Cents added to `basis` / `variant` but not yet moved into them (safe integers; see {@link addCents}). */
  basisPending: number;
  variantPending: number;
  count: number;
}

export interface CellSum {
  basis: bigint;
  variant: bigint;
  basisPending: number;
  variantPending: number;
  basisCount: number;
  variantCount: number;
}

/** Pending cents stay within ±2^52, so adding one more amount of at most 2^52 cents is exact in a double. */
const PENDING_LIMIT = 2 ** 52;

/** Amounts in cents as numbers: a safe integer of at most 2^52 in size, or a bigint when larger (rare). */
export type Cents = number | bigint;

/** Adds cents to one side of a sum, exactly. */
export function addCents(s: Sum | CellSum, side: 'basis' | 'variant', c: Cents): void {
  if (typeof c === 'bigint') {
    s[side] += c;
    return;
  }
  const key = side === 'basis' ? 'basisPending' : 'variantPending';
  const next = s[key] + c;
  if (next > PENDING_LIMIT || next < -PENDING_LIMIT) {
    s[side] += BigInt(s[key]) + BigInt(c);
    s[key] = 0;
  } else s[key] = next;
}

/** Moves the pending cents of one sum into its bigints. */
export function settle(s: Sum | CellSum): void {
  if (s.basisPending !== 0) s.basis += BigInt(s.basisPending);
  if (s.variantPending !== 0) s.variant += BigInt(s.variantPending);
  s.basisPending = 0;
  s.variantPending = 0;
}

/** Cents of a money string as a number when its size is at most 2^52, else as a bigint (see `cents`). */
export function centsOf(amount: string): Cents {
  const n = amount.length;
  // The common form, "1234.50", with at most 15 digits: the digits without the point are the cents.
  if (n >= 4 && n <= 16 && amount.charCodeAt(n - 3) === 46 && amount.charCodeAt(0) !== 45) {
    let c = 0;
    for (let i = 0; i < n; i++) {
      if (i === n - 3) continue;
      const d = amount.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return cents(amount);
      c = c * 10 + d;
    }
    return c;
  }
  return cents(amount);
}
