/** Putting a text computed elsewhere (the worker) into a Monaco model without losing the undo history. */
import { modelFor } from './code-editor.js';

/**
 * Applies the worker's new text to the model of `path` as one undoable edit of the part that changed; false
 * (and nothing changed) when the model no longer holds `before`.
 */
export function applyText(path: string, before: string, after: string): boolean {
  const model = modelFor(path, '');
  if (model.getValue() !== before) return false;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(before.length - end);
  model.pushEditOperations(
    [],
    [
      {
        range: {
          startLineNumber: from.lineNumber,
          startColumn: from.column,
          endLineNumber: to.lineNumber,
          endColumn: to.column,
        },
        text: after.slice(start, after.length - end),
      },
    ],
    () => null,
  );
  return true;
}
