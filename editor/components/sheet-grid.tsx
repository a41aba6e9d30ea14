/**
 * One table of the Tarieven tab as a real table (caption, column and row headers, `role="grid"`) with a roving
 * tabindex, and the origin of a value as clickable steps. The keyboard handling lives in sheet-view.tsx.
 */
import type { KeyboardEvent } from 'react';
import type { Span } from '../../dsl/index.js';
import { signedPercentText } from '../../src/sheet/cell-text.js';
import { originText } from '../../src/sheet/render-sheet.js';
import type { Origin, SheetTable } from '../../src/sheet/sheet.js';

/** A cell of the sheet: table name, row and column index. */
export interface Pos {
  readonly table: string;
  readonly row: number;
  readonly col: number;
}

export const cellId = (p: Pos): string => `${p.table}\u0000${p.row}\u0000${p.col}`;

export function OriginDetails({
  origin,
  onJump,
}: {
  origin: Origin;
  onJump: (file: string, span: Span) => void;
}) {
  const w = origin.written;
  return (
    <ul className="sheet-origin-steps">
      <li>
        <button type="button" className="step" onClick={() => onJump(w.file, w.span)}>
          Geschreven in versie {w.version} ({w.validFrom})
        </button>
        {w.bron !== undefined && <span className="muted"> — bron: {w.bron}</span>}
      </li>
      {origin.indexed.map((s) => (
        <li key={`${s.version}-${s.span.start}`}>
          <button type="button" className="step" onClick={() => onJump(s.file, s.span)}>
            Geïndexeerd in versie {s.version}: {signedPercentText(s.fraction)}
            {s.selection !== undefined ? ` voor ${s.selection}` : ''}
            {s.rounding !== undefined ? `, ${s.rounding}` : ''}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SheetGrid({
  table,
  editable,
  selected,
  editing,
  onSelect,
  onEdit,
  onCommit,
  onCancel,
  onKey,
  cellRef,
}: {
  table: SheetTable;
  editable: boolean;
  selected: Pos | undefined;
  editing: { pos: Pos; value: string } | undefined;
  onSelect: (p: Pos) => void;
  onEdit: (p: Pos, initial?: string) => void;
  onCommit: (value: string) => void;
  onCancel: () => void;
  onKey: (e: KeyboardEvent<HTMLTableCellElement>, p: Pos) => void;
  cellRef: (p: Pos, el: HTMLTableCellElement | null) => void;
}) {
  const captionId = `sheet-caption-${table.name}`;
  const isSelected = (r: number, c: number) =>
    selected !== undefined && selected.table === table.name && selected.row === r && selected.col === c;
  return (
    <table
      className="sheet-grid"
      role="grid"
      aria-labelledby={captionId}
      aria-readonly={!editable}
      data-table={table.name}
    >
      <caption id={captionId}>
        Tabel <strong>{table.name}</strong>
        {table.label !== undefined ? ` — ${table.label}` : ''} <span className="muted">in {table.unit}</span>
      </caption>
      <thead>
        <tr>
          {table.rowKeys.map((k) => (
            <th key={k} scope="col" className="key">
              {k}
            </th>
          ))}
          {table.columns.map((c) => (
            <th key={c.join('/')} scope="col" className="amount">
              {c.length === 0 ? table.unit : c.join('/')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={row.key.join('/')}>
            {row.key.map((k, i) => (
              <th key={i} scope="row" className="key">
                {k}
              </th>
            ))}
            {row.cells.map((cell, c) => {
              const pos = { table: table.name, row: r, col: c };
              const sel = isSelected(r, c);
              const isEditing =
                editing !== undefined &&
                editing.pos.table === table.name &&
                editing.pos.row === r &&
                editing.pos.col === c;
              return (
                <td
                  key={c}
                  ref={(el) => cellRef(pos, el)}
                  role="gridcell"
                  className={`amount${sel ? ' selected' : ''}${cell?.origin.indexed.length ? ' indexed' : ''}`}
                  tabIndex={sel || (selected === undefined && r === 0 && c === 0) ? 0 : -1}
                  aria-selected={sel}
                  data-key={cell?.keyText}
                  data-written={cell?.origin.written.version}
                  data-indexed={cell?.origin.indexed.map((s) => s.version).join(' ')}
                  title={cell === undefined ? 'Geen cel' : `${cell.text}: ${originText(cell.origin)}`}
                  onClick={() => onSelect(pos)}
                  onDoubleClick={() => editable && cell !== undefined && onEdit(pos)}
                  onKeyDown={(e) => onKey(e, pos)}
                >
                  {isEditing ? (
                    <input
                      className="sheet-input"
                      aria-label={`Nieuwe waarde voor ${cell?.keyText ?? ''}`}
                      defaultValue={editing.value}
                      autoFocus
                      onKeyDown={(e) => {
                        e.stopPropagation();
                        if (e.key === 'Enter') onCommit(e.currentTarget.value);
                        else if (e.key === 'Escape') onCancel();
                      }}
                      onBlur={(e) => onCommit(e.currentTarget.value)}
                    />
                  ) : (
                    (cell?.text ?? '')
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
