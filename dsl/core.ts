/**
 * The part of the language's public face that evaluation needs at run time: types, the IR walk, unit names,
 * positions and suggestions. Nothing here imports Chevrotain or the checker, so the engine (and the bundle
 * runtime, `regelwerk/runtime`) can load without the compiler. `dsl/index.ts` re-exports all of it.
 */
export type { Span, LineCol } from './text/span.js';
export { LineIndex, assertNever } from './text/span.js';
export type * as Ir from './ir/ir.js';
export { UNIT_AFTER_NUMBER, cellUnitText, isBuiltinUnit, unitWordAfter } from './ast/ast.js';
export type { UnitNames } from './ast/ast.js';
export { isNumeric, tableCellUnit, tableUnitText } from './ir/type-text.js';
export { childExprs, readsItemPeriod, someExpr, leftChain, prefixChain, type LinkExpr } from './ir/walk.js';
export { suggest } from './text/suggest.js';
export { keyMatches, selectionText, type SelectionPart } from './text/selection-text.js';
