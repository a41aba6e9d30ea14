/**
 * A table's effective cell values in a version: the values as written, with the version's indexations
 * applied in order. An indexation applies only to cells written by an earlier version than the indexation
 * itself (a cell rewritten by `wijzig tabel` in the same or a later version is not indexed again).
 * The rule lives in one place, src/engine/indexation.ts, shared with the engine; this module re-exports it.
 */
export { effectiveCells, keyText } from '../engine/indexation.js';
