/**
 * The language service for editors: plain data in (texts, offsets), plain data out (spans, items, markdown).
 * No editor import: the Monaco adapter (editor/monaco) maps these to Monaco types, the web worker hosts them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { documentSymbols as symbolsOf, foldingRanges as foldingOf } from './outline.js';
import { formatFile } from './pipeline.js';
import type { DocumentSymbol, FoldingRange } from './types.js';
import type { Workspace } from './workspace.js';

export type * from './types.js';
export { Workspace, type ParsedFile } from './workspace.js';
export { completions } from './completion.js';
export { hover } from './hover.js';
export { definition, references, rename } from './navigation.js';
export { highlightLine, type TokenSpan, type TokenClass } from './highlight.js';

/** Diagnostics of every file, all stages (lexer, parser, checker, versions), sorted. */
export function diagnostics(ws: Workspace): Diagnostic[] {
  return [...ws.compile().diagnostics];
}

export function documentSymbols(ws: Workspace, path: string): DocumentSymbol[] {
  const file = ws.file(path);
  return file === undefined ? [] : symbolsOf(file);
}

export function foldingRanges(ws: Workspace, path: string): FoldingRange[] {
  const file = ws.file(path);
  return file === undefined ? [] : foldingOf(file);
}

/** The file in standard layout, or undefined when it has syntax errors (then nothing changes). */
export function format(ws: Workspace, path: string): string | undefined {
  const text = ws.text(path);
  return text === undefined ? undefined : formatFile(text, path);
}
