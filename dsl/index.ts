/**
 * The public face of the language: everything src/ and editor/ may use comes through here.
 */
export type { Span, LineCol } from './text/span.js';
export { LineIndex, assertNever } from './text/span.js';
export type { Diagnostic, DiagnosticSeverity, Stage } from './diagnostics/diagnostic.js';
export { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export { CATALOG, type DiagnosticCode } from './diagnostics/catalog.js';
export type * as Ast from './ast/ast.js';
export type * as Ir from './ir/ir.js';
export { parse, type ParseResult, type SourceComment } from './ast/parse.js';
export { parseCst, classifyTokens } from './syntax/parse.js';
export { isBareName } from './syntax/lexer.js';
export { tokenClass, allTokens, TOKEN_CLASSES, type TokenClass } from './syntax/tokens.js';
export { compile, compileFile, type CompileResult, type ParsedFile, type Source } from './compile.js';
export type { FileSymbols, SymbolDef, SymbolKind } from './check/symbols.js';
export { lower } from './ir/from-ast.js';
export { formatText, printFile } from './ast/print.js';
export { stripSpans } from './ast/strip-spans.js';
export {
  renderDiagnostic,
  renderDiagnostics,
  capDiagnostics,
  omittedLine,
  DEFAULT_MAX_PER_FILE,
  type CappedDiagnostics,
} from './diagnostics/render.js';
export { UNIT_AFTER_NUMBER } from './ast/ast.js';
export { childExprs, readsItemPeriod, someExpr, leftChain, prefixChain, type LinkExpr } from './ir/walk.js';
export { suggest } from './text/suggest.js';
export { printProgram, exprText, typeText } from './ir/print.js';
export { keyMatches, selectionText, dutchList, type SelectionPart } from './text/selection-text.js';
