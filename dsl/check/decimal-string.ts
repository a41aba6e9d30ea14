/**
 * Exact operations on decimal strings ("1234.56", "-0.5") without floats: comparison and the percent shift.
 * dsl/ does no arithmetic on amounts; these are the two things the checker and lowering need.
 */

function split(s: string): { neg: boolean; int: string; frac: string } {
  const neg = s.startsWith('-');
  const body = neg || s.startsWith('+') ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const int = (dot < 0 ? body : body.slice(0, dot)).replace(/^0+/, '');
  const frac = (dot < 0 ? '' : body.slice(dot + 1)).replace(/0+$/, '');
  const zero = int === '' && frac === '';
  return { neg: neg && !zero, int, frac };
}

function compareAbs(a: { int: string; frac: string }, b: { int: string; frac: string }): number {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const n = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(n, '0');
  const fb = b.frac.padEnd(n, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareDecimal(a: string, b: string): number {
  const x = split(a);
  const y = split(b);
  if (x.neg !== y.neg) return x.neg ? -1 : 1;
  const c = compareAbs(x, y);
  return x.neg ? -c : c;
}

/** Divides by 100 by shifting the decimal point: "2.85" → "0.0285", "100" → "1", "-5" → "-0.05". */
export function percentToFraction(s: string): string {
  const { neg, int, frac } = split(s);
  const digits = int.padStart(3, '0') + frac;
  const point = digits.length - frac.length - 2;
  const newInt = digits.slice(0, point).replace(/^0+/, '') || '0';
  const newFrac = digits.slice(point).replace(/0+$/, '');
  const out = newFrac === '' ? newInt : `${newInt}.${newFrac}`;
  return neg && out !== '0' ? `-${out}` : out;
}

/**
 * A written tariff with indexations applied, for a message (RW4301 quotes the tariff in force): exact BigInt
 * arithmetic on decimal strings, each step × (1 + fraction) then its declared rounding, as the engine does
 * (src/engine/indexation.ts). The result is shown with two decimals, rounded half up. Display only: the engine
 * stays the one place that prices.
 */
export function indexedForDisplay(
  written: string,
  steps: readonly { readonly fraction: string; readonly decimals?: number; readonly mode?: string }[],
): string {
  let v = scaled(written);
  for (const s of steps) {
    const f = scaled(s.fraction);
    const one = 10n ** BigInt(f.scale);
    v = { n: v.n * (one + f.n), scale: v.scale + f.scale };
    if (s.decimals !== undefined) v = roundScaled(v, s.decimals, s.mode ?? 'half_omhoog');
  }
  const r = roundScaled(v, 2, 'half_omhoog');
  const n = r.n * 10n ** BigInt(2 - Math.min(r.scale, 2));
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -2)},${digits.slice(-2)}`;
}

function scaled(s: string): { n: bigint; scale: number } {
  const { neg, int, frac } = split(s);
  const n = BigInt((int || '0') + frac);
  return { n: neg ? -n : n, scale: frac.length };
}

function roundScaled(
  v: { n: bigint; scale: number },
  decimals: number,
  mode: string,
): { n: bigint; scale: number } {
  if (v.scale <= decimals) return v;
  const d = 10n ** BigInt(v.scale - decimals);
  let q = v.n / d;
  const r = v.n % d;
  const sign = v.n < 0n ? -1n : 1n;
  const twice = 2n * (r < 0n ? -r : r);
  if (r !== 0n) {
    if (mode === 'omlaag') q = v.n < 0n ? q - 1n : q;
    else if (mode === 'omhoog') q = v.n > 0n ? q + 1n : q;
    else if (mode === 'half_even') q = twice > d || (twice === d && q % 2n !== 0n) ? q + sign : q;
    else q = twice >= d ? q + sign : q;
  }
  return { n: q, scale: decimals };
}
