/**
 * Numbers in a case (see casus.ts): JSON numbers and plain decimal strings, refusing the Dutch notation of the
 * rules (`1.200`, `12,50`) with the JSON notation in the message.
 */
import { Dec } from './decimal.js';

// ─────────────── numbers in a case ───────────────
//
// A case is JSON: a number is written `1200` or `"1200"`, decimals with a point (`"12.50"`). The `.regels`
// notation is Dutch (`1.200` is twelve hundred, `12,50` twelve and a half), so a text like "1.200" could mean
// either: it is refused, as is a decimal comma, with the JSON notation in the message. Values are limited to
// what a case can sensibly hold; `-0` and `"-0"` are both 0.

/** Digits before the decimal point a case value may have (below a trillion). */
export const CASE_MAX_INTEGER_DIGITS = 12;
/** Digits after the decimal point a case value may have. */
export const CASE_MAX_DECIMALS = 10;

/** `1.200`, `12.500.000`: Dutch thousands separators (a leading 0 is no thousands group). */
const THOUSANDS = /^-?[1-9]\d{0,2}(?:\.\d{3})+$/;
/** `12,50`, `1.234,56`: a decimal comma. */
const DECIMAL_COMMA = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;
const PLAIN = /^-?(\d+)(?:\.(\d+))?$/;

/**
 * A number of a case: a decimal, undefined when `raw` is no number at all (the caller says so), or a Dutch
 * message why this number is refused.
 */
export function caseNumber(raw: unknown): Dec | string | undefined {
  let text: string;
  if (typeof raw === 'number') {
    // JSON.parse makes 1e400 Infinity: say what was written, not "Infinity" (NaN cannot come from JSON).
    if (!Number.isFinite(raw))
      return Number.isNaN(raw)
        ? undefined
        : `een getal van ${raw < 0 ? '-1e309 of minder' : '1e309 of meer'} (geschreven als bijvoorbeeld ${raw < 0 ? '-' : ''}1e400) is geen getal dat regelwerk kan gebruiken: ten hoogste ${CASE_MAX_INTEGER_DIGITS} cijfers voor en ${CASE_MAX_DECIMALS} cijfers na de punt.`;
    text = Object.is(raw, -0) ? '0' : String(raw);
    if (/e/i.test(text)) return outOfRange(String(raw));
  } else if (typeof raw === 'string') {
    text = raw.trim();
    if (THOUSANDS.test(text)) {
      const thousands = text.replace(/\./g, '');
      const decimals = text.includes('.', text.indexOf('.') + 1)
        ? ''
        : `, of "${text.replace(/\.?0+$/, '')}" als u decimalen bedoelde`;
      return `"${text}" is dubbelzinnig: in JSON is de punt het decimaalteken, in de regels scheidt hij duizendtallen. Schrijf "${thousands}" als u duizendtallen bedoelde${decimals}.`;
    }
    if (DECIMAL_COMMA.test(text)) {
      const json = text.replace(/\./g, '').replace(',', '.');
      return `"${text}" gebruikt een decimale komma; in JSON is de punt het decimaalteken: schrijf "${json}".`;
    }
  } else return undefined;
  const m = PLAIN.exec(text);
  if (m === null) return undefined;
  const integer = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  if (integer.length > CASE_MAX_INTEGER_DIGITS || (m[2] ?? '').length > CASE_MAX_DECIMALS) {
    return outOfRange(typeof raw === 'string' ? `"${text}"` : text);
  }
  const d = new Dec(text);
  return d.isZero() ? new Dec(0) : d;
}

const outOfRange = (shown: string): string =>
  `${shown.length > 40 ? `${shown.slice(0, 37)}…` : shown} valt buiten wat een geval kan bevatten: ten hoogste ${CASE_MAX_INTEGER_DIGITS} cijfers voor en ${CASE_MAX_DECIMALS} cijfers na de punt.`;
