/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) without clock or locale: day numbers are days since 1970-01-01
 * in the proleptic Gregorian calendar, computed with UTC so no time zone can shift them.
 */
const ZERO_CHAR = 48;

/** The number at `s[from..from+len)` when all are ASCII digits, else -1. */
function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const d = s.charCodeAt(i) - ZERO_CHAR;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Is `s` a real calendar date in ISO notation (YYYY-MM-DD) between 1900 and 2199? */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
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
  return [digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2)];
}

/**
 * Days since 1970-01-01 of an ISO date (assumed valid), by integer arithmetic in the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil: years start in March, so the leap day is the last day of a year).
 */
export function dayNumber(iso: string): number {
  const m = digits(iso, 5, 2);
  const y = digits(iso, 0, 4) - (m <= 2 ? 1 : 0);
  const d = digits(iso, 8, 2);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The ISO date of a day number (the inverse of {@link dayNumber}; civil_from_days). */
export function fromDayNumber(n: number): string {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export const addDays = (iso: string, days: number): string => fromDayNumber(dayNumber(iso) + days);

/** Days from `from` to `to`, both inclusive. */
export const daysInclusive = (from: string, to: string): number => dayNumber(to) - dayNumber(from) + 1;

/** lcm(28, 29, 30, 31): every month fraction is an integer multiple of 1/377580 (the denominator of each). */
export const MONTH_UNITS = 377_580;

/**
 * Calendar months pro rata by days as an exact fraction `numerator / denominator` (always {@link MONTH_UNITS}):
 * every (part of a) month counts as the days of the period in that month divided by the days of that month.
 */
export function monthsFraction(from: string, to: string): { numerator: number; denominator: number } {
  const L = MONTH_UNITS;
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
