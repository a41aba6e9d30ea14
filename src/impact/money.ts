/**
 * Exact sums of money for impact analysis, in whole cents as bigint: an evaluation's amounts are decimal strings
 * with two decimals ("1234.50"), so cents are exact, and bigint adds a hundred thousand beschikkingen' worth of
 * breakdowns far faster than decimal objects would. No amount is ever a JavaScript number.
 */

const MONEY = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Cents of a money string ("1234.5" and "1234.50" alike); throws on anything else (an engine bug). */
export function cents(amount: string): bigint {
  // The common form, "1234.50": the digits without the point are the cents.
  const n = amount.length;
  if (n >= 4 && amount.charCodeAt(n - 3) === 46 && amount.charCodeAt(0) !== 45) {
    const digits = amount.slice(0, n - 3) + amount.slice(n - 2);
    if (/^\d+$/.test(digits)) return BigInt(digits);
  }
  const m = MONEY.exec(amount);
  if (!m) throw new Error(`bedrag '${amount}' is geen geldbedrag in centen`);
  const value = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -value : value;
}

/** "1234.50", "-0.05". */
export function moneyText(c: bigint): string {
  const negative = c < 0n;
  const abs = negative ? -c : c;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** `part / whole × 100` with two decimals, half away from zero; null when `whole` is zero. */
export function percentage(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  // In hundredths of a percent: part × 10000 / whole, rounded half away from zero.
  const num = abs(part) * 10000n * 2n + abs(whole);
  const hundredths = num / (2n * abs(whole));
  const negative = part < 0n !== whole < 0n && part !== 0n;
  return moneyText(negative ? -hundredths : hundredths);
}

export { abs as absCents };
