/**
 * A question in the editor's own words instead of the browser's `prompt()`/`confirm()`: a modal `<dialog>` with a
 * title, an explanation, optionally a text field, and two buttons. Keyboard: the field (or the confirm button)
 * has the focus, Enter confirms (Ctrl+Enter in a multi-line field), Escape or Annuleren cancels and changes nothing.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import './workflow.css';

export interface AskField {
  readonly label: string;
  readonly placeholder?: string;
  /** A comment of several lines (a textarea); Ctrl+Enter confirms. */
  readonly multiline?: boolean;
  /** Confirm only with text in the field. */
  readonly required?: boolean;
}

interface Props {
  readonly title: string;
  /** What happens when confirmed. */
  readonly children?: ReactNode;
  readonly field?: AskField;
  /** The confirm button's label ("Ter vaststelling aanbieden", "Herstellen"). */
  readonly confirm: string;
  readonly onConfirm: (text: string) => void;
  readonly onCancel: () => void;
  readonly testId?: string;
}

export function AskDialog({ title, children, field, confirm, onConfirm, onCancel, testId }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  /** What has the focus when the dialog opens: the text field, or else the confirm button (as `confirm()`). */
  const first = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLButtonElement>(null);
  const confirmed = useRef(false);
  const [text, setText] = useState('');
  const titleId = useId();
  const fieldId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
    first.current?.focus();
    return () => d?.close();
  }, []);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (field?.required === true && text.trim() === '') return;
    confirmed.current = true;
    dialog.current?.close();
    onConfirm(text);
  };

  return (
    <dialog
      ref={dialog}
      className="ask-dialog"
      aria-labelledby={titleId}
      // Escape closes the dialog natively; anything but confirming is cancelling.
      onClose={() => {
        if (!confirmed.current && dialog.current?.open !== true) onCancel();
      }}
      data-testid={testId}
    >
      <form onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        {children !== undefined && <div className="uitleg">{children}</div>}
        {field !== undefined && (
          <label htmlFor={fieldId}>
            {field.label}
            {field.multiline === true ? (
              <textarea
                id={fieldId}
                rows={4}
                value={text}
                placeholder={field.placeholder}
                required={field.required}
                ref={first}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
                }}
                data-testid={testId === undefined ? undefined : `${testId}-tekst`}
              />
            ) : (
              <input
                id={fieldId}
                value={text}
                placeholder={field.placeholder}
                required={field.required}
                ref={first}
                onChange={(e) => setText(e.target.value)}
                data-testid={testId === undefined ? undefined : `${testId}-tekst`}
              />
            )}
          </label>
        )}
        <div className="knoppen">
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            data-testid={testId === undefined ? undefined : `${testId}-annuleren`}
          >
            Annuleren
          </button>
          <button
            type="submit"
            className="primary"
            ref={field === undefined ? first : undefined}
            disabled={field?.required === true && text.trim() === ''}
            data-testid={testId === undefined ? undefined : `${testId}-ok`}
          >
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
