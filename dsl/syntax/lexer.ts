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
  NumberLiteral,
  START_ONLY,
  StringLiteral,
  UnterminatedString,
} from './tokens.js';

export const regelsLexer = new Lexer(allTokens, {
  positionTracking: 'full',
  ensureOptimizations: true,
  skipValidations: true,
});

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
    sink.report('RW1001', { start: first.startOffset, end }, [ch.length > 12 ? ch.slice(0, 1) : ch, more]);
  }
}

/** Lexes a text, reporting RW1001–RW1004 to the sink. Never throws. */
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
  return { tokens, comments: result.groups['comments'] ?? [] };
}
