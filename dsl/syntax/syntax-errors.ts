/**
 * Turns Chevrotain's recognition errors into RW11xx diagnostics with Dutch messages that name the expected
 * thing in words ("een naam", "'dan'") instead of token type names.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { DiagnosticSink } from '../diagnostics/diagnostic.js';
import type { Span } from '../text/span.js';
import { MAX_NESTING, MAX_TERMS } from './nesting.js';

const WORDS: Readonly<Record<string, string>> = {
  Name: 'een naam',
  Identifier: 'een naam',
  NumberLiteral: 'een getal',
  StringLiteral: 'een tekst tussen aanhalingstekens',
  UnterminatedString: 'een tekst tussen aanhalingstekens',
  DateLiteral: 'een datum (JJJJ-MM-DD)',
  UnitWord: 'een eenheid (zoals week of uur)',
  Euro: "'€'",
  Percent: "'%'",
  Times: "'×'",
  Slash: "'/'",
  LBracket: "'['",
  RBracket: "']'",
  LParen: "'('",
  RParen: "')'",
  Comma: "','",
  Colon: "':'",
  NotEqual: "'<>'",
  LessEqual: "'<='",
  GreaterEqual: "'>='",
  Less: "'<'",
  Greater: "'>'",
  Equal: "'='",
  Plus: "'+'",
  Minus: "'-'",
  Dot: "'.'",
  EOF: 'het einde van het bestand',
};

/** A token type in words: `een naam`, `'dan'`, `'module' aan het begin van een regel`. */
export function describeTokenType(t: TokenType): string {
  const known = WORDS[t.name];
  if (known !== undefined) return known;
  if (t.name.startsWith('Kw_')) return `'${t.name === 'Kw_euros' ? "euro's" : t.name.slice(3)}'`;
  if (t.name.startsWith('Start_')) return `'${t.name.slice(6)}' aan het begin van een regel`;
  return t.name;
}

/** What was found, in words. */
export function describeToken(t: IToken): string {
  if (t.tokenType === EOF) return 'het einde van het bestand';
  if (t.tokenType.name === 'StringLiteral')
    return `de tekst ${t.image.length > 30 ? t.image.slice(0, 30) + '…"' : t.image}`;
  return `'${t.image}'`;
}

/** Joins alternatives: "een naam, een getal of '('". */
export function orList(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length > 6) return unique.slice(0, 5).join(', ') + ' of …';
  if (unique.length <= 1) return unique[0] ?? 'iets anders';
  return unique.slice(0, -1).join(', ') + ' of ' + (unique[unique.length - 1] ?? '');
}

const EXPRESSION_RULES = new Set(['expression', 'operand', 'postfix', 'ifExpr']);

/** Expected-thing description for an error, by rule and the token types Chevrotain expected. */
function expectedFor(e: IRecognitionException): string {
  const rule = e.context.ruleStack[e.context.ruleStack.length - 1] ?? '';
  const m = /^EXPECTED:(.*)$/s.exec(e.message);
  const listed = m?.[1] ?? '';
  if (e.name !== 'MismatchedTokenException' && EXPRESSION_RULES.has(rule)) return 'een waarde of uitdrukking';
  if (rule === 'declaration' || rule === 'file' || e.name === 'NotAllInputParsedException') {
    return 'een declaratie aan het begin van een regel (domein, tabel, parameter, bereken, budget, module, regel, scenario, …)';
  }
  return listed.length > 0 ? listed : 'iets anders';
}

/**
 * The parser's error message provider writes only "EXPECTED:<words>"; the wording of the diagnostic is chosen
 * here, from the catalog.
 */
export const errorMessageProvider = {
  buildMismatchTokenMessage: (o: { expected: TokenType }): string =>
    `EXPECTED:${describeTokenType(o.expected)}`,
  buildNotAllInputParsedMessage: (): string => 'EXPECTED:',
  buildNoViableAltMessage: (o: { expectedPathsPerAlt: TokenType[][][] }): string =>
    `EXPECTED:${orList(o.expectedPathsPerAlt.flatMap((alt) => alt.map((path) => (path[0] ? describeTokenType(path[0]) : ''))).filter((s) => s !== ''))}`,
  buildEarlyExitMessage: (o: { expectedIterationPaths: TokenType[][] }): string =>
    `EXPECTED:${orList(o.expectedIterationPaths.map((p) => (p[0] ? describeTokenType(p[0]) : '')).filter((s) => s !== ''))}`,
};

const isPositioned = (t: IToken | undefined): t is IToken =>
  t !== undefined && Number.isFinite(t.startOffset) && t.tokenType !== EOF;

/** The offset of the declaration start token before `t` (for one message per declaration). */
function declarationStart(tokens: readonly IToken[], t: IToken): number {
  let i = tokens.indexOf(t);
  if (i < 0) return t.startOffset;
  for (; i >= 0; i--) {
    const x = tokens[i] as IToken;
    if (x.tokenType.name.startsWith('Start_')) return x.startOffset;
  }
  return 0;
}

/** Reports parser errors; end-of-file errors point at the last token. One diagnostic per position. */
export function reportSyntaxErrors(
  errors: readonly IRecognitionException[],
  tokens: readonly IToken[],
  textLength: number,
  sink: DiagnosticSink,
  tooDeep: ReadonlySet<number> = new Set(),
  tooLong: ReadonlySet<number> = new Set(),
): void {
  const seen = new Set<number>();
  const lastTok = tokens[tokens.length - 1];
  for (const e of errors) {
    const expected = expectedFor(e);
    const t = e.token;
    if (e.context.ruleStack.includes('indexationDecl') && isPositioned(t)) {
      // One message with the forms that work, instead of one error per word of the indexation.
      const start = declarationStart(tokens, t);
      if (seen.has(-2 - start)) continue;
      seen.add(-2 - start);
      seen.add(t.startOffset);
      sink.report('RW1303', { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 }, [
        describeToken(t),
      ]);
      continue;
    }
    if (!isPositioned(t)) {
      const span: Span = lastTok
        ? { start: lastTok.startOffset, end: (lastTok.endOffset ?? lastTok.startOffset) + 1 }
        : { start: textLength, end: textLength };
      if (seen.has(-1)) continue;
      seen.add(-1);
      sink.report('RW1104', span, [expected]);
      continue;
    }
    if (seen.has(t.startOffset)) continue;
    seen.add(t.startOffset);
    const span: Span = {
      start: t.startOffset,
      end: Math.min(textLength, (t.endOffset ?? t.startOffset) + 1),
    };
    if (tooDeep.has(t.startOffset)) sink.report('RW1201', span, [MAX_NESTING]);
    else if (tooLong.has(t.startOffset)) sink.report('RW1701', span, [MAX_TERMS.toLocaleString('nl-NL')]);
    else if (e.name === 'MismatchedTokenException') sink.report('RW1101', span, [expected, describeToken(t)]);
    else sink.report('RW1102', span, [describeToken(t), expected]);
  }
}
