/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) without clock or locale: day numbers are days since 1970-01-01
 * in the proleptic Gregorian calendar, computed with UTC so no time zone can shift them.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Is `s` a real calendar date in ISO notation between 1900 and 2199? */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, month: number): number {
  if (month === 2) return isLeapYear(y) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year, month (1-12), day of an ISO date (assumed valid). */
export function parts(iso: string): readonly [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

export function dayNumber(iso: string): number {
  const [y, m, d] = parts(iso);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): string {
  const date = new Date(n * MS_PER_DAY);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export const addDays = (iso: string, days: number): string => fromDayNumber(dayNumber(iso) + days);

/** Days from `from` to `to`, both inclusive. */
export const daysInclusive = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

/**
 * Calendar months pro rata by days as an exact fraction `numerator / denominator`: every (part of a) month counts
 * as the days of the period in that month divided by the days of that month.
 */
export function monthsFraction(from: string, to: string): { numerator: number; denominator: number } {
  // lcm(28, 29, 30, 31) = 377580: every month fraction is an integer multiple of 1/377580.
  const L = 377_580;
  let [y, m, d] = parts(from);
  const [ty, tm, td] = parts(to);
  let numerator = 0;
  while (y < ty || (y === ty && m <= tm)) {
    const dim = daysInMonth(y, m);
    const first = d;
    const last = y === ty && m === tm ? td : dim;
    if (last >= first) numerator += (last - first + 1) * (L / dim);
    d = 1;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return { numerator, denominator: L };
}

/**
 * Whole years from `from` to `to` (an age): the years passed, minus one when the anniversary has not been reached.
 * Someone born on 29 February turns a year older on 1 March in a common year.
 */
export function wholeYears(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years -= 1;
  return years;
}
