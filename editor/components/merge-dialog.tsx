/**
 * A conflicting save without loss: the other person's text (left, as saved on the server) beside one's own
 * (right, editable) in Monaco's diff editor. The person merges on the right and saves that; nothing is
 * thrown away unseen.
 */
import { useEffect, useRef } from 'react';
import { monaco } from '../monaco/setup.js';
import { LANGUAGE_ID } from '../monaco/language.js';

export interface MergeState {
  readonly path: string;
  /** The server's text (null: the file was removed) and its version tag. */
  readonly theirs: string | null;
  readonly theirVersion: string | null;
  readonly mine: string;
  /** Who made the other change, if known. */
  readonly door?: string;
  readonly onderwerp?: string;
}

interface Props {
  readonly state: MergeState;
  readonly onCancel: () => void;
  /** Save the merged text against the server's version. */
  readonly onSave: (merged: string) => void;
  readonly onTakeTheirs: () => void;
}

export function MergeDialog({ state, onCancel, onSave, onTakeTheirs }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | undefined>(undefined);

  useEffect(() => {
    if (host.current === null) return;
    const original = monaco.editor.createModel(state.theirs ?? '', LANGUAGE_ID);
    const modified = monaco.editor.createModel(state.mine, LANGUAGE_ID);
    const diff = monaco.editor.createDiffEditor(host.current, {
      automaticLayout: true,
      renderSideBySide: true,
      originalEditable: false,
      readOnly: false,
    });
    diff.setModel({ original, modified });
    editor.current = diff;
    return () => {
      diff.dispose();
      original.dispose();
      modified.dispose();
      editor.current = undefined;
    };
  }, [state]);

  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className="dialog merge-dialog"
        role="dialog"
        aria-label="Wijzigingen samenvoegen"
        data-testid="samenvoegen"
      >
        <h2>Iemand anders wijzigde {state.path}</h2>
        <p className="uitleg">
          Links staat het bestand zoals het nu op de server staat
          {state.door !== undefined
            ? ` (laatst gewijzigd door ${state.door}${state.onderwerp !== undefined ? `: "${state.onderwerp}"` : ''})`
            : ''}
          , rechts uw tekst. Neem over wat u van links wilt houden in de rechterkant, en sla dan op.
        </p>
        <div className="merge-editor" ref={host} />
        <div className="knoppen">
          <button type="button" onClick={onCancel}>
            Annuleren (uw tekst blijft in de editor)
          </button>
          <button type="button" onClick={onTakeTheirs}>
            Hun versie overnemen
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => onSave(editor.current?.getModifiedEditor().getValue() ?? state.mine)}
            data-testid="samengevoegd-opslaan"
          >
            Samengevoegd opslaan
          </button>
        </div>
      </div>
    </div>
  );
}
