/**
 * The lexer: Chevrotain's lexer plus a second pass that validates numbers and dates, closes unterminated
 * strings and turns declaration words at the start of a line into declaration-start tokens.
 */
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { DiagnosticSink } from '../diagnostics/diagnostic.js';
import {
  allTokens,
  DateLiteral,
  DECL_START,
  Identifier,
  Minus,
  NumberLiteral,
  Slash,
  Times,
  START_ONLY,
  StringLiteral,
  UnitWord,
  UnterminatedString,
} from './tokens.js';

export const regelsLexer = new Lexer(allTokens, {
  positionTracking: 'full',
  ensureOptimizations: true,
  skipValidations: true,
});

/**
 * Whether a text can stand as a bare name where a scenario names a result or a variant (`resultaat = r1`,
 * `variant = rit`): it lexes as one name that is no keyword (a unit word such as `rit` or `km` is fine there).
 */
export function isBareName(text: string): boolean {
  const r = regelsLexer.tokenize(text);
  const t = r.tokens[0];
  return (
    r.errors.length === 0 &&
    r.tokens.length === 1 &&
    t !== undefined &&
    t.image === text &&
    (t.tokenType === Identifier || t.tokenType === UnitWord)
  );
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
}

/** A valid Dutch number: thousands groups of three, optional decimal comma. */
const DUTCH_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/** `1.234,56` → "1234.56". Assumes {@link DUTCH_NUMBER}; for an invalid number gives a best effort. */
export function normaliseNumber(image: string): string {
  let out = '';
  for (let i = 0; i < image.length; i++) {
    const c = image[i];
    if (c === '.') continue;
    out += c === ',' ? '.' : c;
  }
  return out;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `YYYY-MM-DD` names a day that exists. */
export function isValidDate(iso: string): boolean {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  return d <= max;
}

const retype = (t: IToken, type: TokenType): void => {
  t.tokenType = type;
  t.tokenTypeIdx = type.tokenTypeIdx ?? 0;
};

/**
 * RW1001 for characters the language does not know: one diagnostic per line, covering every unknown character
 * on that line (a line of junk gives one diagnostic, not one per character).
 */
function reportUnknownCharacters(unknown: readonly IToken[], text: string, sink: DiagnosticSink): void {
  let i = 0;
  while (i < unknown.length) {
    const firstIdx = i;
    const first = unknown[i] as IToken;
    let last = first;
    let count = 1;
    for (i++; i < unknown.length; i++) {
      const t = unknown[i] as IToken;
      if (t.startLine !== first.startLine) break;
      // Adjacent unknown characters are one run, as written.
      if (t.startOffset !== last.startOffset + last.image.length) count++;
      last = t;
    }
    // The first run of adjacent unknown characters, as written (up to 13 characters).
    let ch = first.image;
    for (let j = firstIdx + 1; j < i && ch.length <= 12; j++) {
      const t = unknown[j] as IToken;
      if (t.startOffset !== first.startOffset + ch.length) break;
      ch += t.image;
    }
    const end = Math.min(text.length, last.startOffset + last.image.length);
    const more = count > 1 ? ` (en nog ${count - 1} keer onbekende tekens op deze regel)` : '';
    const meant = LOOK_ALIKES[ch.charAt(0)];
    sink.report(
      'RW1001',
      { start: first.startOffset, end },
      [ch.length > 12 ? ch.slice(0, 1) : ch, more],
      meant !== undefined ? { suggestions: [meant] } : {},
    );
  }
}

/** Characters a word processor puts in for the ones the language knows (a minus sign, curly quotes). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '\u2212': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
};

const touches = (a: IToken | undefined, b: IToken | undefined): boolean =>
  a !== undefined && b !== undefined && (a.endOffset ?? a.startOffset) + 1 === b.startOffset;

/** A token made by the repair pass, on the same line as `base`, ending at offset `end`. */
function synthetic(base: IToken, type: TokenType, image: string, end: number): IToken {
  const t: IToken = { ...base, tokenType: type, tokenTypeIdx: type.tokenTypeIdx ?? 0, image, endOffset: end };
  if (base.startColumn !== undefined) t.endColumn = base.startColumn + (end - base.startOffset);
  t.endLine = base.startLine ?? 1;
  return t;
}

const pad2 = (s: string): string => (s.length === 1 ? `0${s}` : s);

/**
 * A date written in another form than JJJJ-MM-DD, as adjacent tokens: `2023-1-2` (year first, one-digit month
 * or day) or `1/3/2019`, `1-3-2019` (Dutch day-month-year). Gives the ISO date and how many tokens it spans.
 */
function looseDate(tokens: readonly IToken[], i: number): { iso: string; count: number } | undefined {
  const [a, s1, b, s2, c] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3], tokens[i + 4]];
  if (a === undefined || b === undefined || c === undefined || s1 === undefined || s2 === undefined)
    return undefined;
  if (a.tokenType !== NumberLiteral || b.tokenType !== NumberLiteral || c.tokenType !== NumberLiteral)
    return undefined;
  const sep = s1.tokenType;
  if ((sep !== Minus && sep !== Slash) || s2.tokenType !== sep) return undefined;
  if (!(touches(a, s1) && touches(s1, b) && touches(b, s2) && touches(s2, c))) return undefined;
  const small = /^\d{1,2}$/;
  if (sep === Minus && /^\d{4}$/.test(a.image) && small.test(b.image) && small.test(c.image))
    return { iso: `${a.image}-${pad2(b.image)}-${pad2(c.image)}`, count: 5 };
  if (small.test(a.image) && small.test(b.image) && /^\d{4}$/.test(c.image))
    return { iso: `${c.image}-${pad2(b.image)}-${pad2(a.image)}`, count: 5 };
  return undefined;
}

/**
 * Mistakes that would otherwise give a misleading parse error, repaired with one clear diagnostic: a date in
 * another form (RW1301, becomes that date) and a multiplication written with the letter x (RW1302, becomes `×`).
 */
function repairCommonMistakes(tokens: IToken[], text: string, sink: DiagnosticSink): IToken[] {
  let out: IToken[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as IToken;
    if (t.tokenType !== NumberLiteral) {
      out?.push(t);
      continue;
    }
    const date = looseDate(tokens, i);
    if (date !== undefined) {
      const last = tokens[i + date.count - 1] as IToken;
      const end = (last.endOffset ?? last.startOffset) + 1;
      const written = text.slice(t.startOffset, end);
      sink.report('RW1301', { start: t.startOffset, end }, [written, date.iso]);
      out ??= tokens.slice(0, i);
      out.push(synthetic(t, DateLiteral, date.iso, end - 1));
      i += date.count - 1;
      continue;
    }
    out?.push(t);
    // `4.332,56x7` or `4.332,56 x 7`: the letter x right after a number on the same line.
    const x = tokens[i + 1];
    if (x === undefined || x.tokenType !== Identifier || x.startLine !== t.startLine) continue;
    const m = /^x(\d+(?:,\d+)?)?$/.exec(x.image);
    if (m === null) continue;
    const next = tokens[i + 2];
    const factor = m[1] ?? (next?.tokenType === NumberLiteral ? next.image : undefined);
    if (factor === undefined) continue;
    sink.report('RW1302', { start: x.startOffset, end: x.startOffset + x.image.length }, [t.image, factor]);
    out ??= tokens.slice(0, i + 1);
    out.push(synthetic(x, Times, '×', x.startOffset));
    if (m[1] !== undefined) {
      const n = synthetic(x, NumberLiteral, m[1], x.startOffset + x.image.length - 1);
      n.startOffset = x.startOffset + 1;
      n.startColumn = (x.startColumn ?? 0) + 1;
      out.push(n);
    }
    i++;
  }
  return out ?? tokens;
}

/** Lexes a text, reporting RW1001–RW1004 and RW1301–RW1302 to the sink. Never throws. */
export function lex(text: string, sink: DiagnosticSink): LexResult {
  const result = regelsLexer.tokenize(text);
  // Every character is a token (unknown ones in their own group), so Chevrotain reports no lexing errors.
  reportUnknownCharacters(result.groups['unknown'] ?? [], text, sink);
  const tokens = result.tokens;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === NumberLiteral) {
      if (!DUTCH_NUMBER.test(t.image)) {
        sink.report('RW1002', { start: t.startOffset, end: t.startOffset + t.image.length }, [t.image]);
      }
    } else if (type === DateLiteral) {
      if (!isValidDate(t.image)) {
        sink.report('RW1004', { start: t.startOffset, end: t.startOffset + t.image.length }, [t.image]);
      }
    } else if (type === UnterminatedString) {
      sink.report('RW1003', { start: t.startOffset, end: t.startOffset + t.image.length });
      retype(t, StringLiteral);
    } else {
      const startType = DECL_START.get(type);
      if (startType !== undefined) {
        if (t.startColumn === 1) retype(t, startType);
        else if (START_ONLY.has(type)) retype(t, Identifier);
      }
    }
  }
  return { tokens: repairCommonMistakes(tokens, text, sink), comments: result.groups['comments'] ?? [] };
}
