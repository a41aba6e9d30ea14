/**
 * Reading Chevrotain CST nodes safely, through the generated typings (dsl/syntax/cst.ts): a child is read as
 * `node.children.Name`, never by a string key. Tokens inserted by error recovery (no position) count as missing,
 * and every span stays inside the text. (The AST builders' helpers are in dsl/ast/cst-access.ts.)
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Span } from '../text/span.js';

/** A token that really is in the text (not inserted by recovery). */
export const isReal = (t: IToken | undefined): t is IToken =>
  t !== undefined && t.isInsertedInRecovery !== true && Number.isFinite(t.startOffset);

/** The i-th token of a child list, if it really is in the text. */
export function tok(list: readonly IToken[] | undefined, i = 0): IToken | undefined {
  const t = list?.[i];
  return isReal(t) ? t : undefined;
}

/** The last real token of a child list. */
export function lastTok(list: readonly IToken[] | undefined): IToken | undefined {
  if (list === undefined) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (isReal(list[i])) return list[i];
  return undefined;
}

/** All real tokens of a child list. */
export function toks(list: readonly IToken[] | undefined): IToken[] {
  if (list === undefined) return [];
  const out: IToken[] = [];
  for (const t of list) if (isReal(t)) out.push(t);
  return out;
}

/** Whether a child list holds a real token. */
export const has = (list: readonly IToken[] | undefined): boolean => tok(list) !== undefined;

/** The i-th sub-node of a child list, if any. */
export const sub = <N extends CstNode>(list: readonly N[] | undefined, i = 0): N | undefined => list?.[i];

/** All sub-nodes of a child list. */
export const subs = <N extends CstNode>(list: readonly N[] | undefined): readonly N[] => list ?? [];

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

/**
 * The span of all real tokens directly under a node (whatever their kind), widened by `extra`; `fallback` when
 * there are none. Walks the children generically: no child is read by name.
 */
export function ownSpan(node: CstNode, fallback: Span, ...extra: (Span | undefined)[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const es of Object.values(node.children)) {
    for (const e of es) {
      if (!('image' in e) || !isReal(e)) continue;
      if (e.startOffset < start) start = e.startOffset;
      const last = (e.endOffset ?? e.startOffset) + 1;
      if (last > end) end = last;
    }
  }
  for (const x of extra) {
    if (x === undefined) continue;
    if (x.start < start) start = x.start;
    if (x.end > end) end = x.end;
  }
  return start === Infinity ? fallback : { start, end };
}
