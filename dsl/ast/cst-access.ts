/**
 * Helpers that build small AST pieces (names, texts, error placeholders) from CST tokens; the CST accessors
 * themselves live in dsl/syntax/cst-access.ts (the AST depends on the syntax, never the other way round).
 */
import type { IToken } from 'chevrotain';
import type { Span } from '../text/span.js';
import type { SourceClauseCstNode } from '../syntax/cst.js';
import { sub, tok, tokSpan } from '../syntax/cst-access.js';
import type { DateLit, ErrorExpr, Name, StringLit } from './ast.js';

export * from '../syntax/cst-access.js';

export const nameOf = (t: IToken | undefined, fallback: Span): Name =>
  t === undefined
    ? { kind: 'Name', text: '', span: fallback }
    : { kind: 'Name', text: t.image, span: tokSpan(t) };

/** Unescapes a string token's image; tolerates a missing closing quote. */
export function unquote(image: string): string {
  let out = '';
  for (let i = 1; i < image.length; i++) {
    const c = image[i];
    if (c === '\\' && i + 1 < image.length) {
      out += image[i + 1];
      i++;
    } else if (c === '"') break;
    else out += c;
  }
  return out;
}

export const stringOf = (t: IToken | undefined, fallback: Span): StringLit =>
  t === undefined
    ? { kind: 'StringLit', value: '', span: fallback }
    : { kind: 'StringLit', value: unquote(t.image), span: tokSpan(t) };

export const optString = (t: IToken | undefined): StringLit | undefined =>
  t === undefined ? undefined : stringOf(t, tokSpan(t));

/** The `bron "…"` of a declaration, if it has one. */
export const sourceOf = (clause: SourceClauseCstNode[] | undefined): StringLit | undefined =>
  optString(tok(sub(clause)?.children.StringLiteral));

export const errorExpr = (span: Span): ErrorExpr => ({ kind: 'ErrorExpr', span });

/** A zero-width span at an offset. */
export const at = (n: number): Span => ({ start: n, end: n });

export const dateOf = (t: IToken | undefined, fallback: Span): DateLit =>
  t === undefined
    ? { kind: 'DateLit', value: '', span: fallback }
    : { kind: 'DateLit', value: t.image, span: tokSpan(t) };
