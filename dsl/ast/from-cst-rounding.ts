/**
 * CST → AST for the small pieces shared by declarations and expressions: units and roundings
 * (`afgerond op centen|hele euro's|<n> decimalen [wijze]`). Read through the generated CST typings.
 */
import type { IToken } from 'chevrotain';
import type { RoundingCstNode } from '../syntax/cst.js';
import { normaliseNumber } from '../syntax/lexer.js';
import type { Span } from '../text/span.js';
import type { Rounding, RoundingMode, Unit } from './ast.js';
import { UNIT_SPELLINGS } from './ast.js';
import { has, ownSpan, tok, tokSpan } from './cst-access.js';

/** A unit as written: a built-in spelling normalised (`uren` → `uur`), any other word kept for the checker. */
export const unitOf = (t: IToken | undefined): Unit =>
  t === undefined ? 'week' : (UNIT_SPELLINGS[t.image] ?? t.image);

/** `afgerond op centen|hele euro's|<n> decimalen [wijze]`. */
export function buildRounding(node: RoundingCstNode, fallback: Span): Rounding {
  const c = node.children;
  const first = tok(c.Kw_afgerond);
  let decimals = 2;
  const n = tok(c.NumberLiteral);
  if (has(c.Kw_hele)) decimals = 0;
  else if (n !== undefined) decimals = Math.min(20, Math.floor(Number(normaliseNumber(n.image))) || 0);
  let mode: RoundingMode = 'half_omhoog';
  if (has(c.Kw_half)) mode = has(c.Kw_even) ? 'half_even' : 'half_omhoog';
  else if (has(c.Kw_naar)) mode = has(c.Kw_beneden) ? 'omlaag' : 'omhoog';
  return { kind: 'Rounding', decimals, mode, span: ownSpan(node, first ? tokSpan(first) : fallback) };
}

/** An optional `afgerond op …` clause (undefined when the declaration has none). */
export const optRounding = (node: RoundingCstNode | undefined, fallback: Span): Rounding | undefined =>
  node === undefined ? undefined : buildRounding(node, fallback);
