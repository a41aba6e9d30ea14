/**
 * The syntax front end: text → tokens → CST, with RW1xxx diagnostics and the comments (for the formatter).
 * Never throws. The AST is built from this CST by dsl/ast/parse.ts (the AST depends on the syntax, not back).
 */
import type { CstNode, IToken } from 'chevrotain';
import { DiagnosticSink } from '../diagnostics/diagnostic.js';
import type { Span } from '../text/span.js';
import type { DeclarationCstNode, FileCstNode } from './cst.js';
import { lex } from './lexer.js';
import { parseTokens, regelsParser } from './parser.js';
import { reportSyntaxErrors } from './syntax-errors.js';
import { tokenClass } from './tokens.js';

export interface SourceComment {
  readonly text: string;
  readonly span: Span;
}

/** One file's CST: the file node, every declaration (also those parsed after error recovery), the comments. */
export interface SyntaxResult {
  readonly file: FileCstNode;
  readonly decls: DeclarationCstNode[];
  /** Holds the lexer's and parser's diagnostics; the AST builder adds its own. */
  readonly sink: DiagnosticSink;
  readonly comments: SourceComment[];
}

const isDeclStart = (t: IToken): boolean => t.tokenType.name.startsWith('Start_');

/** After this many syntax errors in one file the parser stops (RW1202): the rest is not read. */
export const MAX_SYNTAX_ERRORS = 200;

/**
 * Parses the file rule; where text at the top level is not a declaration, reports it once and resumes at the
 * next declaration start, so that one mistake does not hide the rest of the file.
 */
function parseAll(
  tokens: IToken[],
  textLength: number,
  sink: DiagnosticSink,
): { file: FileCstNode; decls: DeclarationCstNode[] } {
  const file = parseTokens(tokens, 'file', MAX_SYNTAX_ERRORS);
  const decls = [...(file.children.declaration ?? [])];
  let errors = [...regelsParser.errors];
  let used = 0;
  let offsetBase = 0;
  const headerMissing = file.children.header === undefined;
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
    reportSyntaxErrors(others, tokens, textLength, sink, regelsParser.tooDeep, regelsParser.tooLong);
    used += errors.length;
    if (used >= MAX_SYNTAX_ERRORS) {
      // Junk, not a rules file: stop after this many syntax errors instead of spending time on every one.
      const last = errors[errors.length - 1]?.token;
      const t = last !== undefined && Number.isFinite(last.startOffset) ? last : tokens[tokens.length - 1];
      if (t !== undefined) {
        sink.report('RW1202', { start: t.startOffset, end: t.startOffset + t.image.length }, [
          MAX_SYNTAX_ERRORS,
          t.startLine ?? 1,
        ]);
      }
      break;
    }
    if (rest === undefined) break;
    const idx = tokens.indexOf(rest.token, offsetBase);
    if (idx < 0) break;
    if (!(headerMissing && idx === 0))
      reportSyntaxErrors([rest], tokens, textLength, sink, regelsParser.tooDeep, regelsParser.tooLong);
    let next = idx + 1;
    while (next < tokens.length && !isDeclStart(tokens[next] as IToken)) next++;
    if (next >= tokens.length) break;
    offsetBase = next;
    const more = parseTokens(tokens.slice(next), 'declarations', MAX_SYNTAX_ERRORS - used);
    decls.push(...(more.children.declaration ?? []));
    errors = [...regelsParser.errors];
  }
  dropFollowUpsOfNesting(sink, tokens);
  return { file, decls };
}

/**
 * After "te diep genest" (RW1201) the parser recovers by skipping to a closing token; the syntax errors that
 * recovery leaves in the rest of that declaration say nothing new, so they are dropped.
 */
function dropFollowUpsOfNesting(sink: DiagnosticSink, tokens: readonly IToken[]): void {
  const deep = sink.items
    .filter((d) => d.code === 'RW1201')
    .map((d) => d.span.start)
    .sort((a, b) => a - b);
  if (deep.length === 0) return;
  // Each RW1201 silences syntax errors after it up to the next declaration start.
  const ranges: { from: number; to: number }[] = [];
  let t = 0;
  for (const from of deep) {
    while (
      t < tokens.length &&
      !(isDeclStart(tokens[t] as IToken) && (tokens[t] as IToken).startOffset > from)
    )
      t++;
    ranges.push({ from, to: t < tokens.length ? (tokens[t] as IToken).startOffset : Infinity });
  }
  const silenced = (at: number): boolean => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((ranges[mid] as { from: number }).from < at) lo = mid;
      else hi = mid - 1;
    }
    const r = ranges[lo] as { from: number; to: number };
    return r.from < at && at < r.to;
  };
  const kept = sink.items.filter(
    (d) => !((d.code === 'RW1101' || d.code === 'RW1102' || d.code === 'RW1104') && silenced(d.span.start)),
  );
  sink.items.length = 0;
  for (const d of kept) sink.items.push(d);
}
/** Lexes and parses one `.regels` text into its CST. */
export function parseSyntax(text: string, path: string): SyntaxResult {
  const sink = new DiagnosticSink(path);
  const { tokens, comments } = lex(text, sink);
  const { file, decls } = parseAll(tokens, text.length, sink);
  return {
    file,
    decls,
    sink,
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
