/**
 * The parameters of the Tarieven tab: name, value as it applies, origin (a link into the file that wrote it). In
 * a concept version a written amount, rate, percentage or number can be changed (Enter, F2 or a double click);
 * sheet-view.tsx asks the worker for the text change.
 */
import { useRef, useState } from 'react';
import type { Span } from '../../dsl/index.js';
import { originText } from '../../src/sheet/render-sheet.js';
import type { SheetParameter } from '../../src/sheet/sheet.js';

interface Props {
  readonly parameters: readonly SheetParameter[];
  readonly editable: boolean;
  readonly onCommit: (name: string, typed: string) => void;
  readonly onJump: (file: string, span: Span) => void;
}

/** The value as it is typed again: without the € and the unit. */
const bare = (p: SheetParameter): string =>
  p.text
    .replace(/^€\s*/, '')
    .replace(/\s*per \S+$/, '')
    .replace(/\s*%$/, '');

export function ParameterTable({ parameters, editable, onCommit, onJump }: Props) {
  const [editing, setEditingState] = useState<string | undefined>(undefined);
  // Also a ref: Enter, Escape and leaving the input end the edit only once.
  const current = useRef<string | undefined>(undefined);
  const setEditing = (name: string | undefined) => {
    current.current = name;
    setEditingState(name);
  };
  const end = (name: string, typed: string | undefined) => {
    if (current.current !== name) return;
    setEditing(undefined);
    const p = parameters.find((x) => x.name === name);
    if (typed !== undefined && p !== undefined && typed.trim() !== bare(p)) onCommit(name, typed);
  };
  return (
    <table className="sheet-grid sheet-parameters" data-testid="sheet-parameters">
      <caption>Parameters</caption>
      <thead>
        <tr>
          <th scope="col">Naam</th>
          <th scope="col" className="amount">
            Waarde
          </th>
          <th scope="col">Herkomst</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => {
          const canEdit = editable && p.value !== undefined;
          return (
            <tr key={p.name} data-parameter={p.name}>
              <th scope="row">{p.name}</th>
              <td
                className="amount"
                tabIndex={canEdit ? 0 : undefined}
                title={canEdit ? 'Wijzigen: Enter, F2 of dubbelklikken' : undefined}
                onDoubleClick={() => canEdit && setEditing(p.name)}
                onKeyDown={(e) => {
                  if (canEdit && (e.key === 'Enter' || e.key === 'F2') && editing === undefined) {
                    e.preventDefault();
                    setEditing(p.name);
                  }
                }}
              >
                {editing === p.name ? (
                  <input
                    className="sheet-input"
                    aria-label={`Nieuwe waarde voor ${p.name}`}
                    defaultValue={bare(p)}
                    autoFocus
                    onKeyDown={(e) => {
                      e.stopPropagation();
                      if (e.key === 'Enter') end(p.name, e.currentTarget.value);
                      else if (e.key === 'Escape') end(p.name, undefined);
                    }}
                    onBlur={(e) => end(p.name, e.currentTarget.value)}
                  />
                ) : (
                  p.text
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="step"
                  onClick={() => onJump(p.origin.written.file, p.origin.written.span)}
                >
                  {originText(p.origin)}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
