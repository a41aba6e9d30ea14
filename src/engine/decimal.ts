/**
 * The only module that imports decimal.js. Money and every other numeric value in the engine is a {@link Dec}:
 * 40 significant digits, ROUND_HALF_UP for intermediate results. Rounding happens only where the rules say so.
 *
 * Rounding modes of the language (dsl/README.md, "Afronding"):
 * - `half_omhoog` (half naar boven): ROUND_HALF_UP, ties away from zero (2,345 → 2,35; -2,345 → -2,35).
 * - `half_even` (half naar even): ROUND_HALF_EVEN, banker's rounding (2,345 → 2,34; 2,355 → 2,36).
 * - `omlaag` (naar beneden): ROUND_FLOOR, toward -∞ (2,349 → 2,34; -2,341 → -2,35).
 * - `omhoog` (naar boven): ROUND_CEIL, toward +∞ (2,341 → 2,35; -2,349 → -2,34).
 * Amounts in tariff rules are non-negative, where floor/ceil coincide with toward/away from zero.
 */
import { Decimal as DecimalBase } from 'decimal.js';
import type { Ir } from '../../dsl/index.js';
import { roundedQuotient } from './exact-round.js';

/** Significant digits of every computed decimal. */
export const PRECISION = 40;

export const Dec = DecimalBase.clone({
  precision: PRECISION,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -50,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** A decimal from an IR decimal string (trusted). */
export const dec = (s: string | number): Dec => new Dec(s);

/** Parse a decimal from untrusted input: a JSON number or a plain decimal string ("12.50"); undefined otherwise. */
export function parseDecimal(v: unknown): Dec | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? new Dec(String(v)) : undefined;
  if (typeof v === 'string' && v.length <= 60 && DECIMAL_TEXT.test(v.trim())) return new Dec(v.trim());
  return undefined;
}

export const isDec = (v: unknown): v is Dec => v instanceof Dec;

/**
 * An exact quotient of two decimals: its value (the decimal it is, for comparing, formatting and any operation
 * that does not know fractions) is `numerator / denominator` at the working precision, and it keeps both. The
 * engine makes them for day fractions (weeks = days / 7, four-week periods = days / 28, months = a count of
 * 1/377580 months) and for every division: 25/7 as a decimal has to be cut off at 40 digits, and a product with it
 * would then land just below a half cent (64,18 × 0,35 × 25/7 = 80,225 exactly, but 80,22499… with the cut-off
 * weeks). {@link plus}, {@link minus}, {@link times} and {@link divide} compute with the numerators and
 * denominators and divide last, so `(weken(periode) + weken(periode)) / 2 × € 22,463` is exactly 80,225.
 */
export class Fraction extends Dec {
  /** The quotient at the working precision, computed on first use (see below). */
  private quotient: Dec | undefined = undefined;

  constructor(
    readonly numerator: Dec,
    readonly denominator: Dec,
  ) {
    // The digits, exponent and sign are the quotient's, read through the accessors defined below: the
    // constructor's own writes of them go nowhere.
    super(0);
  }

  /** The quotient `numerator / denominator` at the working precision, computed once. */
  get value(): Dec {
    return (this.quotient ??= this.numerator.div(this.denominator));
  }
}

/*
 * A fraction's value is computed only when something reads it. The fraction operations below compute with
 * numerators and denominators, so a chain such as `tarief × weken(periode) × norm / uurtarief` divides once, at
 * the end (40-digit divisions were the costliest step of pricing), instead of once per step. decimal.js reads a
 * decimal's digits (`d`), exponent (`e`) and sign (`s`) as properties and never writes those of an existing
 * instance (its decimals are immutable: every operation copies first), so on a fraction they are accessors of its
 * quotient; the one write, by the decimal.js constructor that `super` runs, is ignored.
 */
for (const key of ['d', 'e', 's'] as const)
  Object.defineProperty(Fraction.prototype, key, {
    get(this: Fraction) {
      return this.value[key];
    },
    set() {},
    configurable: false,
    enumerable: true,
  });

/**
 * `a.comparedTo(b)` without the copy of `b` that decimal.js makes first (a third of the time of a comparison):
 * -1, 0 or 1, NaN when either is NaN. The same steps as decimal.js's `cmp` on the same digits, exponent and sign
 * (a fraction's are its quotient's).
 */
export function compareDec(a: Dec, b: Dec): number {
  const xd = a.d as number[] | null;
  const yd = b.d as number[] | null;
  const xs = a.s;
  const ys = b.s;
  // NaN or ±Infinity.
  if (!xd || !yd) {
    if (!xs || !ys) return NaN;
    if (xs !== ys) return xs;
    if (xd === yd) return 0;
    return !xd !== xs < 0 ? 1 : -1;
  }
  // Either zero.
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (a.e !== b.e) return a.e > b.e !== xs < 0 ? 1 : -1;
  const n = Math.min(xd.length, yd.length);
  for (let i = 0; i < n; i++) {
    const x = xd[i] as number;
    const y = yd[i] as number;
    if (x !== y) return x > y !== xs < 0 ? 1 : -1;
  }
  return xd.length === yd.length ? 0 : xd.length > yd.length !== xs < 0 ? 1 : -1;
}

/** `numerator / denominator` as an exact {@link Fraction}. */
export const fraction = (numerator: Dec, denominator: Dec): Fraction => new Fraction(numerator, denominator);

/**
 * `a × b`, exact when either is a {@link Fraction}: `a × n / d` (division last) gives the exact product whenever
 * it has at most 40 significant digits, so rounding it to cents is never off by a cut-off digit.
 */
export function times(a: Dec, b: Dec): Dec {
  if (b instanceof Fraction) {
    if (a instanceof Fraction)
      return new Fraction(a.numerator.times(b.numerator), a.denominator.times(b.denominator));
    return new Fraction(a.times(b.numerator), b.denominator);
  }
  if (a instanceof Fraction) return new Fraction(a.numerator.times(b), a.denominator);
  // `x × 1` is `x` itself when within the working precision (a product is rounded to it): the same decimal, so
  // what an engine remembers per shared decimal (a rate's part figures: rate × weeks, rounded) is found again
  // for a rate written `tarief × (als … dan 1 anders factor)`.
  if (isOne(b) && a.sd() <= PRECISION) return a;
  if (isOne(a) && b.sd() <= PRECISION) return b;
  return a.times(b);
}

/** Whether a decimal (not a fraction) is exactly 1: one digit word 1, exponent 0, positive. */
function isOne(x: Dec): boolean {
  const digits = x.d as number[] | null;
  return x.e === 0 && x.s === 1 && digits !== null && digits.length === 1 && digits[0] === 1;
}

/** `a + b`, exact when either is a {@link Fraction} (a fraction again, over the common denominator). */
export function plus(a: Dec, b: Dec): Dec {
  if (!(a instanceof Fraction) && !(b instanceof Fraction)) return a.plus(b);
  return sumOfFractions(a, b, false);
}

/** `a - b`, exact when either is a {@link Fraction}. */
export function minus(a: Dec, b: Dec): Dec {
  if (!(a instanceof Fraction) && !(b instanceof Fraction)) return a.minus(b);
  return sumOfFractions(a, b, true);
}

function sumOfFractions(a: Dec, b: Dec, subtract: boolean): Fraction {
  const an = a instanceof Fraction ? a.numerator : a;
  const ad = a instanceof Fraction ? a.denominator : ONE;
  const bn = b instanceof Fraction ? b.numerator : b;
  const bd = b instanceof Fraction ? b.denominator : ONE;
  if (ad.eq(bd)) return new Fraction(subtract ? an.minus(bn) : an.plus(bn), ad);
  const left = an.times(bd);
  const right = bn.times(ad);
  return new Fraction(subtract ? left.minus(right) : left.plus(right), ad.times(bd));
}

/** `a / b` as an exact {@link Fraction}; undefined when `b` is zero. */
export function divide(a: Dec, b: Dec): Fraction | undefined {
  // A fraction is zero when its numerator is (its denominator never is): no division to ask.
  if ((b instanceof Fraction ? b.numerator : b).isZero()) return undefined;
  const an = a instanceof Fraction ? a.numerator : a;
  const ad = a instanceof Fraction ? a.denominator : ONE;
  const bn = b instanceof Fraction ? b.numerator : b;
  const bd = b instanceof Fraction ? b.denominator : ONE;
  return new Fraction(an.times(bd), ad.times(bn));
}

/** `-a`, a fraction again when `a` is one. */
export const negated = (a: Dec): Dec =>
  a instanceof Fraction ? new Fraction(a.numerator.neg(), a.denominator) : a.neg();

const MODES: Record<Ir.RoundingMode, DecimalBase.Rounding> = {
  half_omhoog: DecimalBase.ROUND_HALF_UP,
  half_even: DecimalBase.ROUND_HALF_EVEN,
  omlaag: DecimalBase.ROUND_FLOOR,
  omhoog: DecimalBase.ROUND_CEIL,
};

/**
 * Round to `decimals` places with the declared mode. A fraction of safe integers is rounded without its 40-digit
 * quotient (exact-round.ts: the same result); a decimal that has no more places is itself the result.
 */
export function roundDec(d: Dec, r: Ir.Rounding): Dec {
  if (d instanceof Fraction) {
    const text = roundedQuotient(d.numerator, d.denominator, r.decimals, r.mode);
    if (text !== undefined) return new Dec(text);
  } else if (d.decimalPlaces() <= r.decimals) return d;
  return d.toDecimalPlaces(r.decimals, MODES[r.mode]);
}

/** Money as a string with exactly two decimals ("1234.50"); rounds half up only if given more decimals. */
export function moneyString(d: Dec): string {
  const places = d.decimalPlaces();
  // Already at most two decimals (an amount rounded to cents): only pad, without a rounded copy.
  if (places === 0) return `${d.toFixed()}.00`;
  if (places === 1) return `${d.toFixed()}0`;
  if (places === 2) return d.toFixed();
  return d.toFixed(2, DecimalBase.ROUND_HALF_UP);
}

/** Money text of a non-negative safe integer number of cents: 123450 → "1234.50" (as {@link moneyString}). */
export function moneyOfCents(cents: number): string {
  // Integer arithmetic only: the remainder is exact, and so is dividing the rest by 100.
  const rest = cents % 100;
  return `${(cents - rest) / 100}.${rest < 10 ? '0' : ''}${rest}`;
}

/** A plain decimal string with at most `maxDecimals` decimals (trailing zeros dropped): "25.857143", "40". */
export const plainString = (d: Dec, maxDecimals = 6): string =>
  roundDec(d, { decimals: maxDecimals, mode: 'half_omhoog' }).toFixed();

/**
 * The decimals an engine keeps and reuses (cached day counts, literals, loaded table cells and parameters), and
 * their texts. Results derived from a shared decimal are worth remembering per instance; any other decimal (parsed
 * from a case, computed) is fresh: remembering results for it would only fill weak maps with entries that are
 * never hit again. Owned by an engine (see EngineCache); weak, so it holds nothing the engine let go.
 */
export class SharedDecimals {
  private readonly shared = new WeakSet<Dec>();
  private readonly plain = new WeakMap<Dec, string>();
  private readonly rate = new WeakMap<Dec, string>();

  share(d: Dec): Dec {
    this.shared.add(d);
    return d;
  }

  isShared(d: Dec): boolean {
    return this.shared.has(d);
  }

  /** {@link plainString} with 6 decimals, remembered per shared instance (decimals are immutable). */
  plainText(d: Dec): string {
    if (!this.shared.has(d)) return plainString(d, 6);
    let text = this.plain.get(d);
    if (text === undefined) this.plain.set(d, (text = plainString(d, 6)));
    return text;
  }

  /** {@link rateString}, remembered per shared instance. */
  rateText(d: Dec): string {
    if (!this.shared.has(d)) return rateString(d);
    let text = this.rate.get(d);
    if (text === undefined) this.rate.set(d, (text = rateString(d)));
    return text;
  }
}

/** A rate as a string with at least two decimals ("131.00", "0.45", "0.125"). */
export const rateString = (d: Dec): string => (d.decimalPlaces() <= 2 ? d.toFixed(2) : plainString(d, 6));

/** Dutch notation: thousands with '.', decimals with ','. `decimals` fixed, or up to `max` when undefined. */
export function dutch(d: Dec, decimals?: number, max = 6): string {
  const rounded = decimals === undefined ? d.toDecimalPlaces(max, DecimalBase.ROUND_HALF_UP) : d;
  const text = decimals === undefined ? rounded.toFixed() : d.toFixed(decimals, DecimalBase.ROUND_HALF_UP);
  const neg = text.startsWith('-');
  const [int = '0', frac] = (neg ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const inexact = decimals === undefined && !rounded.eq(d) ? '…' : '';
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}${inexact}`;
}

/** "€ 3.387,29". */
export const euro = (d: Dec): string => `€ ${dutch(d, 2)}`;

/**
 * Sum of decimals: `0 + x1 + x2 + …` at the working precision. `0 + x1` is `x1` itself when it has at most
 * {@link PRECISION} significant digits, so that addition is skipped then.
 */
export function sum(xs: readonly Dec[]): Dec {
  const [first] = xs;
  if (first === undefined) return ZERO;
  let total = first.sd() <= PRECISION ? first : ZERO.plus(first);
  for (let i = 1; i < xs.length; i++) total = total.plus(xs[i] as Dec);
  return total;
}
