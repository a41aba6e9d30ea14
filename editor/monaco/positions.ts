/**
 * The one place that converts between the language service's 0-based UTF-16 offsets and Monaco's
 * 1-based line/column positions.
 */
import type { Span } from '../../dsl/index.js';
import type { monaco } from './setup.js';

type Model = monaco.editor.ITextModel;

export function spanToRange(model: Model, span: Span): monaco.IRange {
  const start = model.getPositionAt(span.start);
  const end = model.getPositionAt(Math.max(span.start, span.end));
  return {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
}

export function positionToOffset(model: Model, position: monaco.IPosition): number {
  return model.getOffsetAt(position);
}

/** 1-based line numbers of a span (for folding ranges). */
export function spanToLines(model: Model, span: Span): { start: number; end: number } {
  return {
    start: model.getPositionAt(span.start).lineNumber,
    end: model.getPositionAt(Math.max(span.start, span.end - 1)).lineNumber,
  };
}
