/**
 * Text → AST for one `.regels` file: the syntax front end (dsl/syntax) gives the CST and its diagnostics, the
 * AST builder (from-cst.ts) the tree. Never throws.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseSyntax, type SourceComment } from '../syntax/parse.js';
import type { RulesFile } from './ast.js';
import { buildFile } from './from-cst.js';

export type { SourceComment };

export interface ParseResult {
  readonly ast: RulesFile;
  readonly diagnostics: Diagnostic[];
  readonly comments: SourceComment[];
}

/** Parses one `.regels` text. */
export function parse(text: string, path: string): ParseResult {
  const syntax = parseSyntax(text, path);
  const ast = buildFile(syntax.file, syntax.decls, text.length, syntax.sink);
  return { ast, diagnostics: syntax.sink.items, comments: syntax.comments };
}
