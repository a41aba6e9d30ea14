/**
 * The Tarieven tab: the tariff sheet of the open version (src/sheet): every table as a real, keyboard-usable
 * grid in Dutch notation and every parameter, as they apply in that version. The selected cell's origin (written
 * in version X, indexed in Y and Z, bron) shows below the table and on hover. In a `concept` version a cell can
 * be edited (Enter, F2, a digit or a double click); the worker writes the smallest `wijzig tabel` into the text,
 * which the editor applies as one undoable edit, so text and grid stay in step. A vastgesteld version is read-only.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Span } from '../../dsl/index.js';
import type { Sheet } from '../../src/sheet/sheet.js';
import type { WorkerClient } from '../worker/client.js';
import type { SheetState } from '../worker/sheet-service.js';
import { applyText } from './apply-text.js';
import { modelFor } from './code-editor.js';
import { cellId, OriginDetails, SheetGrid, type Pos } from './sheet-grid.js';
import { ParameterTable } from './parameter-table.js';
import { useTextSync } from './use-text-sync.js';
import type { monaco } from '../monaco/setup.js';
import './sheet-view.css';

interface Props {
  readonly client: WorkerClient;
  readonly path: string | undefined;
  readonly active: boolean;
  /** Why the open file cannot be changed at all (not UTF-8), if so. */
  readonly readOnly: string | undefined;
  readonly onJump: (file: string, span: Span) => void;
  /** The text editor, to keep its selection and the grid's on the same cell. */
  readonly editor: () => monaco.editor.IStandaloneCodeEditor | undefined;
}

type Message = { readonly kind: 'ok' | 'fout'; readonly text: string };

export function SheetView({ client, path, active, readOnly, onJump, editor }: Props) {
  const [state, setState] = useState<SheetState | undefined>(undefined);
  const [selected, setSelected] = useState<Pos | undefined>(undefined);
  const [editing, setEditingState] = useState<{ pos: Pos; value: string } | undefined>(undefined);
  // The cell being edited, also as a ref: Enter, Escape and leaving the input each end the edit only once.
  const editingRef = useRef<{ pos: Pos; value: string } | undefined>(undefined);
  const setEditing = useCallback((e: { pos: Pos; value: string } | undefined) => {
    editingRef.current = e;
    setEditingState(e);
  }, []);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const seq = useRef(0);
  const committing = useRef(false);

  const refresh = useCallback(() => {
    if (path === undefined) return;
    const at = ++seq.current;
    void client.request({ method: 'sheet', path }).then(
      (s) => at === seq.current && setState(s),
      () => undefined,
    );
  }, [client, path]);

  // The sheet follows the text: after every analysis of the worker (and when the tab or the file changes).
  useEffect(() => {
    if (!active) return;
    refresh();
    return client.onEvent((e) => {
      if (e.type === 'diagnostics') refresh();
    });
  }, [active, client, refresh]);

  useEffect(() => {
    setSelected(undefined);
    setEditing(undefined);
    setMessage(undefined);
  }, [path, setEditing]);

  const sheet: Sheet | undefined = state?.kind === 'ok' ? state.sheet : undefined;
  const sync = useTextSync(editor, path, sheet, selected, setSelected);
  const editable = sheet?.status === 'concept' && readOnly === undefined;
  const tables = sheet?.tables ?? [];
  const tableOf = (name: string) => tables.find((t) => t.name === name);
  const cellAt = (p: Pos) => tableOf(p.table)?.rows[p.row]?.cells[p.col];

  const focusCell = (p: Pos) => {
    setSelected(p);
    requestAnimationFrame(() => cells.current.get(cellId(p))?.focus());
  };

  const startEdit = (p: Pos, initial?: string) => {
    const cell = cellAt(p);
    if (!editable || cell === undefined) {
      if (!editable && sheet !== undefined)
        setMessage({
          kind: 'fout',
          text:
            readOnly ??
            `Versie ${sheet.version} is ${sheet.status}: alleen een conceptversie kan worden gewijzigd.`,
        });
      return;
    }
    setSelected(p);
    setEditing({ pos: p, value: initial ?? cell.text.replace(/^€\s*/, '').replace(/\s*%$/, '') });
  };

  const commit = async (value: string) => {
    const e = editingRef.current;
    if (e === undefined || path === undefined || committing.current) return;
    const cell = cellAt(e.pos);
    setEditing(undefined);
    if (cell === undefined || value.trim() === cell.text.replace(/^€\s*/, '').replace(/\s*%$/, '')) {
      focusCell(e.pos);
      return;
    }
    committing.current = true;
    const before = modelFor(path, '').getValue();
    try {
      const r = await client.request({
        method: 'sheetEdit',
        path,
        table: e.pos.table,
        key: cell.key,
        typed: value,
      });
      if (!r.ok) setMessage({ kind: 'fout', text: r.fout });
      else if (!r.changed) setMessage({ kind: 'ok', text: 'Geen wijziging.' });
      else if (!applyText(path, before, r.text))
        setMessage({ kind: 'fout', text: 'De tekst veranderde intussen; probeer het opnieuw.' });
      else {
        sync.revealAfterUpdate();
        setMessage({
          kind: 'ok',
          text: `${e.pos.table}[${cell.key.join(', ')}] gewijzigd in de tekst (wijzig tabel); opslaan met Ctrl+S.`,
        });
      }
    } finally {
      committing.current = false;
      focusCell(e.pos);
    }
  };

  const commitParameter = async (name: string, typed: string) => {
    if (path === undefined || committing.current) return;
    committing.current = true;
    const before = modelFor(path, '').getValue();
    try {
      const r = await client.request({ method: 'parameterEdit', path, name, typed });
      if (!r.ok) setMessage({ kind: 'fout', text: r.fout });
      else if (!r.changed) setMessage({ kind: 'ok', text: 'Geen wijziging.' });
      else if (!applyText(path, before, r.text))
        setMessage({ kind: 'fout', text: 'De tekst veranderde intussen; probeer het opnieuw.' });
      else setMessage({ kind: 'ok', text: `Parameter ${name} gewijzigd in de tekst; opslaan met Ctrl+S.` });
    } finally {
      committing.current = false;
    }
  };

  const onKey = (e: KeyboardEvent<HTMLTableCellElement>, p: Pos) => {
    const t = tableOf(p.table);
    if (t === undefined) return;
    const rows = t.rows.length;
    const cols = t.columns.length;
    const move = (row: number, col: number) => {
      e.preventDefault();
      focusCell({
        table: p.table,
        row: Math.max(0, Math.min(rows - 1, row)),
        col: Math.max(0, Math.min(cols - 1, col)),
      });
    };
    switch (e.key) {
      case 'ArrowUp':
        return move(p.row - 1, p.col);
      case 'ArrowDown':
        return move(p.row + 1, p.col);
      case 'ArrowLeft':
        return move(p.row, p.col - 1);
      case 'ArrowRight':
        return move(p.row, p.col + 1);
      case 'Home':
        return move(e.ctrlKey ? 0 : p.row, 0);
      case 'End':
        return move(e.ctrlKey ? rows - 1 : p.row, cols - 1);
      case 'Enter':
      case 'F2':
        e.preventDefault();
        return startEdit(p);
      default:
        if (/^[0-9,-]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
          e.preventDefault();
          startEdit(p, e.key);
        }
    }
  };

  const cellRef = useCallback((p: Pos, el: HTMLTableCellElement | null) => {
    if (el === null) cells.current.delete(cellId(p));
    else cells.current.set(cellId(p), el);
  }, []);

  if (path === undefined) return <p className="muted">Open een versie om haar tarieven te zien.</p>;
  if (state === undefined) return <p className="muted">Tarieven berekenen…</p>;
  if (state.kind === 'fouten') {
    return (
      <p className="warning" data-testid="sheet-summary">
        De regels bevatten {state.errors} {state.errors === 1 ? 'fout' : 'fouten'}; het tarievenblad volgt
        zodra ze zijn opgelost.
      </p>
    );
  }
  if (state.kind === 'geen')
    return (
      <p className="muted" data-testid="sheet-summary">
        {state.reason}
      </p>
    );
  const s = state.sheet;
  const sel = selected !== undefined ? cellAt(selected) : undefined;
  return (
    <div
      className="sheet"
      data-testid="sheet"
      data-version={s.version}
      data-editable={editable ? 'ja' : 'nee'}
    >
      <p className="sheet-head" data-testid="sheet-summary">
        Tarievenblad van versie <strong>{s.version}</strong> ({s.status}
        {s.municipality !== undefined ? `, gemeente ${s.municipality}` : ''}, geldig vanaf {s.validFrom}):{' '}
        {tables.length} {tables.length === 1 ? 'tabel' : 'tabellen'}, {s.parameters.length}{' '}
        {s.parameters.length === 1 ? 'parameter' : 'parameters'}, zoals ze in deze versie gelden.{' '}
        {editable
          ? 'Wijzig een cel met Enter, F2 of dubbelklikken; de wijziging komt als wijzig tabel in de tekst.'
          : 'Alleen-lezen: alleen een conceptversie kan worden gewijzigd.'}
      </p>
      {message !== undefined && (
        <p
          className={message.kind === 'fout' ? 'warning' : 'muted'}
          role={message.kind === 'fout' ? 'alert' : 'status'}
          data-testid="sheet-message"
        >
          {message.text}
        </p>
      )}
      <div className="sheet-origin" aria-live="polite" data-testid="sheet-origin">
        {selected !== undefined && sel !== undefined ? (
          <>
            <strong>
              {selected.table}[{sel.key.join(', ')}] = {sel.text}
            </strong>
            <OriginDetails origin={sel.origin} onJump={onJump} />
          </>
        ) : (
          <span className="muted">Kies een cel om te zien waar haar waarde vandaan komt.</span>
        )}
      </div>
      {tables.map((t) => (
        <SheetGrid
          key={t.name}
          table={t}
          editable={editable}
          selected={selected}
          editing={editing}
          onSelect={setSelected}
          onEdit={startEdit}
          onCommit={(v) => void commit(v)}
          onCancel={() => {
            const p = editingRef.current?.pos;
            setEditing(undefined);
            if (p !== undefined) focusCell(p);
          }}
          onKey={onKey}
          cellRef={cellRef}
        />
      ))}
      {s.parameters.length > 0 && (
        <ParameterTable
          parameters={s.parameters}
          editable={editable}
          onCommit={(name, typed) => void commitParameter(name, typed)}
          onJump={onJump}
        />
      )}
    </div>
  );
}
