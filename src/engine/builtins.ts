/**
 * The numbers an engine makes and the builtin functions of the language: day counts and their week, four-week and
 * month fractions (exact, see `Fraction`), decimal literals, and `dagen`, `weken`, `maanden`, `jaren`, `minimum`…
 * (period conventions per dsl/README.md). What is made once is kept in the engine's {@link RuntimeCache}.
 */
import type { Ir } from '../../dsl/index.js';
import { assertNever } from '../../dsl/core.js';
import { MONTH_UNITS, daysInclusive, monthsFraction, wholeYears } from '../calendar/dates.js';
import { Dec, compareDec, dec, fraction, isDec } from './decimal.js';
import type { SharedDecimals } from './decimal.js';
import { isPeriod } from './values.js';
import type { Period, Value } from './values.js';

/** Small non-negative integers and day counts as decimals, created once (decimals are immutable). */
class IntCache {
  private readonly values: (Dec | undefined)[] = [];
  constructor(
    private readonly make: (n: number) => Dec,
    private readonly shared: SharedDecimals,
    private readonly limit = 4096,
  ) {}
  get(n: number): Dec {
    if (n < 0 || n >= this.limit || !Number.isInteger(n)) return this.make(n);
    return (this.values[n] ??= this.shared.share(this.make(n)));
  }
}

const SEVEN = new Dec(7);
const TWENTY_EIGHT = new Dec(28);
const MONTH_UNITS_DEC = new Dec(MONTH_UNITS);

/**
 * The values an engine creates once and reuses: small integers and day counts, their week and four-week fractions
 * (a case asks for the same few again and again), month fractions (every one a whole number of 1/377580 months;
 * the parts of periods across a version boundary recur), and the decimal literals of the IR. Every map is bounded;
 * beyond its limit a value is computed every time.
 */
export class RuntimeCache {
  readonly decimals: SharedDecimals;
  private readonly ints: IntCache;
  readonly weeks: IntCache;
  readonly fourWeeks: IntCache;
  private readonly months = new Map<number, Dec>();
  private readonly literals = new Map<string, Dec>();

  constructor(decimals: SharedDecimals) {
    this.decimals = decimals;
    const ints = (this.ints = new IntCache((n) => new Dec(n), decimals));
    this.weeks = new IntCache((n) => fraction(ints.get(n), SEVEN), decimals);
    this.fourWeeks = new IntCache((n) => fraction(ints.get(n), TWENTY_EIGHT), decimals);
  }

  /** `n` as a decimal (cached for small non-negative integers). */
  int(n: number): Dec {
    return this.ints.get(n);
  }

  /** Calendar months of a period pro rata by days, as an exact fraction. */
  monthCount(p: Period): Dec {
    const f = monthsFraction(p.from, p.to);
    if (f.denominator !== MONTH_UNITS) return fraction(new Dec(f.numerator), new Dec(f.denominator));
    let d = this.months.get(f.numerator);
    if (d !== undefined) return d;
    d = fraction(new Dec(f.numerator), MONTH_UNITS_DEC);
    if (this.months.size < MONTHS_LIMIT) this.months.set(f.numerator, this.decimals.share(d));
    return d;
  }

  /** A decimal literal of the IR by its text, parsed once (bounded: in the editor every number typed is one). */
  literal(text: string): Dec {
    let d = this.literals.get(text);
    if (d === undefined) {
      d = this.decimals.share(dec(text));
      if (this.literals.size < MAX_LITERALS) this.literals.set(text, d);
    }
    return d;
  }
}

const MONTHS_LIMIT = 65_536;
const MAX_LITERALS = 100_000;

const dayCount = (p: Period): number => daysInclusive(p.from, p.to);

/** The builtin functions of the language (period conventions per dsl/README.md). */
export function call(fn: Ir.BuiltinFunction, args: readonly Value[], rc: RuntimeCache): Value {
  const [a, b] = args;
  switch (fn) {
    case 'dagen':
    case 'etmalen':
      return isPeriod(a) ? rc.int(dayCount(a)) : undefined;
    case 'weken':
      return isPeriod(a) ? rc.weeks.get(dayCount(a)) : undefined;
    case 'vierweken':
      return isPeriod(a) ? rc.fourWeeks.get(dayCount(a)) : undefined;
    case 'maanden':
      return isPeriod(a) ? rc.monthCount(a) : undefined;
    case 'begin':
      return isPeriod(a) ? a.from : undefined;
    case 'einde':
      return isPeriod(a) ? a.to : undefined;
    case 'jaren':
      return typeof a === 'string' && typeof b === 'string' ? rc.int(wholeYears(a, b)) : undefined;
    case 'minimum':
    case 'maximum': {
      const c =
        isDec(a) && isDec(b)
          ? compareDec(a, b)
          : typeof a === 'string' && typeof b === 'string'
            ? a < b
              ? -1
              : a > b
                ? 1
                : 0
            : undefined;
      if (c === undefined) return undefined;
      return (fn === 'minimum') === c <= 0 ? a : b;
    }
    default:
      return assertNever(fn);
  }
}

/** {@link call} with one argument, without an argument list for the period functions. */
export function call1(fn: Ir.BuiltinFunction, a: Value, rc: RuntimeCache): Value {
  switch (fn) {
    case 'dagen':
    case 'etmalen':
      return isPeriod(a) ? rc.int(dayCount(a)) : undefined;
    case 'weken':
      return isPeriod(a) ? rc.weeks.get(dayCount(a)) : undefined;
    case 'vierweken':
      return isPeriod(a) ? rc.fourWeeks.get(dayCount(a)) : undefined;
    default:
      return call(fn, [a], rc);
  }
}

/** Constant literal of the IR. */
export function constant(e: Ir.Expr & { kind: 'const' }, rc: RuntimeCache): Value {
  if (typeof e.value === 'boolean') return e.value;
  switch (e.type.kind) {
    case 'money':
    case 'rate':
    case 'quantity':
    case 'number':
    case 'percent':
      return rc.literal(e.value);
    default:
      return e.value;
  }
}
