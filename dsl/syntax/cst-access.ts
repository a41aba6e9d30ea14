/**
 * Reading Chevrotain CST nodes safely: tokens inserted by error recovery (no position) count as missing, and
 * every span stays inside the text. (The AST builders' helpers are in dsl/ast/cst-access.ts.)
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from '../text/span.js';

export type Children = Record<string, CstElement[] | undefined>;

/** A token that really is in the text (not inserted by recovery). */
export const isReal = (t: IToken | undefined): t is IToken =>
  t !== undefined && t.isInsertedInRecovery !== true && Number.isFinite(t.startOffset);

const isToken = (e: CstElement | undefined): e is IToken => e !== undefined && 'image' in e;

/** The i-th real token under `key`, if any. */
export function tok(node: CstNode | undefined, key: string, i = 0): IToken | undefined {
  const e = node?.children[key]?.[i];
  return isToken(e) && isReal(e) ? e : undefined;
}

/** All real tokens under `key`. */
export function toks(node: CstNode | undefined, key: string): IToken[] {
  const es = node?.children[key];
  if (es === undefined) return [];
  const out: IToken[] = [];
  for (const e of es) if (isToken(e) && isReal(e)) out.push(e);
  return out;
}

/** The i-th sub-node under `key`, if any. */
export function sub(node: CstNode | undefined, key: string, i = 0): CstNode | undefined {
  const e = node?.children[key]?.[i];
  return e !== undefined && !isToken(e) ? e : undefined;
}

/** All sub-nodes under `key`. */
export function subs(node: CstNode | undefined, key: string): CstNode[] {
  const es = node?.children[key];
  if (es === undefined) return [];
  const out: CstNode[] = [];
  for (const e of es) if (!isToken(e)) out.push(e);
  return out;
}

export const has = (node: CstNode | undefined, key: string): boolean => tok(node, key) !== undefined;

export const tokSpan = (t: IToken): Span => ({
  start: t.startOffset,
  end: (t.endOffset ?? t.startOffset) + 1,
});

/** The smallest span covering the given spans; `fallback` when there are none. */
export function coverAll(fallback: Span, ...spans: (Span | undefined)[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (s === undefined) continue;
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return start === Infinity ? fallback : { start, end };
}

/** A zero-width span right after a token (where something is missing). */
export const after = (t: IToken | undefined, fallback: Span): Span =>
  t === undefined
    ? fallback
    : { start: (t.endOffset ?? t.startOffset) + 1, end: (t.endOffset ?? t.startOffset) + 1 };
