/**
 * The syntax front end: text → tokens → CST → AST, with RW1xxx diagnostics and the comments (for the
 * formatter). Never throws.
 */
import type { CstNode, IToken } from 'chevrotain';
import { buildFile } from '../ast/from-cst.js';
import { subs } from '../ast/cst-access.js';
import type { RulesFile } from '../ast/ast.js';
import { DiagnosticSink, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../text/span.js';
import { lex } from './lexer.js';
import { parseTokens, regelsParser } from './parser.js';
import { reportSyntaxErrors } from './syntax-errors.js';
import { tokenClass } from './tokens.js';

export interface SourceComment {
  readonly text: string;
  readonly span: Span;
}

export interface ParseResult {
  readonly ast: RulesFile;
  readonly diagnostics: Diagnostic[];
  readonly comments: SourceComment[];
}

const isDeclStart = (t: IToken): boolean => t.tokenType.name.startsWith('Start_');

/**
 * Parses the file rule; where text at the top level is not a declaration, reports it once and resumes at the
 * next declaration start, so that one mistake does not hide the rest of the file.
 */
function parseAll(
  tokens: IToken[],
  textLength: number,
  sink: DiagnosticSink,
): { file: CstNode; decls: CstNode[] } {
  const file = parseTokens(tokens, 'file');
  const decls = subs(file, 'declaration');
  let errors = [...regelsParser.errors];
  let offsetBase = 0;
  const headerMissing = subs(file, 'header').length === 0;
  if (headerMissing) {
    const first = tokens[0];
    sink.report(
      'RW1103',
      first
        ? { start: first.startOffset, end: (first.endOffset ?? first.startOffset) + 1 }
        : { start: 0, end: 0 },
    );
  }
  for (let guard = 0; guard < tokens.length + 1; guard++) {
    const rest = errors.find((e) => e.name === 'NotAllInputParsedException');
    const others = errors.filter((e) => e !== rest);
    reportSyntaxErrors(others, tokens, textLength, sink);
    if (rest === undefined) break;
    const idx = tokens.indexOf(rest.token, offsetBase);
    if (idx < 0) break;
    if (!(headerMissing && idx === 0)) reportSyntaxErrors([rest], tokens, textLength, sink);
    let next = idx + 1;
    while (next < tokens.length && !isDeclStart(tokens[next] as IToken)) next++;
    if (next >= tokens.length) break;
    offsetBase = next;
    const more = parseTokens(tokens.slice(next), 'declarations');
    decls.push(...subs(more, 'declaration'));
    errors = [...regelsParser.errors];
  }
  return { file, decls };
}

/** Parses one `.regels` text. */
export function parse(text: string, file: string): ParseResult {
  const sink = new DiagnosticSink(file);
  const { tokens, comments } = lex(text, sink);
  const { file: cst, decls } = parseAll(tokens, text.length, sink);
  const ast = buildFile(cst, decls, text.length, sink);
  return {
    ast,
    diagnostics: sink.items,
    comments: comments.map((c) => ({
      text: c.image,
      span: { start: c.startOffset, end: c.startOffset + c.image.length },
    })),
  };
}

/** Lex + CST parse only (for benchmarks against the full front end). */
export function parseCst(text: string): { cst: CstNode; errorCount: number } {
  const sink = new DiagnosticSink('');
  const { tokens } = lex(text, sink);
  const cst = parseTokens(tokens, 'file');
  return { cst, errorCount: regelsParser.errors.length + sink.items.length };
}

/** Tokens with their highlighting class (for editors). */
export function classifyTokens(
  text: string,
): { start: number; end: number; class: ReturnType<typeof tokenClass> }[] {
  const sink = new DiagnosticSink('');
  const { tokens, comments } = lex(text, sink);
  const all = [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset);
  return all.map((t) => ({
    start: t.startOffset,
    end: t.startOffset + t.image.length,
    class: tokenClass(t.tokenType.name),
  }));
}
