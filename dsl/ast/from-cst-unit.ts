/**
 * CST → AST for a unit declaration: `eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`,
 * optionally with `bron "…"`. The checker decides whether the names are free (dsl/check/units.ts).
 */
import type { UnitDeclCstNode } from '../syntax/cst.js';
import type { Span } from '../text/span.js';
import type * as A from './ast.js';
import { at, coverAll, nameOf, optString, sourceOf, tok, tokSpan } from './cst-access.js';

export function buildUnitDecl(d: UnitDeclCstNode, fb: Span): A.UnitDecl {
  const c = d.children;
  const plural = tok(c.plural);
  const code = tok(c.NumberLiteral);
  const source = sourceOf(c.sourceClause);
  const label = optString(tok(c.StringLiteral));
  const name = nameOf(tok(c.Name), at(fb.end));
  return {
    kind: 'UnitDecl',
    name,
    plural: plural === undefined ? undefined : nameOf(plural, tokSpan(plural)),
    label,
    code: code === undefined ? undefined : { kind: 'Name', text: code.image, span: tokSpan(code) },
    source,
    span: coverAll(fb, fb, name.span, label?.span, source?.span),
  };
}
