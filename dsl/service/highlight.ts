/**
 * Highlighting classes for one line of text, straight from the lexer's token categories
 * (`tokenClass` in dsl/syntax/tokens.ts). Lines are independent in this language: strings and comments never
 * span a line break, so an editor can tokenize line by line.
 */
import { Lexer } from 'chevrotain';
import { allTokens, START_ONLY, tokenClass, type TokenClass } from '../syntax/tokens.js';

export type { TokenClass };

/** A highlighted piece of a line: offsets within the line, end exclusive. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly cls: TokenClass | 'invalid';
}

let lexer: Lexer | undefined;
const getLexer = (): Lexer =>
  (lexer ??= new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    skipValidations: true,
  }));

const startOnlyNames = new Set([...START_ONLY].map((t) => t.name));
/** The tokens after which a name is a unit. */
const UNIT_BEFORE: ReadonlySet<string> = new Set(['NumberLiteral', 'Kw_per', 'Kw_eenheid', 'Kw_meervoud']);

/** The token classes of one line, covering every non-blank character (unknown characters are 'invalid'). */
export function highlightLine(line: string): TokenSpan[] {
  const result = getLexer().tokenize(line);
  const spans: TokenSpan[] = [];
  const all = [...result.tokens, ...((result.groups['comments'] ?? []) as typeof result.tokens)].sort(
    (a, b) => a.startOffset - b.startOffset,
  );
  let first = true;
  let prev: string | undefined;
  for (const t of all) {
    let cls = tokenClass(t.tokenType.name);
    // Declaration words only count as keywords at the start of a line.
    if (!first && startOnlyNames.has(t.tokenType.name)) cls = 'identifier';
    // A name after a number or `per` is a unit, as the grammar reads it: a declared one (`9 dagdelen`,
    // `€ 38,75 per dagdeel`), and so is the name and plural of `eenheid dagdeel meervoud dagdelen`.
    if (cls === 'identifier' && prev !== undefined && UNIT_BEFORE.has(prev)) cls = 'unit';
    if (cls !== 'comment') {
      prev = t.tokenType.name === 'Kw_eenheid' && !first ? 'Identifier' : t.tokenType.name;
      first = false;
    }
    spans.push({ start: t.startOffset, end: t.startOffset + t.image.length, cls });
  }
  for (const t of result.groups['unknown'] ?? []) {
    spans.push({ start: t.startOffset, end: t.startOffset + t.image.length, cls: 'invalid' });
  }
  return spans.sort((a, b) => a.start - b.start);
}
