/**
 * Tariff values in Dutch, both ways: how a sheet shows a cell ("€ 188,41", "60 %", "0,6") and how what an
 * advisor types into a cell ("190", "€ 1.234,5", "17 %", "-") becomes a value and the text written in the file.
 */
import type { Ir } from '../../dsl/index.js';
import { isNumeric, tableUnitText } from '../../dsl/core.js';
import { dec, dutch, type Dec } from '../engine/decimal.js';
import { formatValue } from '../engine/format.js';

/** Two decimals, or more when the value has them (as the engine writes rates). */
const amount = (d: Dec): string => (d.decimalPlaces() > 2 ? dutch(d) : dutch(d, 2));

/** A table cell in Dutch with its sign, without the "per …" (the table's heading names it); "-" for none. */
export function cellText(t: Ir.Type, value: string | null): string {
  if (value === null) return '-';
  const d = dec(value);
  switch (t.kind) {
    case 'money':
    case 'rate':
      return `€ ${amount(d)}`;
    case 'percent':
      return `${dutch(d.times(100))} %`;
    default:
      return dutch(d);
  }
}

/** A number with its full unit ("€ 13,47 per rit", "17 %"); undefined when the type is not a number. */
export function valueText(t: Ir.Type, value: string): string | undefined {
  if (!isNumeric(t) || !/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return formatValue(dec(value), t);
}

/** The unit as written after `in`: "€ per week", "€", "%", "getal". */
export const tableUnit = (t: Ir.Type): string => tableUnitText(t);

/** "afgerond op centen", "afgerond op 2 decimalen half naar even". */
export function roundingText(r: Ir.Rounding): string {
  const what = r.decimals === 2 ? 'centen' : r.decimals === 0 ? "hele euro's" : `${r.decimals} decimalen`;
  const mode =
    r.mode === 'half_omhoog'
      ? ''
      : r.mode === 'half_even'
        ? ' half naar even'
        : r.mode === 'omlaag'
          ? ' naar beneden'
          : ' naar boven';
  return `afgerond op ${what}${mode}`;
}

/** "0.0474" → "4,74 %". */
export const percentText = (fraction: string): string => `${dutch(dec(fraction).times(100))} %`;

/** With its sign, for an indexation: "0.0474" → "+4,74 %", "-0.03" → "-3 %" (a verlaging). */
export const signedPercentText = (fraction: string): string =>
  `${dec(fraction).isNegative() ? '' : '+'}${percentText(fraction)}`;

/** What an advisor typed, read: the IR value (percentages as fractions) and the text for the file. */
export type CellEntry =
  | { readonly ok: true; readonly value: string | null; readonly written: string }
  | { readonly ok: false; readonly fout: string };

const MAX_DECIMALS = 6;
const MAX_DIGITS = 12;

/** What was typed, shortened for a message: a pasted page does not become a page-long message. */
const short = (typed: string): string => {
  const t = typed.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

/**
 * Reads a typed cell value in Dutch notation: "190", "190,5", "€ 1.234,56", "17 %" (a % table), or "-" for a
 * cell that does not exist. A point is only a thousands separator ("1.234"); "188.41" is refused with the hint
 * to write a comma.
 */
export function parseCellEntry(t: Ir.Type, typed: string): CellEntry {
  let s = typed.trim().replace(/\s+/g, ' ');
  if (s === '-') return { ok: true, value: null, written: '-' };
  const money = t.kind === 'money' || t.kind === 'rate';
  if (money) s = s.replace(/^€\s*/, '');
  if (t.kind === 'percent') s = s.replace(/\s*%$/, '');
  if (money && t.kind === 'rate') s = s.replace(new RegExp(`\\s*per ${t.per}$`), '');
  if (s === '') return { ok: false, fout: 'Vul een getal in, of "-" als de cel niet bestaat.' };
  if (/^\d+\.\d{1,2}$/.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) {
    return {
      ok: false,
      fout: `'${short(typed)}': schrijf decimalen met een komma, zoals ${s.replace('.', ',')}.`,
    };
  }
  if (s.startsWith('-'))
    return { ok: false, fout: `'${short(typed)}': een waarde in de tabel kan niet negatief zijn.` };
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (m === null) {
    const example = money ? '190,00 of € 1.234,50' : t.kind === 'percent' ? '17 of 17,5 %' : '0,6';
    return {
      ok: false,
      fout: `'${short(typed)}' is geen getal in Nederlandse notatie (bijvoorbeeld ${example}).`,
    };
  }
  const int = (m[1] ?? '0').replace(/\./g, '').replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  if (int.length > MAX_DIGITS) {
    return {
      ok: false,
      fout: `'${short(typed)}' is te groot: hoogstens ${MAX_DIGITS} cijfers voor de komma.`,
    };
  }
  if (frac.length > MAX_DECIMALS) {
    return { ok: false, fout: `'${short(typed)}' heeft meer dan ${MAX_DECIMALS} decimalen.` };
  }
  const number = dec(frac === '' ? int : `${int}.${frac}`);
  // Amounts are written with at least two decimals ("190,00"), as the rules write them.
  const writtenFrac = money && frac.length < 2 ? frac.padEnd(2, '0') : frac;
  const written = dutch(dec(writtenFrac === '' ? int : `${int}.${writtenFrac}`), writtenFrac.length);
  const value = t.kind === 'percent' ? number.div(100).toFixed() : number.toFixed();
  return { ok: true, value, written };
}
