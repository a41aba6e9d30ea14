/**
 * Keeps the Tarieven grid and the text editor on the same cell: a cell chosen in the grid that the open file
 * writes is selected in the text (without taking the focus from the grid), and a cursor placed on a cell in the
 * text selects that cell in the grid.
 */
import { useEffect, useRef } from 'react';
import type { monaco } from '../monaco/setup.js';
import type { Sheet } from '../../src/sheet/sheet.js';
import { modelFor } from './code-editor.js';
import type { Pos } from './sheet-grid.js';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** The grid position of the cell the open file writes at `offset`. */
function cellAtOffset(sheet: Sheet, path: string, offset: number): Pos | undefined {
  for (const t of sheet.tables) {
    for (let row = 0; row < t.rows.length; row++) {
      const cells = t.rows[row]?.cells ?? [];
      for (let col = 0; col < cells.length; col++) {
        const w = cells[col]?.origin.written;
        if (w !== undefined && w.file === path && w.span.start <= offset && offset <= w.span.end)
          return { table: t.name, row, col };
      }
    }
  }
  return undefined;
}

export function useTextSync(
  editor: () => Editor | undefined,
  path: string | undefined,
  sheet: Sheet | undefined,
  selected: Pos | undefined,
  select: (p: Pos) => void,
): { revealAfterUpdate: () => void } {
  /** Set while the grid moves the editor's selection, so that move does not come back as a cursor event. */
  const moving = useRef(false);
  const fromText = useRef(false);

  // Text → grid.
  useEffect(() => {
    const e = editor();
    if (e === undefined || path === undefined || sheet === undefined) return;
    const sub = e.onDidChangeCursorPosition((ev) => {
      const model = e.getModel();
      if (moving.current || model === null || model !== modelFor(path, '')) return;
      const p = cellAtOffset(sheet, path, model.getOffsetAt(ev.position));
      if (p === undefined) return;
      fromText.current = true;
      select(p);
    });
    return () => sub.dispose();
  }, [editor, path, sheet, select]);

  /** Set after a grid edit: the cell is selected in the text once the new sheet (with its new place) arrives. */
  const pending = useRef(false);

  const reveal = (): void => {
    const e = editor();
    if (e === undefined || path === undefined || sheet === undefined || selected === undefined) return;
    // Never move the selection from under someone typing in the text.
    if (e.hasTextFocus()) return;
    const cell = sheet.tables.find((t) => t.name === selected.table)?.rows[selected.row]?.cells[selected.col];
    const w = cell?.origin.written;
    const model = e.getModel();
    if (w === undefined || w.file !== path || model === null || model !== modelFor(path, '')) return;
    const from = model.getPositionAt(w.span.start);
    const to = model.getPositionAt(w.span.end);
    const range = {
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    };
    moving.current = true;
    try {
      e.setSelection(range);
      e.revealRangeInCenterIfOutsideViewport(range);
    } finally {
      moving.current = false;
    }
  };

  // Grid → text: when the grid chooses a cell (not when the text did, and not on every new sheet while typing).
  useEffect(() => {
    if (fromText.current) {
      fromText.current = false;
      return;
    }
    reveal();
    // Only a new choice in the grid moves the text selection.
  }, [selected]);

  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    reveal();
    // Only the sheet that follows a grid edit.
  }, [sheet]);

  return {
    revealAfterUpdate: () => {
      pending.current = true;
    },
  };
}
