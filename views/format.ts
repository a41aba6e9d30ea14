/**
 * Dutch number notation for people, from the decimal strings the engine and the impact analysis produce
 * ("-1234.5" → "-1.234,50"). Text only: no arithmetic on money happens here. `drawn` turns a decimal string into a
 * number for the length of a bar, never for a figure a person reads.
 */

const MINUS = '−';
/** A no-break space keeps "€" and its amount together on one line (in the report, in print). */
const NBSP = '\u00a0';

/** "1234567" → "1.234.567". */
const grouped = (int: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function parts(v: string): { neg: boolean; int: string; frac: string } {
  const t = v.trim();
  const neg = t.startsWith('-');
  const [int = '0', frac = ''] = (neg || t.startsWith('+') ? t.slice(1) : t).split('.');
  return { neg, int: int === '' ? '0' : int, frac };
}

/** Rounds a non-negative decimal text half up to `places` decimals, exactly, on the digits. */
function roundDigits(int: string, frac: string, places: number): { int: string; frac: string } {
  if (frac.length <= places) return { int, frac: frac.padEnd(places, '0') };
  const keep = int + frac.slice(0, places);
  const up = frac.charCodeAt(places) - 48 >= 5;
  let digits = keep;
  if (up) {
    const arr = keep.split('');
    let i = arr.length - 1;
    while (i >= 0) {
      if (arr[i] === '9') {
        arr[i] = '0';
        i--;
      } else {
        arr[i] = String(Number(arr[i]) + 1);
        break;
      }
    }
    digits = (i < 0 ? '1' : '') + arr.join('');
  }
  const cut = digits.length - places;
  return { int: digits.slice(0, cut).replace(/^0+(?=\d)/, ''), frac: digits.slice(cut) };
}

const isZeroText = (int: string, frac: string): boolean => /^0*$/.test(int) && /^0*$/.test(frac);

/** A decimal text in Dutch notation with `places` decimals: "-1234.5" → "-1.234,50" (sign "−"). */
export function dutchNumber(v: string, places: number): string {
  const p = parts(v);
  const r = roundDigits(p.int, p.frac, places);
  const body = `${grouped(r.int)}${places > 0 ? `,${r.frac}` : ''}`;
  return p.neg && !isZeroText(r.int, r.frac) ? `${MINUS}${body}` : body;
}

/** "€ 1.234,50"; negative "−€ 1.234,50" (the sign against the €, as `regelwerk impact` writes it; no-break space). */
export function euro(v: string): string {
  const text = dutchNumber(v, 2);
  return text.startsWith(MINUS) ? `${MINUS}€${NBSP}${text.slice(1)}` : `€${NBSP}${text}`;
}

/** A change in euros, always with its sign: "+€ 1.234,50", "−€ 12,00", "€ 0,00" (as the CLI; no-break space). */
export function signedEuro(v: string): string {
  const text = dutchNumber(v, 2);
  if (text.startsWith(MINUS)) return `${MINUS}€${NBSP}${text.slice(1)}`;
  return /^[0.,]*$/.test(text) ? `€${NBSP}0,00` : `+€${NBSP}${text}`;
}

/** A change in whole euros for tight spaces (chart labels): "+€ 12.345", "−€ 7". */
export function signedEuroRounded(v: string): string {
  const text = dutchNumber(v, 0);
  if (text.startsWith(MINUS)) return `${MINUS}€${NBSP}${text.slice(1)}`;
  return text === '0' ? `€${NBSP}0` : `+€${NBSP}${text}`;
}

/** A percentage (a decimal text in percent, "2.8488") with its sign and two decimals: "+2,85 %"; none: "—". */
export function signedPercent(v: string | null | undefined): string {
  if (v === undefined || v === null) return '—';
  const text = dutchNumber(v, 2);
  if (text.startsWith(MINUS)) return `${text}${NBSP}%`;
  return /^[0.,]*$/.test(text) ? `0,00${NBSP}%` : `+${text}${NBSP}%`;
}

/** A count: 30000 → "30.000". */
export const count = (n: number): string => grouped(String(Math.trunc(n)));

/** For drawing only (the length of a bar): a decimal text as a float. */
export function drawn(v: string): number {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
}

/** The sign of a decimal text: -1, 0 or 1 (exact, on the digits). */
export function signOf(v: string): -1 | 0 | 1 {
  const p = parts(v);
  if (isZeroText(p.int, p.frac)) return 0;
  return p.neg ? -1 : 1;
}

const DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2023-01-01" → "1 januari 2023"; anything else unchanged. */
export function dutchDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}
